import type { PairConvergence } from './convergence.js';
import type { TerritoryGraphs } from './graphs.js';
import { pairKey } from './graphs.js';
import { introducers } from './metrics/paths.js';
import { compareNames } from './model.js';

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

function joinedInG(graphs: TerritoryGraphs, a: string, b: string): boolean {
    return graphs.G.hasEdge(a, b);
}

function signOf(graphs: TerritoryGraphs, a: string, b: string): 1 | -1 | undefined {
    return graphs.signs.get(pairKey(graphs.indexOf.get(a)!, graphs.indexOf.get(b)!, graphs.names.length));
}

/**
 * Synergy opportunities: pairs joined neither in G nor in S whose convergence exceeds their
 * divergence, ranked by convergence − divergence, then by names; the first `top`.
 */
export function synergyOpportunities(graphs: TerritoryGraphs, pairs: readonly PairConvergence[], top: number): SynergyOpportunity[] {
    const ranked = pairs
        .filter(pair => pair.convergence > pair.divergence && !joinedInG(graphs, pair.a, pair.b) && signOf(graphs, pair.a, pair.b) === undefined)
        .sort((p, q) => (q.convergence - q.divergence) - (p.convergence - p.divergence) || compareNames(p.a, q.a) || compareNames(p.b, q.b))
        .slice(0, top);
    return ranked.map(pair => ({
        a: pair.a,
        b: pair.b,
        convergence: pair.convergence,
        divergence: pair.divergence,
        introducers: introducers(graphs.compact, graphs.indexOf.get(pair.a)!, graphs.indexOf.get(pair.b)!).map(({ actor }) => graphs.names[actor]),
        interests: pair.interests
    }));
}

/** Tensions: pairs joined in G whose divergence exceeds their convergence, most divergent first. */
export function tensions(graphs: TerritoryGraphs, pairs: readonly PairConvergence[]): Tension[] {
    return pairs
        .filter(pair => pair.divergence > pair.convergence && joinedInG(graphs, pair.a, pair.b))
        .sort((p, q) => (q.divergence - q.convergence) - (p.divergence - p.convergence) || compareNames(p.a, q.a) || compareNames(p.b, q.b))
        .map(({ a, b, convergence, divergence }) => ({ a, b, convergence, divergence }));
}

/** Bridges: pairs with a negative tie that still converge on some interest, most convergent first. */
export function bridges(graphs: TerritoryGraphs, pairs: readonly PairConvergence[]): Bridge[] {
    return pairs
        .filter(pair => pair.convergence > 0 && signOf(graphs, pair.a, pair.b) === -1)
        .sort((p, q) => q.convergence - p.convergence || compareNames(p.a, q.a) || compareNames(p.b, q.b))
        .map(({ a, b, convergence, interests }) => ({ a, b, convergence, interests }));
}

