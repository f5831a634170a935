import type { CompactGraph } from '../graphs.js';

export interface PathMetrics {
    /** Shortest-path betweenness, normalised as networkx's `betweenness_centrality(G, normalized=True)`. */
    readonly betweenness: Float64Array;
    /** Closeness with the Wasserman–Faust scaling, as networkx's `closeness_centrality(G)`. */
    readonly closeness: Float64Array;
}

/** A range of sources, `from` included, `to` excluded. */
export interface SourceRange {
    readonly from: number;
    readonly to: number;
}

/**
 * The number of parts a whole run is computed in: `pathMetrics(graph)` is, to the last bit,
 * `combinePathMetrics(splitSources(graph, PATH_METRICS_PARTS).map(range => pathMetrics(graph, range)))`,
 * so that splitting the work over that many threads gives exactly the same figures as one
 * thread (sums of doubles depend on their order; other splits agree to about 1e-16).
 */
export const PATH_METRICS_PARTS = 2;

/**
 * Exact betweenness (Brandes 2001) and closeness from one breadth-first search per source on
 * the unweighted sociogram G: both need the same distances, so they share the searches. Path
 * counts are doubles, which do not overflow on large graphs as 32-bit counters would.
 *
 * `sources` restricts the work to part of the sources, for splitting it over threads: the
 * results of ranges that cover 0..n once, each computed on its own, add up to the result of
 * one run — `combinePathMetrics(ranges.map(range => pathMetrics(graph, range)))`, with the
 * ranges of `splitSources(graph, PATH_METRICS_PARTS)` for a result identical to one run's. The
 * normalisation is a constant factor, so it is applied to each part; the closeness of an actor
 * is computed by exactly one part (its own source, or for a leaf, the source of its
 * neighbour), the others leave it 0.
 *
 * How it is fast (see `PathSearch`): the searches are level-synchronous and direction-
 * optimising, the path counts and dependencies are summed level by level without branching
 * on distances, and the searches from leaves (degree 1) are derived from their neighbour's.
 */
export function pathMetrics(graph: CompactGraph, sources?: SourceRange): PathMetrics {
    const search = new PathSearch(graph);
    if (sources) return pathMetricsFrom(graph, sources, search);
    return combinePathMetrics(splitSources(graph, PATH_METRICS_PARTS).map(range => pathMetricsFrom(graph, range, search)));
}

function pathMetricsFrom(graph: CompactGraph, sources: SourceRange, search: PathSearch): PathMetrics {
    const n = graph.order;
    const betweenness = new Float64Array(n);
    const closeness = new Float64Array(n);
    const from = Math.max(0, sources.from);
    const to = Math.min(n, sources.to);
    const { offsets, neighbors } = graph;
    const leaves = leafCounts(graph);
    for (let s = from; s < to; s++) {
        // A leaf whose neighbour is not a leaf: its search is its neighbour's, shifted by one.
        if (isDerivedLeaf(graph, s)) continue;
        const extra = leaves[s];
        search.run(s, 1 + extra, betweenness);
        const reached = search.reached;
        const total = search.totalDistance;
        if (total > 0 && n > 1) closeness[s] = (reached / total) * (reached / (n - 1));
        if (extra > 0) {
            // From a leaf ℓ of s, every other actor of the component is reached through s: it
            // adds (component size − 2) to the betweenness of s, the rest is s's own
            // dependencies (counted `1 + extra` times above). Distances from ℓ are one more than
            // from s, except to ℓ itself: the sum is total − 1 + reached over `reached` actors.
            betweenness[s] += extra * (reached - 1);
            const leafTotal = total - 1 + reached;
            const leafCloseness = leafTotal > 0 && n > 1 ? (reached / leafTotal) * (reached / (n - 1)) : 0;
            for (let k = offsets[s]; k < offsets[s + 1]; k++) {
                const leaf = neighbors[k];
                if (offsets[leaf + 1] - offsets[leaf] === 1) closeness[leaf] = leafCloseness;
            }
        }
    }
    normaliseBetweenness(betweenness, n);
    return { betweenness, closeness };
}

