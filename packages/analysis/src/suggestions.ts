import type { PairConvergence } from './convergence.js';
import type { TerritoryGraphs } from './graphs.js';
import { introducers } from './metrics/paths.js';

export interface SynergyOpportunity {
    a: string;
    b: string;
    convergence: number;
    divergence: number;
    /** Actors on shortest paths between a and b in G, most paths first: who could introduce them. */
    introducers: string[];
    /** The interests they agree on. */
    interests: string[];
}

export interface Tension {
    a: string;
    b: string;
    convergence: number;
    divergence: number;
}

export interface Bridge {
    a: string;
    b: string;
    convergence: number;
    /** The interests the conflicting pair converges on: topics for a structured dialogue. */
    interests: string[];
}

/** Synergy opportunities (already chosen and ranked by `analysePairs`), with who could introduce the actors. */
export function withIntroducers(graphs: TerritoryGraphs, ranked: readonly PairConvergence[]): SynergyOpportunity[] {
    return ranked.map(pair => ({
        a: pair.a,
        b: pair.b,
        convergence: pair.convergence,
        divergence: pair.divergence,
        introducers: introducers(graphs.compact, graphs.indexOf.get(pair.a)!, graphs.indexOf.get(pair.b)!).map(({ actor }) => graphs.names[actor]),
        interests: pair.interests
    }));
}

export function asTension({ a, b, convergence, divergence }: PairConvergence): Tension {
    return { a, b, convergence, divergence };
}

export function asBridge({ a, b, convergence, interests }: PairConvergence): Bridge {
    return { a, b, convergence, interests };
}
