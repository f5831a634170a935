import type { LangiumDocument } from 'langium';
import type {
    ActorData, DialogueData, InterestData, PlaceData, Polarity, SourceLocation, Steps, TerritoryModel, TieData, WorkshopData
} from '@territory/analysis';
import { compareNames, DEFAULT_COMMITMENT_STATUS, runSteps, runStepsWithPauses, sortInSteps } from '@territory/analysis';
import type { Actor, Interest, Kind, Model, Place, Relation, Territory, Tie, Zone } from '../generated/ast.js';
import { isActor, isDialogue, isInterest, isTerritory, isTie, isWorkshop, isZone } from '../generated/ast.js';
import { parentOf } from '../validation/territory-validator.js';
import { isPreludeUri } from '../prelude.js';
import { isCalendarDate, today } from '../validation/dates.js';
import type { Pause } from './analysis-runner.js';

/**
 * Reads the linked documents of a model into plain data. Elements whose references do not
 * resolve are left out (a tie to an unknown actor is an error the checker reports; the
 * analysis works on what is well-defined).
 */
export function modelFromDocuments(documents: Iterable<LangiumDocument>): TerritoryModel {
    return runSteps(readModel(documents));
}

/**
 * The same, with a `pause` before each step: a file, a part of the sorting (the language
 * server's thread: the editor's requests go first, an edit typed meanwhile cancels the
 * analysis at once). At 50,000 actors, reading the model takes 0.2 s of that thread.
 */
export function modelFromDocumentsInterruptibly(documents: Iterable<LangiumDocument>, pause: Pause): Promise<TerritoryModel> {
    return runStepsWithPauses(readModel(documents), pause);
}

/** Reads the model in steps (`Steps`): a file per step, then the sorting (`sortInSteps`). */
function* readModel(documents: Iterable<LangiumDocument>): Steps<TerritoryModel> {
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
                const data = tieData(node);
                if (data) ties.push(data);
            } else if (isActor(node)) {
                if (!node.name || seenActors.has(node.name)) continue; // a duplicate name is an error; count the actor once
                seenActors.add(node.name);
                const location = locationOf(node, uri);
                if (location) locations.set(node.name, location);
                actors.push(actorData(node));
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
        yield;
    }
    return {
        asOf: asOf ?? today(),
        actors: yield* orders.actors.sorted(actors),
        ties,
        interests: yield* orders.interests.sorted(interests),
        workshops: yield* orders.workshops.sorted(workshops),
        dialogues: yield* orders.dialogues.sorted(dialogues),
        places: yield* orders.places.sorted(places),
        locations
    };
}

/**
 * Sorts a list by name (`compareNames`), remembering the order of the last list it sorted:
 * a list of the same names in the same order sorts the same way, without comparing. Most
 * edits change no name, and sorting 50,000 actors in steps takes 0.1 s.
 */
class NameOrder {
    private last?: { names: string[]; order: number[] };

    *sorted<T extends { name: string }>(list: readonly T[]): Steps<T[]> {
        const names = list.map(item => item.name);
        const last = this.last;
        if (last && last.names.length === names.length && last.names.every((name, i) => name === names[i])) {
            return last.order.map(i => list[i]);
        }
        // When no name holds a character beyond U+FFFF, `compareNames` is the order of `<`, which is much faster to compare with.
        const compare = names.some(name => SURROGATE.test(name))
            ? (i: number, j: number) => compareNames(names[i], names[j])
            : (i: number, j: number) => (names[i] < names[j] ? -1 : names[i] > names[j] ? 1 : 0);
        const order = yield* sortInSteps(names.map((_, i) => i), compare);
        this.last = { names, order };
        return order.map(i => list[i]);
    }
}

const orders = {
    actors: new NameOrder(),
    interests: new NameOrder(),
    workshops: new NameOrder(),
    dialogues: new NameOrder(),
    places: new NameOrder()
};

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * What a tie or an actor statement gives the analysis, kept with the nodes its references
 * resolved to. A statement an edit left alone is the same node (see `reparseStatements`): while
 * its references resolve to the same nodes, its data is the same and is reused. On a model of
 * 15,500 actors, reading them all again made some 12 MB of objects per analysis, which outlived
 * the young generation and were the largest part of what each edit left for the old one.
 */
const tiesRead = new WeakMap<Tie, { readonly source?: Actor; readonly target?: Actor; readonly relation?: Relation; readonly data: TieData | undefined }>();
const actorsRead = new WeakMap<Actor, { readonly kind?: Kind; readonly zone?: Place; readonly interests: readonly (Interest | undefined)[]; readonly data: ActorData }>();
const locationsRead = new WeakMap<Actor, SourceLocation>();

// Compared field by field, without a list per statement: lists made for each statement of
// each analysis end up in the old generation once V8 sees that those it keeps live long.
function tieData(node: Tie): TieData | undefined {
    const source = node.source?.ref;
    const target = node.target?.ref;
    const relation = node.relation?.ref;
    const read = tiesRead.get(node);
    if (read && read.source === source && read.target === target && read.relation === relation) return read.data;
    // A self-tie is an error the checker reports; it counts as a tie statement, the graphs leave it out.
    const data: TieData | undefined = !source?.name || !target?.name || !relation ? undefined : {
        source: source.name,
        target: target.name,
        relation: relation.name,
        directed: node.arrow === '->',
        polarity: (relation.polarity ?? 'positive') as Polarity,
        weight: integer(node.weight) ?? 1,
        note: node.note || undefined
    };
    tiesRead.set(node, { source, target, relation, data });
    return data;
}

function actorData(node: Actor): ActorData {
    const read = actorsRead.get(node);
    if (read && read.kind === node.kind?.ref && read.zone === node.zone?.ref && sameInterests(node, read.interests)) return read.data;
    const data: ActorData = {
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
    };
    actorsRead.set(node, { kind: node.kind?.ref, zone: node.zone?.ref, interests: node.stances.map(stance => stance.interest?.ref), data });
    return data;
}

function sameInterests(node: Actor, interests: readonly (Interest | undefined)[]): boolean {
    if (node.stances.length !== interests.length) return false;
    for (let i = 0; i < interests.length; i++) if (node.stances[i].interest?.ref !== interests[i]) return false;
    return true;
}

/** Where the actor is declared; the same object while it does not move. */
function locationOf(node: Actor, uri: string): SourceLocation | undefined {
    const start = node.$cstNode?.range.start;
    if (!start) return undefined;
    const read = locationsRead.get(node);
    if (read && read.uri === uri && read.line === start.line && read.character === start.character) return read;
    const location = { uri, line: start.line, character: start.character };
    locationsRead.set(node, location);
    return location;
}

function integer(text: string | undefined): number | undefined {
    return text !== undefined && /^[0-9]+$/.test(text) ? Number(text) : undefined;
}

function resolved(references: ReadonlyArray<{ ref?: { name: string } }>): string[] {
    return references.flatMap(reference => (reference.ref ? [reference.ref.name] : []));
}
