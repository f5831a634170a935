/**
 * The shape of `territory diff --format json` (version 1; see README.md in this folder).
 * Keys always appear, in this order; lists are sorted as documented on each field; absent
 * values are `null`, never left out. New keys may be added in later versions; existing ones
 * keep their meaning.
 */
import type { Polarity } from '@territory/analysis';

export const DIFF_JSON_VERSION = 1;

/** A field's value: text, a number, a list of names (sorted), or null when not given. */
export type FieldValue = string | number | string[] | null;

/** One changed field of an element. For lists (tags, participants…) `old` and `new` are sorted. */
export interface FieldChange {
    field: string;
    old: FieldValue;
    new: FieldValue;
}

/** Added, removed and changed elements of one kind, each list sorted by name. */
export interface ElementChanges<T> {
    added: T[];
    removed: T[];
    changed: Array<{ name: string; changes: FieldChange[] }>;
}

export interface ActorEntry {
    name: string;
    title: string | null;
    kind: string | null;
    zone: string | null;
    power: number | null;
    tags: string[];
}

export interface ZoneEntry {
    name: string;
    title: string | null;
    /** The enclosing place (null for the territory). */
    parent: string | null;
}

export interface InterestEntry {
    name: string;
    title: string | null;
}

export interface WorkshopEntry {
    name: string;
    title: string | null;
    date: string | null;
    participants: string[];
    interests: string[];
}

export interface DialogueEntry {
    name: string;
    title: string | null;
    parties: string[];
    interests: string[];
    commitments: number;
}

/**
 * A tie, identified by source, relation, direction and target. A mutual (`--`) tie is the
 * same whichever way it is written: its source is the first of the two names in order.
 */
export interface TieEntry {
    source: string;
    target: string;
    relation: string;
    /** Written `->`. */
    directed: boolean;
    polarity: Polarity;
    weight: number;
}

export interface ReweightedTie {
    source: string;
    target: string;
    relation: string;
    directed: boolean;
    polarity: Polarity;
    oldWeight: number;
    newWeight: number;
}

/** A position on an interest: +intensity for `supports`, −intensity for `opposes`, null for none. */
export interface StanceChange {
    actor: string;
    interest: string;
    old: number | null;
    new: number | null;
}

export interface CommitmentEntry {
    dialogue: string;
    name: string;
    actor: string;
    beneficiaries: string[];
    text: string | null;
    due: string | null;
    status: string;
}

export interface CommitmentStatusChange {
    dialogue: string;
    name: string;
    actor: string;
    old: string;
    new: string;
}

export interface OverdueEntry {
    dialogue: string;
    name: string;
    actor: string;
    due: string;
    status: string;
}

export interface NoLongerOverdue {
    dialogue: string;
    name: string;
    actor: string;
    /** The due date it was overdue against, in OLD. */
    due: string;
    /** `closed`: now done or dropped; `removed`: no longer in the model; `rescheduled`: its due date or the reference date changed. */
    reason: 'closed' | 'removed' | 'rescheduled';
    /** The status in NEW (null when removed). */
    status: string | null;
}

export interface CommitmentChanges {
    /** Sorted by dialogue, then name, like every list here. */
    added: CommitmentEntry[];
    removed: CommitmentEntry[];
    statusChanged: CommitmentStatusChange[];
    /** Other fields: actor, beneficiaries, text, due. */
    changed: Array<{ dialogue: string; name: string; changes: FieldChange[] }>;
    /** Overdue in NEW (against NEW's `asOf`) and not in OLD, earliest due first. */
    newlyOverdue: OverdueEntry[];
    noLongerOverdue: NoLongerOverdue[];
}

export interface FigureChange {
    old: number | null;
    new: number | null;
}

export interface BetweennessShift {
    actor: string;
    old: number;
    new: number;
    /** new − old. */
    change: number;
}

/** A community's members, most tied (degree in its version) first, then by name. */
export type Community = string[];

