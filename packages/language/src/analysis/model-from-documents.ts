import type { LangiumDocument } from 'langium';
import type {
    ActorData, DialogueData, InterestData, PlaceData, Polarity, SourceLocation, TerritoryModel, TieData, WorkshopData
} from '@territory/analysis';
import { compareNames, DEFAULT_COMMITMENT_STATUS } from '@territory/analysis';
import type { Model, Territory, Zone } from '../generated/ast.js';
import { isActor, isDialogue, isInterest, isTerritory, isTie, isWorkshop, isZone } from '../generated/ast.js';
import { parentOf } from '../validation/territory-validator.js';
import { isPreludeUri } from '../prelude.js';
import { isCalendarDate, today } from '../validation/dates.js';

/**
 * Reads the linked documents of a model into plain data. Elements whose references do not
 * resolve are left out (a tie to an unknown actor is an error the checker reports; the
 * analysis works on what is well-defined).
 */
export function modelFromDocuments(documents: Iterable<LangiumDocument>): TerritoryModel {
    const actors: ActorData[] = [];
    const ties: TieData[] = [];
    const interests: InterestData[] = [];
    const workshops: WorkshopData[] = [];
    const dialogues: DialogueData[] = [];
    let asOf: string | undefined;
    const seenActors = new Set<string>();
    const places: PlaceData[] = [];
    const seenPlaces = new Set<string>();
    const locations = new Map<string, SourceLocation>();
    // Files in a stable order, so that the same model always gives the same data.
    const ordered = [...documents].sort((a, b) => compareNames(a.uri.toString(), b.uri.toString()));
    // The elements the analysis reads are statements of a file, or zones within a territory or
    // a zone: only those are walked (not stances, commitments, view inclusions…), in the order
    // of a walk of the whole tree (a place, then the zones within it), so duplicates resolve
    // the same way.
    const visitPlace = (node: Territory | Zone) => {
        if (isTerritory(node) && asOf === undefined && node.asOf && isCalendarDate(node.asOf)) asOf = node.asOf;
        if (node.name && !seenPlaces.has(node.name)) {
            seenPlaces.add(node.name);
            places.push({ name: node.name, title: node.title, parent: isZone(node) ? parentOf(node)?.name : undefined });
        }
        for (const zone of node.zones ?? []) visitPlace(zone);
    };
    for (const document of ordered) {
        if (isPreludeUri(document.uri)) continue;
        const uri = document.uri.toString();
        for (const node of (document.parseResult.value as Model).statements ?? []) {
            if (isTie(node)) {
                const source = node.source?.ref?.name;
                const target = node.target?.ref?.name;
                const relation = node.relation?.ref;
                // A self-tie is an error the checker reports; it counts as a tie statement, the graphs leave it out.
                if (!source || !target || !relation) continue;
                ties.push({
                    source,
                    target,
                    relation: relation.name,
                    directed: node.arrow === '->',
                    polarity: (relation.polarity ?? 'positive') as Polarity,
                    weight: integer(node.weight) ?? 1,
                    note: node.note || undefined
                });
            } else if (isActor(node)) {
                if (!node.name || seenActors.has(node.name)) continue; // a duplicate name is an error; count the actor once
                seenActors.add(node.name);
                const start = node.$cstNode?.range.start;
                if (start) locations.set(node.name, { uri, line: start.line, character: start.character });
                actors.push({
                    name: node.name,
                    title: node.title,
                    kind: node.kind?.ref?.name,
                    zone: node.zone?.ref?.name,
                    power: integer(node.power),
                    positions: node.stances.filter(s => s.interest?.ref).map(stance => ({
                        interest: stance.interest.ref!.name,
                        position: (stance.position === 'opposes' ? -1 : 1) * (integer(stance.intensity) ?? 1)
                    })),
                    tags: [...node.tags],
                    description: node.description
                });
            } else if (isTerritory(node) || isZone(node)) {
                visitPlace(node);
            } else if (isInterest(node)) {
                interests.push({ name: node.name, title: node.title });
            } else if (isWorkshop(node)) {
                workshops.push({
                    name: node.name,
                    title: node.title,
                    date: node.date,
                    participants: resolved(node.participants),
                    interests: resolved(node.interests)
                });
            } else if (isDialogue(node)) {
                dialogues.push({
                    name: node.name,
                    title: node.title,
                    parties: resolved(node.parties),
                    interests: resolved(node.interests),
                    commitments: node.commitments.filter(c => c.actor?.ref).map(commitment => ({
                        name: commitment.name,
                        actor: commitment.actor.ref!.name,
                        beneficiaries: resolved(commitment.beneficiaries),
                        text: commitment.text,
                        due: commitment.due && isCalendarDate(commitment.due) ? commitment.due : undefined,
                        status: commitment.status ?? DEFAULT_COMMITMENT_STATUS
                    }))
                });
            }
        }
    }
    return {
        asOf: asOf ?? today(),
        actors: sortedByName(actors),
        ties,
        interests: sortedByName(interests),
        workshops: sortedByName(workshops),
        dialogues: sortedByName(dialogues),
        places: sortedByName(places),
        locations
    };
}

/**
 * Sorted by `compareNames`: when no name holds a character beyond U+FFFF, that is the order of
 * `<`, which is much faster to compare with.
 */
function sortedByName<T extends { name: string }>(list: T[]): T[] {
    if (list.some(item => SURROGATE.test(item.name))) return list.sort((a, b) => compareNames(a.name, b.name));
    return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const SURROGATE = /[\uD800-\uDFFF]/;

function integer(text: string | undefined): number | undefined {
    return text !== undefined && /^[0-9]+$/.test(text) ? Number(text) : undefined;
}

function resolved(references: ReadonlyArray<{ ref?: { name: string } }>): string[] {
    return references.flatMap(reference => (reference.ref ? [reference.ref.name] : []));
}
