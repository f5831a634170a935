import type {
    ActorData, AnalysisResult, CommitmentData, DialogueData, InterestData, PlaceData, TerritoryModel, TieData, WorkshopData
} from '@territory/analysis';
import { CLOSED_STATUSES, compareNames } from '@territory/analysis';
import { compareAnalyses } from './analysis-diff.js';
import type {
    ActorEntry, CommitmentChanges, CommitmentEntry, DiffCounts, DialogueEntry, ElementChanges, FieldChange, FieldValue, InterestEntry,
    ModelDiff, ReweightedTie, StanceChange, TieEntry, VersionInfo, WorkshopEntry, ZoneEntry
} from './types.js';
import { DIFF_JSON_VERSION } from './types.js';

/** One version of the model and its analysis. */
export interface Version {
    info: Omit<VersionInfo, 'asOf'>;
    model: TerritoryModel;
    result: AnalysisResult;
}

/** The semantic diff of two versions: elements by name, ties by identity, and the shifts of their analyses. */
export function compareVersions(before: Version, after: Version): ModelDiff {
    const actors = compareElements<ActorData, ActorEntry>(before.model.actors, after.model.actors, actorEntry,
        ['title', 'kind', 'zone', 'power', 'tags']);
    const zones = compareElements<PlaceData, ZoneEntry>(before.model.places, after.model.places,
        place => ({ name: place.name, title: place.title ?? null, parent: place.parent ?? null }), ['title', 'parent']);
    const interests = compareElements<InterestData, InterestEntry>(before.model.interests, after.model.interests,
        interest => ({ name: interest.name, title: interest.title ?? null }), ['title']);
    const workshops = compareElements<WorkshopData, WorkshopEntry>(before.model.workshops, after.model.workshops,
        workshop => ({
            name: workshop.name,
            title: workshop.title ?? null,
            date: workshop.date ?? null,
            participants: sortedSet(workshop.participants),
            interests: sortedSet(workshop.interests)
        }), ['title', 'date', 'participants', 'interests']);
    const dialogues = compareElements<DialogueData, DialogueEntry>(before.model.dialogues, after.model.dialogues,
        dialogue => ({
            name: dialogue.name,
            title: dialogue.title ?? null,
            parties: sortedSet(dialogue.parties),
            interests: sortedSet(dialogue.interests),
            commitments: dialogue.commitments.length
        }), ['title', 'parties', 'interests']);
    const ties = compareTies(before.model.ties, after.model.ties);
    const stances = compareStances(before.model.actors, after.model.actors);
    const commitments = compareCommitments(before, after);
    const summary: DiffCounts = {
        actors: { old: before.model.actors.length, new: after.model.actors.length, ...counts(actors) },
        zones: counts(zones),
        interests: counts(interests),
        ties: {
            old: before.model.ties.length,
            new: after.model.ties.length,
            added: ties.added.length,
            removed: ties.removed.length,
            reweighted: ties.reweighted.length
        },
        stances: stances.length,
        workshops: counts(workshops),
        dialogues: counts(dialogues),
        commitments: {
            added: commitments.added.length,
            removed: commitments.removed.length,
            statusChanged: commitments.statusChanged.length,
            changed: commitments.changed.length,
            newlyOverdue: commitments.newlyOverdue.length,
            noLongerOverdue: commitments.noLongerOverdue.length
        }
    };
    const identical = before.model.asOf === after.model.asOf && [actors, zones, interests, workshops, dialogues]
        .every(changes => changes.added.length + changes.removed.length + changes.changed.length === 0) &&
        ties.added.length + ties.removed.length + ties.reweighted.length + stances.length === 0 &&
        Object.values(summary.commitments).every(count => count === 0);
    return {
        version: DIFF_JSON_VERSION,
        old: versionInfo(before),
        new: versionInfo(after),
        identical,
        summary,
        actors,
        zones,
        interests,
        ties,
        stances,
        workshops,
        dialogues,
        commitments,
        analysis: compareAnalyses(before, after)
    };
}

function versionInfo({ info, model }: Version): VersionInfo {
    return { argument: info.argument, kind: info.kind, commit: info.commit, path: info.path, files: info.files, asOf: model.asOf, syntaxErrors: info.syntaxErrors };
}

function actorEntry(actor: ActorData): ActorEntry {
    return {
        name: actor.name,
        title: actor.title ?? null,
        kind: actor.kind ?? null,
        zone: actor.zone ?? null,
        power: actor.power ?? null,
        tags: sortedSet(actor.tags)
    };
}

function counts(changes: ElementChanges<unknown>): { added: number; removed: number; changed: number } {
    return { added: changes.added.length, removed: changes.removed.length, changed: changes.changed.length };
}

