import type { CompactGraph, DirectedGraph } from '../graphs.js';

// graphology and networkx stop when the total change is below n·tol: a tolerance this small
// makes both agree with the exact vector to about 1e-10.
const TOLERANCE = 1e-12;
const ALPHA = 0.85;
const PAGERANK_ITERATIONS = 10_000;

/**
 * PageRank on D, weighted, damping 0.85, dangling mass spread uniformly (networkx
 * `pagerank(D, weight='weight')`), by actor index. The power iteration of graphology-metrics'
 * `pagerank`, with the same sums in the same order, so the same figures: there, each actor i
 * in turn adds α·x(i)·w(i→j)/w(i) to each j it points to, and the teleport term to itself;
 * here, each actor j gathers those terms from the actors pointing to it, in increasing order,
 * the teleport term in i = j's place. One pass per iteration.
 */
export function pagerank(D: DirectedGraph): Float64Array {
    const n = D.order;
    if (n === 0) return new Float64Array(0);
    const { outOffsets, targets, weights } = D;
    const p = 1 / n;
    const dangling: number[] = [];
    // Arcs into each actor, by increasing source, with their normalised weights.
    const inStart = new Int32Array(n + 1);
    for (let k = 0; k < targets.length; k++) inStart[targets[k] + 1]++;
    for (let j = 0; j < n; j++) inStart[j + 1] += inStart[j];
    const sources = new Int32Array(targets.length);
    const normalized = new Float64Array(targets.length);
    const fill = inStart.slice(0, n);
    for (let i = 0; i < n; i++) {
        let degree = 0;
        for (let k = outOffsets[i]; k < outOffsets[i + 1]; k++) degree += weights[k];
        if (degree === 0) dangling.push(i);
        for (let k = outOffsets[i]; k < outOffsets[i + 1]; k++) {
            const slot = fill[targets[k]]++;
            sources[slot] = i;
            normalized[slot] = weights[k] / degree;
        }
    }
    let x = new Float64Array(n).fill(p);
    let last = new Float64Array(n);
    for (let iteration = 0; iteration < PAGERANK_ITERATIONS; iteration++) {
        const free = last;
        last = x;
        x = free;
        let dangleSum = 0;
        for (let k = 0; k < dangling.length; k++) dangleSum += last[dangling[k]];
        dangleSum *= ALPHA;
        const teleport = dangleSum * p + (1 - ALPHA) * p;
        let error = 0;
        for (let j = 0; j < n; j++) {
            let value = 0;
            let k = inStart[j];
            const end = inStart[j + 1];
            for (; k < end && sources[k] < j; k++) value += ALPHA * last[sources[k]] * normalized[k];
            value += teleport;
            for (; k < end; k++) value += ALPHA * last[sources[k]] * normalized[k];
            x[j] = value;
            error += Math.abs(value - last[j]);
        }
        if (error < n * TOLERANCE) return x;
    }
    throw new Error('pagerank: failed to converge');
}

/**
 * Eigenvector centrality on G, unweighted, Euclidean norm 1 (networkx
 * `eigenvector_centrality(G, max_iter=1000, tol=1e-10)`), by actor index: power iteration on
 * A + I from the uniform vector, stopping when the total change is below n·tol, as networkx
 * and graphology do. Where it does not converge (long chains converge very slowly; networkx
 * raises an error), the last iterate is returned rather than failing the whole analysis.
 * Each actor's new value sums its own and its neighbours' in index order.
 */
export function eigenvector(G: CompactGraph): Float64Array {
    const { order: n, offsets, neighbors } = G;
    if (n === 0) return new Float64Array(0);
    let x = new Float64Array(n).fill(1 / n);
    let last = new Float64Array(n);
    for (let iteration = 0; iteration < EIGENVECTOR_ITERATIONS; iteration++) {
        const free = last;
        last = x;
        x = free;
        let squares = 0;
        let start = offsets[0];
        for (let j = 0; j < n; j++) {
            const end = offsets[j + 1];
            let value = last[j];
            for (let k = start; k < end; k++) value += last[neighbors[k]];
            start = end;
            x[j] = value;
            squares += value * value;
        }
        const norm = Math.sqrt(squares) || 1;
        let change = 0;
        for (let i = 0; i < n; i++) {
            const value = x[i] / norm;
            x[i] = value;
            change += Math.abs(value - last[i]);
        }
        if (change < n * TOLERANCE) break;
    }
    return x;
}

const EIGENVECTOR_ITERATIONS = 10_000;
