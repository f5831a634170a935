import Graph from 'graphology';
import type { TerritoryModel } from './model.js';

/**
 * The three graphs of the analysis contract (shared/spec/analysis.md, "The graphs"), over the
 * actors sorted by name:
 * - G, the sociogram: undirected, simple; an edge where a positive or neutral tie joins two
 *   actors, in either direction, weighted by the sum of those ties' weights;
 * - D, the directed sociogram: an arc a→b per positive or neutral tie `a -> b`, both arcs for
 *   `a -- b`, parallel arcs merged with weights summed;
 * - S, the signed graph: a pair is negative if any negative tie joins it, else positive if a
 *   positive tie does; pairs joined by neutral ties only are not in S.
 * Negative ties never enter G or D.
 */
export interface TerritoryGraphs {
    /** Actor names, sorted; index i in the compact arrays is `names[i]`. */
    readonly names: readonly string[];
    readonly indexOf: ReadonlyMap<string, number>;
    /** G as a graphology graph (built on first use). */
    readonly G: Graph;
    /** D as a graphology graph (built on first use). */
    readonly D: Graph;
    /** The edges of G, each once, in the order of their first tie, with their weights (G's edge order). */
    readonly edges: EdgeList;
    /** D in compact form, what the analysis reads. */
    readonly directed: DirectedGraph;
    /** Compact G for path metrics: neighbours of i are `neighbors[offsets[i] .. offsets[i+1])`, sorted. */
    readonly compact: CompactGraph;
    /** S as a map from pair key (`pairKey(i, j)`) to +1 or −1. */
    readonly signs: ReadonlyMap<number, 1 | -1>;
    /** Strength: sum of the weights of the positive/neutral tie statements touching each actor. */
    readonly strength: Float64Array;
    /** Each tie's (model order) source and target actor indices, −1 for a name that is no actor's. */
    readonly tieEnds: { readonly sources: Int32Array; readonly targets: Int32Array };
}

export interface CompactGraph {
    readonly order: number;
    readonly offsets: Int32Array;
    readonly neighbors: Int32Array;
}

/** Edges (or arcs) by actor index, in the order of their first tie, with their summed weights. */
export interface EdgeList {
    readonly size: number;
    readonly sources: Int32Array;
    readonly targets: Int32Array;
    readonly weights: Float64Array;
}

/**
 * Compact D: the arcs out of i are `targets[outOffsets[i] .. outOffsets[i+1])` with their
 * `weights`, in the order they were first written (graphology's order in D); the arcs into i
 * come from `sources[inOffsets[i] .. inOffsets[i+1])`.
 */
export interface DirectedGraph {
    readonly order: number;
    readonly outOffsets: Int32Array;
    readonly targets: Int32Array;
    readonly weights: Float64Array;
    readonly inOffsets: Int32Array;
    readonly sources: Int32Array;
}

/** A key for the unordered pair {i, j} of actor indices. */
export function pairKey(i: number, j: number, order: number): number {
    return i < j ? i * order + j : j * order + i;
}

export function buildGraphs(model: TerritoryModel): TerritoryGraphs {
    const names = model.actors.map(actor => actor.name);
    const indexOf = new Map(names.map((name, index) => [name, index]));
    const order = names.length;
    const ties = model.ties.length;
    const strength = new Float64Array(order);
    const tieSources = new Int32Array(ties);
    const tieTargets = new Int32Array(ties);
    // Parallel ties are merged first (weights summed in tie order), and each edge and arc is
    // then added once, in the order of its first tie: the same graphs as adding tie by tie.
    // Each pair of actors joined by a tie has a slot: its sign, its edge in G, its two arcs in D.
    const pairs = new PairSlots(ties);
    const pairSign = new Int8Array(ties);
    const pairEdge = new Int32Array(ties).fill(-1);
    const pairArcs = new Int32Array(2 * ties).fill(-1); // [low → high, high → low]
    const signed: number[] = []; // slots in order of their first signed tie
    const edges = new ListBuilder(ties);
    const arcs = new ListBuilder(2 * ties);
    for (let t = 0; t < ties; t++) {
        const tie = model.ties[t];
        const source = indexOf.get(tie.source) ?? -1;
        const target = indexOf.get(tie.target) ?? -1;
        tieSources[t] = source;
        tieTargets[t] = target;
        if (source < 0 || target < 0 || source === target) continue;
        const slot = pairs.slot(source, target);
        if (tie.polarity === 'negative') {
            if (pairSign[slot] === 0) signed.push(slot);
            pairSign[slot] = -1;
            continue;
        }
        if (tie.polarity === 'positive' && pairSign[slot] !== -1) {
            if (pairSign[slot] === 0) signed.push(slot);
            pairSign[slot] = 1;
        }
        strength[source] += tie.weight;
        strength[target] += tie.weight;
        if (pairEdge[slot] < 0) pairEdge[slot] = edges.add(source, target, tie.weight);
        else edges.weights[pairEdge[slot]] += tie.weight;
        const forward = source < target ? 2 * slot : 2 * slot + 1;
        const backward = source < target ? 2 * slot + 1 : 2 * slot;
        if (pairArcs[forward] < 0) pairArcs[forward] = arcs.add(source, target, tie.weight);
        else arcs.weights[pairArcs[forward]] += tie.weight;
        if (!tie.directed) {
            if (pairArcs[backward] < 0) pairArcs[backward] = arcs.add(target, source, tie.weight);
            else arcs.weights[pairArcs[backward]] += tie.weight;
        }
    }
    const signs = new Map<number, 1 | -1>();
    for (const slot of signed) signs.set(pairs.low[slot] * order + pairs.high[slot], pairSign[slot] as 1 | -1);
    const edgeList = edges.list();
    const arcList = arcs.list();
    let G: Graph | undefined;
    let D: Graph | undefined;
    // G and D as graphology graphs are only built when asked for: the analysis reads the
    // compact forms, which hold the same edges and arcs in the same order.
    return {
        names,
        indexOf,
        get G(): Graph {
            return (G ??= graphologyGraph('undirected', names, edgeList));
        },
        get D(): Graph {
            return (D ??= graphologyGraph('directed', names, arcList));
        },
        edges: edgeList,
        directed: directedGraph(order, arcList),
        compact: compactGraph(order, edgeList),
        signs,
        strength,
        tieEnds: { sources: tieSources, targets: tieTargets }
    };
}