/** Distinct names, sorted. */
export function sortedSet(names: readonly string[]): string[] {
    return [...new Set(names)].sort(compareNames);
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => value === b[index]);
    return a === b;
}

/**
 * Elements matched by name (the first declaration of a duplicated name counts, as in the
 * model); for elements of both versions, the listed fields that differ.
 */
function compareElements<D extends { name: string }, E extends { name: string }>(
    before: readonly D[], after: readonly D[], entry: (element: D) => E, fields: ReadonlyArray<NoInfer<keyof E & string>>
): ElementChanges<E> {
    const byName = (elements: readonly D[]) => {
        const map = new Map<string, E>();
        for (const element of elements) if (!map.has(element.name)) map.set(element.name, entry(element));
        return map;
    };
    const old = byName(before);
    const now = byName(after);
    const result: ElementChanges<E> = { added: [], removed: [], changed: [] };
    for (const [name, element] of now) if (!old.has(name)) result.added.push(element);
    for (const [name, element] of old) if (!now.has(name)) result.removed.push(element);
    for (const [name, element] of now) {
        const previous = old.get(name);
        if (!previous) continue;
        const changes: FieldChange[] = [];
        for (const field of fields) {
            const a = previous[field] as FieldValue;
            const b = element[field] as FieldValue;
            if (!sameValue(a, b)) changes.push({ field, old: a, new: b });
        }
        if (changes.length) result.changed.push({ name, changes });
    }
    const order = (a: { name: string }, b: { name: string }) => compareNames(a.name, b.name);
    result.added.sort(order);
    result.removed.sort(order);
    result.changed.sort(order);
    return result;
}

/** A tie's identity; a mutual tie's ends in name order, so that `A -- B` and `B -- A` are one tie. */
function tieIdentity(tie: TieData): { source: string; target: string; key: string } {
    const [source, target] = !tie.directed && compareNames(tie.target, tie.source) < 0 ? [tie.target, tie.source] : [tie.source, tie.target];
    return { source, target, key: [source, target, tie.relation, tie.directed ? '->' : '--'].join('\u0000') };
}

function compareTieEntries(p: { source: string; target: string; relation: string; directed: boolean }, q: typeof p): number {
    return compareNames(p.source, q.source) || compareNames(p.target, q.target) || compareNames(p.relation, q.relation) ||
        Number(q.directed) - Number(p.directed);
}

/**
 * Ties matched by identity. The same tie written twice (a warning of the checker) counts
 * as two: weights found in both versions match first, the others pair up as re-weighted
 * (smallest with smallest), and what is left is added or removed.
 */
function compareTies(before: readonly TieData[], after: readonly TieData[]): ModelDiff['ties'] {
    const group = (ties: readonly TieData[]) => {
        const map = new Map<string, { tie: TieEntry; weights: number[] }>();
        for (const tie of ties) {
            const { source, target, key } = tieIdentity(tie);
            const found = map.get(key) ?? { tie: { source, target, relation: tie.relation, directed: tie.directed, polarity: tie.polarity, weight: 0 }, weights: [] };
            found.weights.push(tie.weight);
            map.set(key, found);
        }
        return map;
    };
    const old = group(before);
    const now = group(after);
    const added: TieEntry[] = [];
    const removed: TieEntry[] = [];
    const reweighted: ReweightedTie[] = [];
    for (const key of new Set([...old.keys(), ...now.keys()])) {
        const a = [...(old.get(key)?.weights ?? [])].sort((x, y) => x - y);
        const b = [...(now.get(key)?.weights ?? [])].sort((x, y) => x - y);
        // Weights present in both versions: unchanged ties.
        const onlyOld: number[] = [];
        const remaining = [...b];
        for (const weight of a) {
            const index = remaining.indexOf(weight);
            if (index >= 0) remaining.splice(index, 1);
            else onlyOld.push(weight);
        }
        const onlyNew = remaining;
        const pairs = Math.min(onlyOld.length, onlyNew.length);
        const { tie } = now.get(key) ?? old.get(key)!;
        for (let i = 0; i < pairs; i++) {
            const { source, target, relation, directed, polarity } = tie;
            reweighted.push({ source, target, relation, directed, polarity, oldWeight: onlyOld[i], newWeight: onlyNew[i] });
        }
        for (const weight of onlyOld.slice(pairs)) removed.push({ ...old.get(key)!.tie, weight });
        for (const weight of onlyNew.slice(pairs)) added.push({ ...now.get(key)!.tie, weight });
    }
    const byWeight = (p: { weight: number }, q: { weight: number }) => p.weight - q.weight;
    added.sort((p, q) => compareTieEntries(p, q) || byWeight(p, q));
    removed.sort((p, q) => compareTieEntries(p, q) || byWeight(p, q));
    reweighted.sort((p, q) => compareTieEntries(p, q) || p.oldWeight - q.oldWeight);
    return { added, removed, reweighted };
}