/** The sum of partial results of `pathMetrics` (e.g. one per thread), added in the order given, in a new object. */
export function combinePathMetrics(parts: readonly PathMetrics[]): PathMetrics {
    if (parts.length === 0) throw new Error('combinePathMetrics: no parts');
    const betweenness = Float64Array.from(parts[0].betweenness);
    const closeness = Float64Array.from(parts[0].closeness);
    for (let p = 1; p < parts.length; p++) {
        const part = parts[p];
        for (let i = 0; i < betweenness.length; i++) {
            betweenness[i] += part.betweenness[i];
            closeness[i] += part.closeness[i];
        }
    }
    return { betweenness, closeness };
}

/**
 * `count` consecutive source ranges covering 0..n with about the same work each (a leaf
 * whose search is derived from its neighbour's costs nothing). Some ranges may be empty.
 */
export function splitSources(graph: CompactGraph, count: number): SourceRange[] {
    const n = graph.order;
    const parts = Math.max(1, Math.floor(count));
    let searches = 0;
    for (let s = 0; s < n; s++) if (!isDerivedLeaf(graph, s)) searches++;
    const ranges: SourceRange[] = [];
    let from = 0;
    let done = 0;
    for (let p = 1; p <= parts; p++) {
        const goal = Math.round((searches * p) / parts);
        let to = from;
        while (to < n && (done < goal || isDerivedLeaf(graph, to))) {
            if (!isDerivedLeaf(graph, to)) done++;
            to++;
        }
        if (p === parts) to = n;
        ranges.push({ from, to });
        from = to;
    }
    return ranges;
}

/** networkx's normalisation for undirected graphs: 1/((n−1)(n−2)) on the sums over ordered pairs. */
export function normaliseBetweenness(betweenness: Float64Array, n: number): void {
    if (n <= 2) return;
    const scale = 1 / ((n - 1) * (n - 2));
    for (let i = 0; i < betweenness.length; i++) betweenness[i] *= scale;
}

/** Whether s is a leaf whose search `pathMetrics` derives from its neighbour's (which is not a leaf). */
function isDerivedLeaf(graph: CompactGraph, s: number): boolean {
    const { offsets, neighbors } = graph;
    if (offsets[s + 1] - offsets[s] !== 1) return false;
    const u = neighbors[offsets[s]];
    return offsets[u + 1] - offsets[u] > 1;
}

/** For each actor that is not a leaf, the number of its neighbours that are leaves. */
function leafCounts(graph: CompactGraph): Int32Array {
    const n = graph.order;
    const { offsets, neighbors } = graph;
    const count = new Int32Array(n);
    for (let s = 0; s < n; s++) if (isDerivedLeaf(graph, s)) count[neighbors[offsets[s]]]++;
    return count;
}

/** A search turns bottom-up once BOTTOM_UP × the arcs of its frontier exceed the arcs of the unvisited vertices of the component. */
const BOTTOM_UP = 4;

/**
 * The single-source shortest-path search of Brandes' algorithm on an unweighted undirected
 * graph, with its buffers allocated once for many sources.
 *
 * Forward, level by level: while the frontier is small, top-down (each frontier vertex pushes
 * its path count to its neighbours); once the frontier's arcs outweigh the unvisited vertices'
 * arcs, bottom-up (each unvisited vertex, in index order, sums the path counts of its
 * neighbours from an array that holds them only for the frontier, zero elsewhere: no test on
 * distances in the inner loop; a vertex with a non-zero sum is on the next level).
 *
 * Backward, level by level from the deepest: to compute level j, the coefficients
 * c(w) = (1 + δ(w)) / σ(w) of level j + 1 sit in an array that is zero elsewhere, so the sum
 * over the successors of v is the sum over all its neighbours (pull); when level j + 1 has
 * fewer arcs than level j, each vertex of level j + 1 pushes its coefficient to all its
 * neighbours instead, into an accumulator that is exact on level j (push). Then
 * δ(v) = σ(v)·Σ c(w) and c(v) = 1/σ(v) + Σ c(w).
 */
