import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import modularityOf from 'graphology-metrics/graph/modularity.js';
import type { EdgeList } from '../graphs.js';
import { compareNames } from '../model.js';

/**
 * Louvain communities on G, weighted (Blondel et al. 2008), made deterministic: a fixed-seed
 * random source over nodes in name order, then communities numbered by size (largest
 * first) and, between equal sizes, by their first member's name. Isolates form their own
 * communities. By actor index; G is given as its actors (names order) and its edges (G's
 * edge order).
 */
export function communities(names: readonly string[], edges: EdgeList): Int32Array {
    const n = names.length;
    const result = new Int32Array(n);
    if (n === 0) return result;
    // raw[i]: actor i's community as the library numbers them.
    const raw: { readonly [index: number]: number } = edges.size === 0
        ? Int32Array.from(names, (_, index) => index)
        : louvain(louvainView(n, edges) as unknown as Graph, { getEdgeWeight: 'weight', rng: seededRandom(0x7e77), randomWalk: true });
    const members = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
        const community = raw[i];
        const list = members.get(community) ?? [];
        list.push(i);
        members.set(community, list);
    }
    const ordered = [...members.values()]
        .map(list => list.sort((i, j) => compareNames(names[i], names[j])))
        .sort((a, b) => b.length - a.length || compareNames(names[a[0]], names[b[0]]));
    ordered.forEach((list, index) => list.forEach(i => { result[i] = index; }));
    return result;
}

/**
 * G as graphology-communities-louvain reads it, without building a graphology graph (adding
 * tens of thousands of edges to one takes longer than the whole algorithm): the library
 * indexes the graph from its order, size, nodes (`forEachNode`), degrees and edges
 * (`forEachEdge`), then works on that index only, and answers by node key. The nodes come in
 * G's order (actor index), keyed by their index ("0", "1", …: cheaper to look up than names),
 * and the edges in G's order, so the library computes on exactly the index it builds from G,
 * and the partition is the same (a test checks it). Any other graph method the library might
 * call is missing: it would fail loudly.
 */
function louvainView(n: number, edges: EdgeList): object {
    const keys = Array.from({ length: n }, (_, i) => String(i));
    const degree = new Int32Array(n);
    for (let e = 0; e < edges.size; e++) {
        degree[edges.sources[e]]++;
        degree[edges.targets[e]]++;
    }
    const unsupported = () => {
        throw new Error('communities: the graph view is read-only');
    };
    const noAttributes = {};
    return {
        type: 'undirected',
        multi: false,
        order: n,
        size: edges.size,
        selfLoopCount: 0,
        directedSize: 0,
        undirectedSize: edges.size,
        addUndirectedEdgeWithKey: unsupported,
        dropNode: unsupported,
        forEachNode(callback: (node: string, attributes: object) => void): void {
            for (let i = 0; i < n; i++) callback(keys[i], noAttributes);
        },
        undirectedDegreeWithoutSelfLoops(node: string): number {
            return degree[Number(node)];
        },
        forEachEdge(callback: (edge: string, attributes: { weight: number }, source: string, target: string, sourceAttributes: object, targetAttributes: object, undirected: boolean) => void): void {
            // The library reads the weight at once: one attributes object serves every edge.
            const attributes = { weight: 0 };
            for (let e = 0; e < edges.size; e++) {
                attributes.weight = edges.weights[e];
                callback(String(e), attributes, keys[edges.sources[e]], keys[edges.targets[e]], noAttributes, noAttributes, true);
            }
        }
    };
}

/** Weighted modularity of a partition of G (networkx `community.modularity(G, parts, weight='weight')`); null without edges. */
export function modularity(G: Graph, partition: Record<string, number>): number | null {
    if (G.size === 0) return null;
    return modularityOf(G, { getNodeCommunity: (node: string) => partition[node], getEdgeWeight: 'weight' });
}

/**
 * `modularity` on G given as its edges, with the partition by actor index (communities
 * numbered from 0): graphology-metrics' sums in the same order, so the same figure.
 */
export function partitionModularity(edges: EdgeList, partition: Int32Array): number | null {
    if (edges.size === 0) return null;
    let count = 0;
    for (let i = 0; i < partition.length; i++) count = Math.max(count, partition[i] + 1);
    const totalWeights = new Float64Array(count);
    const internalWeights = new Float64Array(count);
    let M = 0;
    for (let e = 0; e < edges.size; e++) {
        const weight = edges.weights[e];
        M += weight;
        const source = partition[edges.sources[e]];
        const target = partition[edges.targets[e]];
        totalWeights[source] += weight;
        totalWeights[target] += weight;
        if (source === target) internalWeights[source] += weight * 2;
    }
    let Q = 0;
    const M2 = M * 2;
    // graphology-metrics sums over its communities object: integer keys, in increasing order.
    for (let c = 0; c < count; c++) Q += internalWeights[c] / M2 - Math.pow(totalWeights[c] / M2, 2);
    return Q;
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
