import type { CompactGraph } from '../graphs.js';

export interface PathMetrics {
    /** Shortest-path betweenness, normalised as networkx's `betweenness_centrality(G, normalized=True)`. */
    readonly betweenness: Float64Array;
    /** Closeness with the Wasserman–Faust scaling, as networkx's `closeness_centrality(G)`. */
    readonly closeness: Float64Array;
}

/**
 * Betweenness (Brandes 2001) and closeness from one breadth-first search per source on the
 * unweighted sociogram G: both need the same distances, so they share the searches. Path
 * counts are doubles, which do not overflow on large graphs as 32-bit counters would.
 * `sources` restricts the work to part of the sources (for splitting it over threads); the
 * partial sums add up.
 */
export function pathMetrics(graph: CompactGraph, sources?: { from: number; to: number }): PathMetrics {
    const n = graph.order;
    const { offsets, neighbors } = graph;
    const betweenness = new Float64Array(n);
    const closeness = new Float64Array(n);
    const distance = new Int32Array(n).fill(-1);
    const sigma = new Float64Array(n);
    const delta = new Float64Array(n);
    const stack = new Int32Array(n);
    const from = sources?.from ?? 0;
    const to = sources?.to ?? n;
    for (let s = from; s < to; s++) {
        // Breadth-first search from s; `stack` holds the vertices in order of distance.
        let head = 0;
        let tail = 0;
        stack[tail++] = s;
        distance[s] = 0;
        sigma[s] = 1;
        let reached = 0;
        let total = 0;
        while (head < tail) {
            const v = stack[head++];
            const dv = distance[v];
            for (let k = offsets[v]; k < offsets[v + 1]; k++) {
                const w = neighbors[k];
                if (distance[w] < 0) {
                    distance[w] = dv + 1;
                    stack[tail++] = w;
                    reached++;
                    total += dv + 1;
                }
                if (distance[w] === dv + 1) sigma[w] += sigma[v];
            }
        }
        if (total > 0 && n > 1) closeness[s] = (reached / total) * (reached / (n - 1));
        // Dependency accumulation in order of non-increasing distance.
        for (let i = tail - 1; i > 0; i--) {
            const w = stack[i];
            const coefficient = (1 + delta[w]) / sigma[w];
            for (let k = offsets[w]; k < offsets[w + 1]; k++) {
                const v = neighbors[k];
                if (distance[v] === distance[w] - 1) delta[v] += sigma[v] * coefficient;
            }
            betweenness[w] += delta[w];
        }
        for (let i = 0; i < tail; i++) {
            const v = stack[i];
            distance[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
    // Every pair was counted from both ends; networkx's normalisation for undirected graphs
    // is 1/((n−1)(n−2)) on those doubled sums.
    if (n > 2) {
        const scale = 1 / ((n - 1) * (n - 2));
        for (let i = 0; i < n; i++) betweenness[i] *= scale;
    }
    return { betweenness, closeness };
}

export interface ShortestPaths {
    readonly distance: Int32Array;
    /** Number of shortest paths from the source. */
    readonly sigma: Float64Array;
}

/** Distances and shortest-path counts from one source (−1: not reachable). */
export function shortestPaths(graph: CompactGraph, source: number): ShortestPaths {
    const n = graph.order;
    const { offsets, neighbors } = graph;
    const distance = new Int32Array(n).fill(-1);
    const sigma = new Float64Array(n);
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    distance[source] = 0;
    sigma[source] = 1;
    while (head < tail) {
        const v = queue[head++];
        for (let k = offsets[v]; k < offsets[v + 1]; k++) {
            const w = neighbors[k];
            if (distance[w] < 0) {
                distance[w] = distance[v] + 1;
                queue[tail++] = w;
            }
            if (distance[w] === distance[v] + 1) sigma[w] += sigma[v];
        }
    }
    return { distance, sigma };
}

/**
 * The actors on shortest paths between a and b, with how many of those paths pass through
 * each (σ_a(v)·σ_b(v) where d(a,v) + d(v,b) = d(a,b)), most paths first, then by index.
 */
export function introducers(graph: CompactGraph, a: number, b: number, fromA?: ShortestPaths): Array<{ actor: number; paths: number }> {
    const pathsA = fromA ?? shortestPaths(graph, a);
    const length = pathsA.distance[b];
    if (length < 0) return [];
    const pathsB = shortestPaths(graph, b);
    const result: Array<{ actor: number; paths: number }> = [];
    for (let v = 0; v < graph.order; v++) {
        if (v === a || v === b) continue;
        const da = pathsA.distance[v];
        const db = pathsB.distance[v];
        if (da > 0 && db > 0 && da + db === length) result.push({ actor: v, paths: pathsA.sigma[v] * pathsB.sigma[v] });
    }
    return result.sort((p, q) => q.paths - p.paths || p.actor - q.actor);
}