export interface CommunityChanges {
    /** Two or more OLD communities the majority of whose members are now in one NEW community. */
    merged: Array<{ from: Community[]; into: Community }>;
    /** An OLD community that gave the majority of the members of two or more NEW communities. */
    split: Array<{ from: Community; into: Community[] }>;
    /** NEW communities matched to no OLD one. */
    formed: Community[];
    /** OLD communities matched to no NEW one. */
    dissolved: Community[];
    /** Matched communities (Jaccard ≥ 0.5) whose members changed: who joined and who left (actors in both versions only). */
    reshaped: Array<{ old: Community; new: Community; jaccard: number; joined: string[]; left: string[] }>;
}

export interface OpportunityEntry {
    a: string;
    b: string;
    convergence: number;
    divergence: number;
    /** The interests they agree on. */
    interests: string[];
    /** Who could introduce them (NEW's analysis for new pairs, OLD's for resolved ones). */
    introducers: string[];
    /**
     * New: `actor-added` (one of them is new), `tie-removed` (they were tied), `positions` (they did not converge).
     * Resolved: `actor-removed`, `tied` (a tie now joins them: the opportunity was taken up), `positions` (no longer converge).
     */
    reason: 'actor-added' | 'tie-removed' | 'positions' | 'actor-removed' | 'tied';
}

export interface TensionEntry {
    a: string;
    b: string;
    convergence: number;
    divergence: number;
    /**
     * New: `actor-added`, `tied` (a positive or neutral tie now joins them), `positions` (they did not diverge).
     * Resolved: `actor-removed`, `tie-removed`, `positions` (they no longer diverge).
     */
    reason: 'actor-added' | 'tied' | 'positions' | 'actor-removed' | 'tie-removed';
}

export interface AnalysisChanges {
    network: {
        actors: FigureChange;
        ties: FigureChange;
        components: FigureChange;
        communities: FigureChange;
        isolates: FigureChange;
        density: FigureChange;
        modularity: FigureChange;
        reciprocity: FigureChange;
        balance: FigureChange;
    };
    /** The 10 largest changes (by absolute value, then name) among actors of both versions, from 0.001 on. */
    betweenness: BetweennessShift[];
    isolates: { new: string[]; noLongerIsolated: string[] };
    communities: CommunityChanges;
    /** Pairs sorted by a, then b. Pairs that only moved in or out of the top list are left out. */
    opportunities: { new: OpportunityEntry[]; resolved: OpportunityEntry[] };
    tensions: { new: TensionEntry[]; resolved: TensionEntry[] };
}

export interface VersionInfo {
    /** The argument as given. */
    argument: string;
    kind: 'folder' | 'revision';
    /** The full commit id (revisions) or null (folders). */
    commit: string | null;
    /** The folder as given, or the path in the repository ('' for its root). */
    path: string;
    files: number;
    /** The reference date of the version (`asOf`, or today). */
    asOf: string;
    /** Files that did not parse, with how many syntax errors. */
    syntaxErrors: Array<{ file: string; errors: number }>;
}

export interface DiffCounts {
    actors: { old: number; new: number; added: number; removed: number; changed: number };
    zones: { added: number; removed: number; changed: number };
    interests: { added: number; removed: number; changed: number };
    ties: { old: number; new: number; added: number; removed: number; reweighted: number };
    stances: number;
    workshops: { added: number; removed: number; changed: number };
    dialogues: { added: number; removed: number; changed: number };
    commitments: { added: number; removed: number; statusChanged: number; changed: number; newlyOverdue: number; noLongerOverdue: number };
}

export interface ModelDiff {
    version: typeof DIFF_JSON_VERSION;
    old: VersionInfo;
    new: VersionInfo;
    /** True when no element changed and `asOf` is the same: the analyses are then the same too. */
    identical: boolean;
    summary: DiffCounts;
    actors: ElementChanges<ActorEntry>;
    zones: ElementChanges<ZoneEntry>;
    interests: ElementChanges<InterestEntry>;
    /** Lists sorted by source, target, relation, then `->` before `--`. */
    ties: { added: TieEntry[]; removed: TieEntry[]; reweighted: ReweightedTie[] };
    /** Actors of both versions only, sorted by actor then interest. */
    stances: StanceChange[];
    workshops: ElementChanges<WorkshopEntry>;
    dialogues: ElementChanges<DialogueEntry>;
    commitments: CommitmentChanges;
    analysis: AnalysisChanges;
}
