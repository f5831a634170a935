import type Graph from 'graphology';
import type { CompactGraph } from '../graphs.js';

/** Density of G (networkx `density(G)`): ties present over ties possible; 0 below two actors. */
export function density(graph: CompactGraph): number {
    const n = graph.order;
    return n < 2 ? 0 : graph.neighbors.length / (n * (n - 1));
}

/** Connected components of G, each a sorted list of actor indices, in order of their first actor. */
export function components(graph: CompactGraph): number[][] {
    const { order, offsets, neighbors } = graph;
    const seen = new Uint8Array(order);
    const result: number[][] = [];
    const queue = new Int32Array(order);
    for (let start = 0; start < order; start++) {
        if (seen[start]) continue;
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
        result.push(Array.from(queue.subarray(0, tail)).sort((a, b) => a - b));
    }
    return result;
}

/** Reciprocity of the simple D (networkx `reciprocity(D)`): share of arcs whose reverse exists; null without arcs. */
export function reciprocity(D: Graph): number | null {
    if (D.size === 0) return null;
    let reciprocated = 0;
    D.forEachEdge((_edge, _attributes, source, target) => {
        if (D.hasDirectedEdge(target, source)) reciprocated++;
    });
    return reciprocated / D.size;
}

/**
 * Structural balance of the signed graph S: the share of its triangles whose sign product
 * is positive (Cartwright–Harary); null when S has no triangle.
 */
export function balance(signs: ReadonlyMap<number, 1 | -1>, order: number): number | null {
    const adjacency: Array<Map<number, 1 | -1>> = Array.from({ length: order }, () => new Map());
    for (const [key, sign] of signs) {
        const i = Math.floor(key / order);
        const j = key % order;
        adjacency[i].set(j, sign);
        adjacency[j].set(i, sign);
    }
    let triangles = 0;
    let balanced = 0;
    for (let i = 0; i < order; i++) {
        for (const [j, sij] of adjacency[i]) {
            if (j <= i) continue;
            for (const [k, sjk] of adjacency[j]) {
                if (k <= j) continue;
                const sik = adjacency[i].get(k);
                if (sik === undefined) continue;
                triangles++;
                if (sij * sjk * sik > 0) balanced++;
            }
        }
    }
    return triangles === 0 ? null : balanced / triangles;
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
