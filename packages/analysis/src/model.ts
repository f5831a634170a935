/**
 * The territory model as plain data: what the analysis needs from the linked AST, with every
 * reference resolved to a name. Plain data crosses worker threads and is easy to build in
 * tests; `modelFromDocuments` is the one place that reads the AST.
 */
export type Polarity = 'positive' | 'neutral' | 'negative';

export interface ActorData {
    readonly name: string;
    readonly title?: string;
    readonly kind?: string;
    /** The actor's declared zone (or the territory), if any. */
    readonly zone?: string;
    readonly power?: number;
    /** Position on each interest: +intensity for `supports`, −intensity for `opposes`. */
    readonly positions: ReadonlyArray<{ readonly interest: string; readonly position: number }>;
    readonly tags: readonly string[];
    readonly description?: string;
}

export interface TieData {
    readonly source: string;
    readonly target: string;
    readonly relation: string;
    /** Written `->` (one way) rather than `--` (both ways). */
    readonly directed: boolean;
    readonly polarity: Polarity;
    readonly weight: number;
    readonly note?: string;
}

/** A place: the territory (no parent) or a zone. */
export interface PlaceData {
    readonly name: string;
    readonly title?: string;
    /** The enclosing place, if any. */
    readonly parent?: string;
}

export interface InterestData {
    readonly name: string;
    readonly title?: string;
}

export interface WorkshopData {
    readonly name: string;
    readonly title?: string;
    readonly date?: string;
    readonly participants: readonly string[];
    readonly interests: readonly string[];
}

export interface CommitmentData {
    readonly name: string;
    readonly actor: string;
    readonly beneficiaries: readonly string[];
    readonly text?: string;
    readonly due?: string;
    readonly status: string;
}

export interface DialogueData {
    readonly name: string;
    readonly title?: string;
    readonly parties: readonly string[];
    readonly interests: readonly string[];
    readonly commitments: readonly CommitmentData[];
}

export interface TerritoryModel {
    /** Reference date for due dates (`asOf`, or today). */
    readonly asOf: string;
    /** Actors sorted by name. */
    readonly actors: readonly ActorData[];
    readonly ties: readonly TieData[];
    /** Interests sorted by name. */
    readonly interests: readonly InterestData[];
    readonly workshops: readonly WorkshopData[];
    readonly dialogues: readonly DialogueData[];
    /** The territory and its zones, sorted by name. */
    readonly places: readonly PlaceData[];
    /** Where each actor is declared, for editors to reveal it. */
    readonly locations?: ReadonlyMap<string, SourceLocation>;
}

export interface SourceLocation {
    readonly uri: string;
    readonly line: number;
    readonly character: number;
}

/**
 * Names are ordered by Unicode code point (as Python's `sorted`), the same on every machine
 * and locale. JavaScript's `<` compares UTF-16 units, which differs only when a name holds a
 * character beyond U+FFFF: those strings take the slower path.
 */
export function compareNames(a: string, b: string): number {
    if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
    const x = Array.from(a, char => char.codePointAt(0)!);
    const y = Array.from(b, char => char.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
}

const SURROGATE = /[\uD800-\uDFFF]/;
