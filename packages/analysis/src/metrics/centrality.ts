import type Graph from 'graphology';
import pagerankCentrality from 'graphology-metrics/centrality/pagerank.js';

// graphology and networkx stop when the total change is below n·tol: a tolerance this small
// makes both agree with the exact vector to about 1e-10.
const TOLERANCE = 1e-12;

/** PageRank on D, weighted, damping 0.85, dangling mass spread uniformly (networkx `pagerank(D, weight='weight')`). */
export function pagerank(D: Graph): Record<string, number> {
    if (D.order === 0) return {};
    return pagerankCentrality(D, { alpha: 0.85, getEdgeWeight: 'weight', tolerance: TOLERANCE, maxIterations: 10_000 });
}

/**
 * Eigenvector centrality on G, unweighted, Euclidean norm 1 (networkx
 * `eigenvector_centrality(G, max_iter=1000, tol=1e-10)`): power iteration on A + I from the
 * uniform vector, stopping when the total change is below n·tol, as networkx and graphology
 * do. Where it does not converge (long chains converge very slowly; networkx raises an
 * error), the last iterate is returned rather than failing the whole analysis.
 */
export function eigenvector(G: Graph): Record<string, number> {
    const nodes = G.nodes();
    const n = nodes.length;
    if (n === 0) return {};
    const index = new Map(nodes.map((node, i) => [node, i]));
    const neighbours = nodes.map(node => G.neighbors(node).map(other => index.get(other)!));
    let x = new Float64Array(n).fill(1 / n);
    for (let iteration = 0; iteration < EIGENVECTOR_ITERATIONS; iteration++) {
        const last = x;
        x = Float64Array.from(last);
        for (let i = 0; i < n; i++) for (const j of neighbours[i]) x[j] += last[i];
        let squares = 0;
        for (let i = 0; i < n; i++) squares += x[i] * x[i];
        const norm = Math.sqrt(squares) || 1;
        let change = 0;
        for (let i = 0; i < n; i++) {
            x[i] /= norm;
            change += Math.abs(x[i] - last[i]);
        }
        if (change < n * TOLERANCE) break;
    }
    return Object.fromEntries(nodes.map((node, i) => [node, x[i]]));
}

const EIGENVECTOR_ITERATIONS = 10_000;
