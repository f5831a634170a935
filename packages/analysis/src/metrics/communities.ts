import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import modularityOf from 'graphology-metrics/graph/modularity.js';
import { compareNames } from '../model.js';

/**
 * Louvain communities on G, weighted (Blondel et al. 2008), made deterministic: a fixed-seed
 * random source over nodes in name order, then communities numbered by size (largest
 * first) and, between equal sizes, by their first member's name. Isolates form their own
 * communities.
 */
export function communities(G: Graph): Record<string, number> {
    if (G.order === 0) return {};
    const raw = G.size === 0
        ? Object.fromEntries(G.nodes().map((node, index) => [node, index]))
        : louvain(G, { getEdgeWeight: 'weight', rng: seededRandom(0x7e77), randomWalk: true });
    const members = new Map<number, string[]>();
    for (const node of G.nodes()) {
        const community = raw[node];
        const list = members.get(community) ?? [];
        list.push(node);
        members.set(community, list);
    }
    const ordered = [...members.values()]
        .map(list => list.sort(compareNames))
        .sort((a, b) => b.length - a.length || compareNames(a[0], b[0]));
    const result: Record<string, number> = {};
    ordered.forEach((list, index) => list.forEach(node => { result[node] = index; }));
    return result;
}

/** Weighted modularity of a partition of G (networkx `community.modularity(G, parts, weight='weight')`); null without edges. */
export function modularity(G: Graph, partition: Record<string, number>): number | null {
    if (G.size === 0) return null;
    return modularityOf(G, { getNodeCommunity: (node: string) => partition[node], getEdgeWeight: 'weight' });
}

/** mulberry32: a small, well-known seeded generator. */
function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

