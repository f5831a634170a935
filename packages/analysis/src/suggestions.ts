import type { PairConvergence } from './convergence.js';
import type { CompactGraph, TerritoryGraphs } from './graphs.js';

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
    const searches = new IntroducerSearches(graphs.compact);
    return ranked.map(pair => ({
        a: pair.a,
        b: pair.b,
        convergence: pair.convergence,
        divergence: pair.divergence,
        introducers: searches.introducers(graphs.indexOf.get(pair.a)!, graphs.indexOf.get(pair.b)!).map(actor => graphs.names[actor]),
        interests: pair.interests
    }));
}

/**
 * The actors on shortest paths between a and b in G, most paths first, then by index, with
 * the figures of `introducers` (metrics/paths.ts) but without searching the whole graph from
 * both ends. Two searches, from a and from b, grow a level at a time (the smaller frontier
 * first) until they meet: with their depths ka and kb, d(a,b) = ka + kb, and every shortest
 * path crosses the meeting layer (actors at ka from a and kb from b). Each search counts the
 * shortest paths from its end up to its depth as a full search does; an actor on the a side
 * gets its count of paths to b from the actors after it towards the meeting layer, and
 * symmetrically on the b side. Those counts are whole numbers, summed exactly in any order
 * below 2^53; above that (never seen in practice), the full searches decide.
 */
class IntroducerSearches {
    private readonly fromA: Search;
    private readonly fromB: Search;

    constructor(private readonly graph: CompactGraph) {
        this.fromA = new Search(graph.order);
        this.fromB = new Search(graph.order);
    }

    introducers(a: number, b: number): number[] {
        const { graph, fromA, fromB } = this;
        fromA.start(a);
        fromB.start(b);
        let found: Array<{ actor: number; paths: number }> | undefined = [];
        for (;;) {
            const side = fromA.frontier() <= fromB.frontier() ? fromA : fromB;
            const other = side === fromA ? fromB : fromA;
            if (!side.expand(graph)) break; // a's component does not reach b
            if (side.meets(other)) {
                found = this.between(a, b);
                break;
            }
        }
        fromA.clear();
        fromB.clear();
        if (found === undefined) found = this.byFullSearches(a, b);
        return found.sort((p, q) => q.paths - p.paths || p.actor - q.actor).map(({ actor }) => actor);
    }

    /** Once the searches have met: every actor on a shortest path, or undefined if a count is too large to be exact. */
    private between(a: number, b: number): Array<{ actor: number; paths: number }> | undefined {
        const { graph, fromA, fromB } = this;
        // The meeting layer: reached by both searches at their full depths.
        const layer = Array.from(fromA.level(fromA.depth)).filter(v => fromB.distance[v] === fromB.depth);
        for (const v of layer) {
            fromA.back[v] = fromB.sigma[v];
            fromB.back[v] = fromA.sigma[v];
        }
        if (!fromA.countBack(graph, layer) || !fromB.countBack(graph, layer)) return undefined;
        const result: Array<{ actor: number; paths: number }> = [];
        for (const v of layer) result.push({ actor: v, paths: fromA.sigma[v] * fromB.sigma[v] });
        for (let level = fromA.depth - 1; level > 0; level--) {
            for (const v of fromA.level(level)) if (fromA.back[v] > 0) result.push({ actor: v, paths: fromA.sigma[v] * fromA.back[v] });
        }
        for (let level = fromB.depth - 1; level > 0; level--) {
            for (const v of fromB.level(level)) if (fromB.back[v] > 0) result.push({ actor: v, paths: fromB.back[v] * fromB.sigma[v] });
        }
        return result.filter(({ actor }) => actor !== a && actor !== b);
    }

