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
    readonly G: Graph;
    readonly D: Graph;
    /** Compact G for path metrics: neighbours of i are `neighbors[offsets[i] .. offsets[i+1])`, sorted. */
    readonly compact: CompactGraph;
    /** S as a map from pair key (`pairKey(i, j)`) to +1 or −1. */
    readonly signs: ReadonlyMap<number, 1 | -1>;
    /** Strength: sum of the weights of the positive/neutral tie statements touching each actor. */
    readonly strength: Float64Array;
}

export interface CompactGraph {
    readonly order: number;
    readonly offsets: Int32Array;
    readonly neighbors: Int32Array;
}

/** A key for the unordered pair {i, j} of actor indices. */
export function pairKey(i: number, j: number, order: number): number {
    return i < j ? i * order + j : j * order + i;
}

export function buildGraphs(model: TerritoryModel): TerritoryGraphs {
    const names = model.actors.map(actor => actor.name);
    const indexOf = new Map(names.map((name, index) => [name, index]));
    const order = names.length;
    const G = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    const D = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
    for (const name of names) {
        G.addNode(name);
        D.addNode(name);
    }
    const strength = new Float64Array(order);
    const signs = new Map<number, 1 | -1>();
    const addArc = (from: string, to: string, weight: number) => {
        if (D.hasEdge(from, to)) D.updateEdgeAttribute(from, to, 'weight', w => (w as number) + weight);
        else D.addDirectedEdge(from, to, { weight });
    };
    for (const tie of model.ties) {
        const source = indexOf.get(tie.source);
        const target = indexOf.get(tie.target);
        if (source === undefined || target === undefined || source === target) continue;
        const key = pairKey(source, target, order);
        if (tie.polarity === 'negative') {
            signs.set(key, -1);
            continue;
        }
        if (tie.polarity === 'positive' && signs.get(key) !== -1) signs.set(key, 1);
        strength[source] += tie.weight;
        strength[target] += tie.weight;
        if (G.hasEdge(tie.source, tie.target)) G.updateEdgeAttribute(tie.source, tie.target, 'weight', w => (w as number) + tie.weight);
        else G.addUndirectedEdge(tie.source, tie.target, { weight: tie.weight });
        addArc(tie.source, tie.target, tie.weight);
        if (!tie.directed) addArc(tie.target, tie.source, tie.weight);
    }
    return { names, indexOf, G, D, compact: compactGraph(G, indexOf), signs, strength };
}

function compactGraph(G: Graph, indexOf: ReadonlyMap<string, number>): CompactGraph {
    const order = G.order;
    const offsets = new Int32Array(order + 1);
    const lists: number[][] = Array.from({ length: order }, () => []);
    G.forEachEdge((_edge, _attributes, source, target) => {
        const s = indexOf.get(source)!;
        const t = indexOf.get(target)!;
        lists[s].push(t);
        lists[t].push(s);
    });
    let total = 0;
    for (let i = 0; i < order; i++) {
        lists[i].sort((a, b) => a - b);
        offsets[i] = total;
        total += lists[i].length;
    }
    offsets[order] = total;
    const neighbors = new Int32Array(total);
    for (let i = 0; i < order; i++) neighbors.set(lists[i], offsets[i]);
    return { order, offsets, neighbors };
}
