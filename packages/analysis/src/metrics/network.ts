import type { CompactGraph, DirectedGraph } from '../graphs.js';

/** Density of G (networkx `density(G)`): ties present over ties possible; 0 below two actors. */
export function density(graph: CompactGraph): number {
    const n = graph.order;
    return n < 2 ? 0 : graph.neighbors.length / (n * (n - 1));
}

/** Reciprocity of the simple D (networkx `reciprocity(D)`): share of arcs whose reverse exists; null without arcs. */
export function reciprocity(D: DirectedGraph): number | null {
    const { order, outOffsets, targets, inOffsets, sources } = D;
    const arcs = targets.length;
    if (arcs === 0) return null;
    // An arc i → j is reciprocated when j → i is an arc: j is among i's in-neighbours.
    const mark = new Int32Array(order).fill(-1);
    let reciprocated = 0;
    for (let i = 0; i < order; i++) {
        for (let k = inOffsets[i]; k < inOffsets[i + 1]; k++) mark[sources[k]] = i;
        for (let k = outOffsets[i]; k < outOffsets[i + 1]; k++) if (mark[targets[k]] === i) reciprocated++;
    }
    return reciprocated / arcs;
}

/**
 * Structural balance of the signed graph S: the share of its triangles whose sign product
 * is positive (Cartwright–Harary); null when S has no triangle.
 */
export function balance(signs: ReadonlyMap<number, 1 | -1>, order: number): number | null {
    // S as adjacency lists by actor index, with each pair's sign.
    const start = new Int32Array(order + 1);
    for (const key of signs.keys()) {
        start[Math.floor(key / order) + 1]++;
        start[(key % order) + 1]++;
    }
    for (let i = 0; i < order; i++) start[i + 1] += start[i];
    const partner = new Int32Array(start[order]);
    const sign = new Int8Array(start[order]);
    const fill = start.slice(0, order);
    for (const [key, s] of signs) {
        const i = Math.floor(key / order);
        const j = key % order;
        partner[fill[i]] = j;
        sign[fill[i]++] = s;
        partner[fill[j]] = i;
        sign[fill[j]++] = s;
    }
    // mark[k] === i: k is tied to i in S, with sign signOf[k].
    const mark = new Int32Array(order).fill(-1);
    const signOf = new Int8Array(order);
    let triangles = 0;
    let balanced = 0;
    for (let i = 0; i < order; i++) {
        for (let m = start[i]; m < start[i + 1]; m++) {
            mark[partner[m]] = i;
            signOf[partner[m]] = sign[m];
        }
        for (let m = start[i]; m < start[i + 1]; m++) {
            const j = partner[m];
            if (j <= i) continue;
            const sij = sign[m];
            for (let t = start[j]; t < start[j + 1]; t++) {
                const k = partner[t];
                if (k <= j || mark[k] !== i) continue;
                triangles++;
                if (sij * sign[t] * signOf[k] > 0) balanced++;
            }
        }
    }
    return triangles === 0 ? null : balanced / triangles;
}

/** How many connected components G has (isolates count as one each). */
export function countComponents(graph: CompactGraph): number {
    const { order, offsets, neighbors } = graph;
    const seen = new Uint8Array(order);
    const queue = new Int32Array(order);
    let count = 0;
    for (let start = 0; start < order; start++) {
        if (seen[start]) continue;
        count++;
        let head = 0;
        let tail = 0;
        queue[tail++] = start;
        seen[start] = 1;
        while (head < tail) {
            const v = queue[head++];
            for (let k = offsets[v]; k < offsets[v + 1]; k++) {
                const w = neighbors[k];
                if (!seen[w]) {
                    seen[w] = 1;
                    queue[tail++] = w;
                }
            }
        }
    }
    return count;
}

/** Freeman's degree centralization of G: Σ(max degree − degree)/((n−1)(n−2)); null below three actors. */
export function degreeCentralization(degrees: ArrayLike<number>): number | null {
    const n = degrees.length;
    if (n < 3) return null;
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, degrees[i]);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += max - degrees[i];
    return sum / ((n - 1) * (n - 2));
}