export class PathSearch {
    /** After `run`: the number of vertices reached from the source, itself excluded. */
    reached = 0;
    /** After `run`: the sum of the distances from the source to the vertices it reaches. */
    totalDistance = 0;

    private readonly offsets: Int32Array;
    private readonly neighbors: Int32Array;
    /** Connected components: `componentOf[v]`, and the vertices of component c, in index order, at `members[componentStart[c] .. componentStart[c+1])`. */
    private readonly componentOf: Int32Array;
    private readonly componentStart: Int32Array;
    private readonly members: Int32Array;
    /** The number of arcs (2 × edges) of each component. */
    private readonly componentArcs: Float64Array;
    private readonly distance: Int32Array;
    private readonly sigma: Float64Array;
    private masked: Float64Array;
    private spare: Float64Array;
    private readonly pushed: Float64Array;
    private readonly queue: Int32Array;
    private readonly unvisited: Int32Array;
    private readonly levelStart: Int32Array;
    private readonly levelArcs: Float64Array;

    constructor(graph: CompactGraph) {
        const n = graph.order;
        this.offsets = graph.offsets;
        this.neighbors = graph.neighbors;
        this.distance = new Int32Array(n).fill(-1);
        this.sigma = new Float64Array(n);
        this.masked = new Float64Array(n);
        this.spare = new Float64Array(n);
        this.pushed = new Float64Array(n);
        this.queue = new Int32Array(n);
        this.unvisited = new Int32Array(n);
        this.levelStart = new Int32Array(n + 2);
        this.levelArcs = new Float64Array(n + 2);
        const { offsets, neighbors } = graph;
        const componentOf = (this.componentOf = new Int32Array(n).fill(-1));
        const stack = this.queue;
        let count = 0;
        for (let s = 0; s < n; s++) {
            if (componentOf[s] >= 0) continue;
            componentOf[s] = count;
            let top = 0;
            stack[top++] = s;
            while (top > 0) {
                const v = stack[--top];
                for (let k = offsets[v]; k < offsets[v + 1]; k++) {
                    const w = neighbors[k];
                    if (componentOf[w] < 0) {
                        componentOf[w] = count;
                        stack[top++] = w;
                    }
                }
            }
            count++;
        }
        const start = (this.componentStart = new Int32Array(count + 1));
        const arcs = (this.componentArcs = new Float64Array(count));
        for (let v = 0; v < n; v++) {
            start[componentOf[v] + 1]++;
            arcs[componentOf[v]] += offsets[v + 1] - offsets[v];
        }
        for (let c = 0; c < count; c++) start[c + 1] += start[c];
        const fill = start.slice(0, count);
        const members = (this.members = new Int32Array(n));
        for (let v = 0; v < n; v++) members[fill[componentOf[v]]++] = v;
    }