/** Each actor's position per interest (the first stance on an interest counts, as in the analysis). */
function positionsOf(actor: ActorData): Map<string, number> {
    const positions = new Map<string, number>();
    for (const { interest, position } of actor.positions) if (!positions.has(interest)) positions.set(interest, position);
    return positions;
}

function compareStances(before: readonly ActorData[], after: readonly ActorData[]): StanceChange[] {
    const old = new Map(before.map(actor => [actor.name, actor]));
    const changes: StanceChange[] = [];
    for (const actor of after) {
        const previous = old.get(actor.name);
        if (!previous) continue;
        const a = positionsOf(previous);
        const b = positionsOf(actor);
        for (const interest of new Set([...a.keys(), ...b.keys()])) {
            const x = a.get(interest) ?? null;
            const y = b.get(interest) ?? null;
            if (x !== y) changes.push({ actor: actor.name, interest, old: x, new: y });
        }
    }
    return changes.sort((p, q) => compareNames(p.actor, q.actor) || compareNames(p.interest, q.interest));
}

function commitmentEntry(dialogue: string, commitment: CommitmentData): CommitmentEntry {
    return {
        dialogue,
        name: commitment.name,
        actor: commitment.actor,
        beneficiaries: sortedSet(commitment.beneficiaries),
        text: commitment.text ?? null,
        due: commitment.due ?? null,
        status: commitment.status
    };
}

function commitmentsOf(model: TerritoryModel): Map<string, CommitmentEntry> {
    const map = new Map<string, CommitmentEntry>();
    for (const dialogue of model.dialogues) {
        for (const commitment of dialogue.commitments) {
            const key = `${dialogue.name}\u0000${commitment.name}`;
            if (!map.has(key)) map.set(key, commitmentEntry(dialogue.name, commitment));
        }
    }
    return map;
}

function compareCommitments(before: Version, after: Version): CommitmentChanges {
    const old = commitmentsOf(before.model);
    const now = commitmentsOf(after.model);
    const result: CommitmentChanges = { added: [], removed: [], statusChanged: [], changed: [], newlyOverdue: [], noLongerOverdue: [] };
    for (const [key, commitment] of now) if (!old.has(key)) result.added.push(commitment);
    for (const [key, commitment] of old) if (!now.has(key)) result.removed.push(commitment);
    for (const [key, commitment] of now) {
        const previous = old.get(key);
        if (!previous) continue;
        if (previous.status !== commitment.status) {
            result.statusChanged.push({ dialogue: commitment.dialogue, name: commitment.name, actor: commitment.actor, old: previous.status, new: commitment.status });
        }
        const changes: FieldChange[] = [];
        for (const field of ['actor', 'beneficiaries', 'text', 'due'] as const) {
            if (!sameValue(previous[field], commitment[field])) changes.push({ field, old: previous[field], new: commitment[field] });
        }
        if (changes.length) result.changed.push({ dialogue: commitment.dialogue, name: commitment.name, changes });
    }
    const key = (c: { dialogue: string; name: string }) => `${c.dialogue}\u0000${c.name}`;
    const overdueBefore = new Map(before.result.commitments.overdue.map(c => [key(c), c]));
    const overdueAfter = new Map(after.result.commitments.overdue.map(c => [key(c), c]));
    for (const [name, commitment] of overdueAfter) {
        if (!overdueBefore.has(name)) result.newlyOverdue.push({ ...commitment });
    }
    for (const [name, commitment] of overdueBefore) {
        if (overdueAfter.has(name)) continue;
        const current = now.get(name);
        const reason = !current ? 'removed' : CLOSED_STATUSES.has(current.status) ? 'closed' : 'rescheduled';
        result.noLongerOverdue.push({
            dialogue: commitment.dialogue, name: commitment.name, actor: commitment.actor, due: commitment.due, reason, status: current?.status ?? null
        });
    }
    const byName = (p: { dialogue: string; name: string }, q: { dialogue: string; name: string }) =>
        compareNames(p.dialogue, q.dialogue) || compareNames(p.name, q.name);
    result.added.sort(byName);
    result.removed.sort(byName);
    result.statusChanged.sort(byName);
    result.changed.sort(byName);
    result.newlyOverdue.sort((p, q) => compareNames(p.due, q.due) || byName(p, q));
    result.noLongerOverdue.sort((p, q) => compareNames(p.due, q.due) || byName(p, q));
    return result;
}