/**
 * A slot for each unordered pair of actors, numbered in order of first appearance: an
 * open-addressing hash table on (low, high).
 */
class PairSlots {
    readonly low: Int32Array;
    readonly high: Int32Array;
    private size = 0;
    private readonly table: Int32Array; // slot + 1, 0 when empty
    private readonly mask: number;

    constructor(most: number) {
        this.low = new Int32Array(most);
        this.high = new Int32Array(most);
        let capacity = 16;
        while (capacity < 2 * most) capacity *= 2;
        this.table = new Int32Array(capacity);
        this.mask = capacity - 1;
    }

    slot(a: number, b: number): number {
        const low = a < b ? a : b;
        const high = a < b ? b : a;
        let h = (Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b)) >>> 0;
        h = (h ^ (h >>> 15)) & this.mask;
        for (;;) {
            const entry = this.table[h];
            if (entry === 0) {
                const slot = this.size++;
                this.low[slot] = low;
                this.high[slot] = high;
                this.table[h] = slot + 1;
                return slot;
            }
            if (this.low[entry - 1] === low && this.high[entry - 1] === high) return entry - 1;
            h = (h + 1) & this.mask;
        }
    }
}

/** Edges (or arcs) as they are first met, with their summed weights. */
class ListBuilder {
    size = 0;
    readonly sources: Int32Array;
    readonly targets: Int32Array;
    readonly weights: Float64Array;

    constructor(most: number) {
        this.sources = new Int32Array(most);
        this.targets = new Int32Array(most);
        this.weights = new Float64Array(most);
    }

    add(source: number, target: number, weight: number): number {
        this.sources[this.size] = source;
        this.targets[this.size] = target;
        this.weights[this.size] = weight;
        return this.size++;
    }

    list(): EdgeList {
        return { size: this.size, sources: this.sources.slice(0, this.size), targets: this.targets.slice(0, this.size), weights: this.weights.slice(0, this.size) };
    }
}

function graphologyGraph(type: 'undirected' | 'directed', names: readonly string[], edges: EdgeList): Graph {
    const graph = new Graph({ type, multi: false, allowSelfLoops: false });
    for (const name of names) graph.addNode(name);
    for (let e = 0; e < edges.size; e++) graph.addEdge(names[edges.sources[e]], names[edges.targets[e]], { weight: edges.weights[e] });
    return graph;
}

function compactGraph(order: number, edges: EdgeList): CompactGraph {
    // Each edge both ways, put in order of the neighbour, then (stably) of the actor: each
    // actor's neighbours come out sorted, without sorting each list.
    const byNeighbour = new Int32Array(order + 1);
    for (let e = 0; e < edges.size; e++) {
        byNeighbour[edges.targets[e] + 1]++;
        byNeighbour[edges.sources[e] + 1]++;
    }
    for (let i = 0; i < order; i++) byNeighbour[i + 1] += byNeighbour[i];
    const total = byNeighbour[order];
    const actorOf = new Int32Array(total);
    const neighbourOf = new Int32Array(total);
    const next = byNeighbour.slice(0, order);
    for (let e = 0; e < edges.size; e++) {
        const s = edges.sources[e], t = edges.targets[e];
        actorOf[next[t]] = s;
        neighbourOf[next[t]++] = t;
        actorOf[next[s]] = t;
        neighbourOf[next[s]++] = s;
    }
    const offsets = new Int32Array(order + 1);
    for (let k = 0; k < total; k++) offsets[actorOf[k] + 1]++;
    for (let i = 0; i < order; i++) offsets[i + 1] += offsets[i];
    const neighbors = new Int32Array(total);
    const fill = offsets.slice(0, order);
    for (let k = 0; k < total; k++) neighbors[fill[actorOf[k]]++] = neighbourOf[k];
    return { order, offsets, neighbors };
}

function directedGraph(order: number, arcs: EdgeList): DirectedGraph {
    const outOffsets = new Int32Array(order + 1);
    const inOffsets = new Int32Array(order + 1);
    for (let e = 0; e < arcs.size; e++) {
        outOffsets[arcs.sources[e] + 1]++;
        inOffsets[arcs.targets[e] + 1]++;
    }
    for (let i = 0; i < order; i++) {
        outOffsets[i + 1] += outOffsets[i];
        inOffsets[i + 1] += inOffsets[i];
    }
    const targets = new Int32Array(arcs.size);
    const weights = new Float64Array(arcs.size);
    const sources = new Int32Array(arcs.size);
    const outFill = outOffsets.slice(0, order);
    const inFill = inOffsets.slice(0, order);
    for (let e = 0; e < arcs.size; e++) {
        const s = arcs.sources[e];
        const t = arcs.targets[e];
        weights[outFill[s]] = arcs.weights[e];
        targets[outFill[s]++] = t;
        sources[inFill[t]++] = s;
    }
    return { order, outOffsets, targets, weights, inOffsets, sources };
}
