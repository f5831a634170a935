/**
 * Value words: not keywords, but words checked against fixed lists (with "did you mean").
 * Each entry carries the short explanation shown by completion and hover.
 */
export interface ValueWord {
    readonly word: string;
    readonly doc: string;
}

export const COMMITMENT_STATUSES: readonly ValueWord[] = [
    { word: 'proposed', doc: 'Put on the table, not yet agreed by the parties.' },
    { word: 'agreed', doc: 'Agreed by the parties, work not started.' },
    { word: 'ongoing', doc: 'Being carried out.' },
    { word: 'done', doc: 'Carried out.' },
    { word: 'dropped', doc: 'Abandoned by the parties.' }
];

/** Statuses that close a commitment: never overdue. */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set(['done', 'dropped']);

/** The status of a commitment that states none. */
export const DEFAULT_COMMITMENT_STATUS = 'proposed';

export const LAYOUTS: readonly ValueWord[] = [
    { word: 'layered', doc: 'Layers along the direction of ties (ELK layered): readable flows, fast up to a few hundred actors.' },
    { word: 'stress', doc: 'Distances on the drawing follow distances in the network (ELK stress): small views only.' },
    { word: 'force', doc: 'Force-directed (ELK force): clusters pull together; small views only.' },
    { word: 'radial', doc: 'Rings around a central actor: best for an ego network.' }
];

export const SIZE_METRICS: readonly ValueWord[] = [
    { word: 'degree', doc: 'Number of distinct actors tied to the actor.' },
    { word: 'inDegree', doc: 'Number of distinct actors with a tie towards the actor.' },
    { word: 'outDegree', doc: 'Number of distinct actors the actor has a tie towards.' },
    { word: 'strength', doc: 'Sum of the weights of the actor\'s positive and neutral ties.' },
    { word: 'betweenness', doc: 'How often the actor lies on shortest paths between others: a broker.' },
    { word: 'closeness', doc: 'How near the actor is to all others.' },
    { word: 'pagerank', doc: 'Importance from being chosen by important actors.' },
    { word: 'eigenvector', doc: 'Importance from being tied to well-tied actors.' },
    { word: 'clustering', doc: 'How much the actor\'s contacts know each other.' },
    { word: 'constraint', doc: 'Burt\'s constraint: how much the actor depends on a closed circle.' },
    { word: 'power', doc: 'The power (0–5) declared for the actor.' }
];

export const COLOR_CHOICES: readonly ValueWord[] = [
    { word: 'community', doc: 'The community (group of densely tied actors) each actor belongs to.' },
    { word: 'kind', doc: 'The actor\'s kind.' },
    { word: 'zone', doc: 'The actor\'s zone.' },
    { word: 'status', doc: 'The actor\'s sociometric status (popular, rejected, neglected…).' },
    { word: 'stance', doc: 'The actor\'s position on an interest: `color by stance INTEREST`.' }
];

export function words(list: readonly ValueWord[]): string[] {
    return list.map(entry => entry.word);
}