    /**
     * One search from `source`: adds `weight` × the dependency δ(v) of the source on every other
     * vertex v to `betweenness[v]` (not normalised), and sets `reached` and `totalDistance`.
     */
    run(source: number, weight: number, betweenness: Float64Array): void {
        const { offsets, neighbors, distance, sigma, pushed, queue, unvisited, levelStart, levelArcs } = this;
        let masked = this.masked;
        let spare = this.spare;
        const component = this.componentOf[source];

        // ---- forward
        queue[0] = source;
        distance[source] = 0;
        sigma[source] = 1;
        levelStart[0] = 0;
        levelArcs[0] = offsets[source + 1] - offsets[source];
        let head = 0;
        let tail = 1;
        let levels = 0;
        let total = 0;
        let frontierArcs = levelArcs[0];
        let unvisitedArcs = this.componentArcs[component] - frontierArcs;
        let bottomUp = false;
        let unvisitedCount = 0;
        while (head < tail) {
            const end = tail;
            levelStart[++levels] = end;
            const next = levels; // the distance of the vertices found in this step
            if (!bottomUp && frontierArcs * BOTTOM_UP > unvisitedArcs) {
                bottomUp = true;
                const members = this.members;
                for (let i = this.componentStart[component], e = this.componentStart[component + 1]; i < e; i++) {
                    const v = members[i];
                    if (distance[v] < 0) unvisited[unvisitedCount++] = v;
                }
                for (let i = head; i < end; i++) {
                    const v = queue[i];
                    masked[v] = sigma[v];
                }
            }
            let foundArcs = 0;
            if (bottomUp) {
                let kept = 0;
                for (let i = 0; i < unvisitedCount; i++) {
                    const w = unvisited[i];
                    let sum = 0;
                    const kEnd = offsets[w + 1];
                    for (let k = offsets[w]; k < kEnd; k++) sum += masked[neighbors[k]];
                    if (sum > 0) {
                        sigma[w] = sum;
                        queue[tail++] = w;
                        foundArcs += kEnd - offsets[w];
                    } else {
                        unvisited[kept++] = w;
                    }
                }
                unvisitedCount = kept;
                for (let i = head; i < end; i++) masked[queue[i]] = 0;
                for (let i = end; i < tail; i++) {
                    const w = queue[i];
                    distance[w] = next;
                    masked[w] = sigma[w];
                }
            } else {
                for (let i = head; i < end; i++) {
                    const v = queue[i];
                    const sv = sigma[v];
                    const kEnd = offsets[v + 1];
                    for (let k = offsets[v]; k < kEnd; k++) {
                        const w = neighbors[k];
                        const dw = distance[w];
                        if (dw < 0) {
                            distance[w] = next;
                            sigma[w] = sv;
                            queue[tail++] = w;
                            foundArcs += offsets[w + 1] - offsets[w];
                        } else if (dw === next) {
                            sigma[w] += sv;
                        }
                    }
                }
            }
            levelArcs[levels] = foundArcs;
            frontierArcs = foundArcs;
            unvisitedArcs -= foundArcs;
            total += next * (tail - end);
            head = end;
        }
        // `masked` is all zero again: the last bottom-up step cleared the frontier and found nothing.
        this.reached = tail - 1;
        this.totalDistance = total;

        // ---- backward; level j is queue[levelStart[j] .. levelStart[j+1]), the deepest is levels − 1.
        let lo = levelStart[levels - 1];
        let hi = levelStart[levels];
        for (let i = lo; i < hi; i++) {
            const w = queue[i];
            masked[w] = 1 / sigma[w];
        }
        for (let j = levels - 2; j >= 1; j--) {
            const a = levelStart[j];
            const b = levelStart[j + 1];
            if (levelArcs[j + 1] < levelArcs[j]) {
                // Push from level j + 1: `pushed` is exact on level j (garbage lands only on
                // deeper levels, which are done; it is cleared at the end).
                for (let i = lo; i < hi; i++) {
                    const w = queue[i];
                    const cw = masked[w];
                    const kEnd = offsets[w + 1];
                    for (let k = offsets[w]; k < kEnd; k++) pushed[neighbors[k]] += cw;
                }
                for (let i = a; i < b; i++) {
                    const v = queue[i];
                    const sum = pushed[v];
                    const sv = sigma[v];
                    betweenness[v] += weight * sv * sum;
                    spare[v] = 1 / sv + sum;
                }
            } else {
                for (let i = a; i < b; i++) {
                    const v = queue[i];
                    let sum = 0;
                    const kEnd = offsets[v + 1];
                    for (let k = offsets[v]; k < kEnd; k++) sum += masked[neighbors[k]];
                    const sv = sigma[v];
                    betweenness[v] += weight * sv * sum;
                    spare[v] = 1 / sv + sum;
                }
            }
            for (let i = lo; i < hi; i++) masked[queue[i]] = 0;
            const swap = masked;
            masked = spare;
            spare = swap;
            lo = a;
            hi = b;
        }
        for (let i = lo; i < hi; i++) masked[queue[i]] = 0;
        this.masked = masked;
        this.spare = spare;
        for (let i = 0; i < tail; i++) {
            const v = queue[i];
            distance[v] = -1;
            pushed[v] = 0;
        }
    }
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