    /** `introducers` of metrics/paths.ts as it is: a full search from a, then from b. */
    private byFullSearches(a: number, b: number): Array<{ actor: number; paths: number }> {
        const { graph, fromA, fromB } = this;
        const result: Array<{ actor: number; paths: number }> = [];
        fromA.start(a);
        while (fromA.expand(graph));
        const length = fromA.distance[b];
        if (length > 0) {
            fromB.start(b);
            while (fromB.expand(graph));
            for (let v = 0; v < graph.order; v++) {
                if (v === a || v === b) continue;
                const da = fromA.distance[v];
                const db = fromB.distance[v];
                if (da > 0 && db > 0 && da + db === length) result.push({ actor: v, paths: fromA.sigma[v] * fromB.sigma[v] });
            }
        }
        fromA.clear();
        fromB.clear();
        return result;
    }
}

/**
 * A breadth-first search with shortest-path counts (`sigma`, summed in the order of a full
 * search), grown a level at a time; `back` holds counts towards the other end. `clear`
 * undoes it for the next search.
 */
class Search {
    readonly distance: Int32Array;
    readonly sigma: Float64Array;
    readonly back: Float64Array;
    private readonly queue: Int32Array;
    /** Level k is `queue[levels[k] .. levels[k+1])`; the last level is the frontier. */
    private levels: number[] = [];
    private reached = 0;
    depth = 0;

    constructor(order: number) {
        this.distance = new Int32Array(order).fill(-1);
        this.sigma = new Float64Array(order);
        this.back = new Float64Array(order);
        this.queue = new Int32Array(order);
    }

    start(source: number): void {
        this.queue[0] = source;
        this.reached = 1;
        this.distance[source] = 0;
        this.sigma[source] = 1;
        this.levels = [0, 1];
        this.depth = 0;
    }

    frontier(): number {
        return this.levels[this.depth + 1] - this.levels[this.depth];
    }

    level(k: number): Int32Array {
        return this.queue.subarray(this.levels[k], this.levels[k + 1]);
    }

    /** Reaches the next level; false if there is none. */
    expand(graph: CompactGraph): boolean {
        const { offsets, neighbors } = graph;
        const { distance, sigma, queue } = this;
        let tail = this.reached;
        const next = this.depth + 1;
        for (let head = this.levels[this.depth]; head < this.levels[next]; head++) {
            const v = queue[head];
            for (let k = offsets[v]; k < offsets[v + 1]; k++) {
                const w = neighbors[k];
                if (distance[w] < 0) {
                    distance[w] = next;
                    queue[tail++] = w;
                }
                if (distance[w] === next) sigma[w] += sigma[v];
            }
        }
        if (tail === this.reached) return false;
        this.reached = tail;
        this.levels.push(tail);
        this.depth = next;
        return true;
    }

    /** Whether the last level holds an actor the other search has reached. */
    meets(other: Search): boolean {
        for (const v of this.level(this.depth)) if (other.distance[v] >= 0) return true;
        return false;
    }

    /**
     * From the meeting layer (this search's last level, `back` set) back towards the source:
     * the number of shortest paths from each actor on one of them to the far end. False if a
     * count passes 2^53, where sums stop being exact.
     */
    countBack(graph: CompactGraph, layer: readonly number[]): boolean {
        const { offsets, neighbors } = graph;
        const { distance, back } = this;
        let current = layer;
        // Down to level 1: the source itself is no introducer.
        for (let level = this.depth; level > 1; level--) {
            const previous: number[] = [];
            for (const w of current) {
                for (let k = offsets[w]; k < offsets[w + 1]; k++) {
                    const v = neighbors[k];
                    if (distance[v] !== level - 1) continue;
                    if (back[v] === 0) previous.push(v);
                    back[v] += back[w];
                    if (back[v] > Number.MAX_SAFE_INTEGER) return false;
                }
            }
            current = previous;
        }
        return true;
    }

    clear(): void {
        for (let k = 0; k < this.reached; k++) {
            const v = this.queue[k];
            this.distance[v] = -1;
            this.sigma[v] = 0;
            this.back[v] = 0;
        }
        this.reached = 0;
    }
}

export function asTension({ a, b, convergence, divergence }: PairConvergence): Tension {
    return { a, b, convergence, divergence };
}

export function asBridge({ a, b, convergence, interests }: PairConvergence): Bridge {
    return { a, b, convergence, interests };
}
