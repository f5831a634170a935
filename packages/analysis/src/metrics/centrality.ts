import type Graph from 'graphology';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector.js';
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
 * uniform vector, as networkx does.
 */
export function eigenvector(G: Graph): Record<string, number> {
    if (G.order === 0) return {};
    try {
        return eigenvectorCentrality(G, { getEdgeWeight: null, tolerance: TOLERANCE, maxIterations: 10_000 });
    } catch {
        // Not converged at the tighter tolerance: the contract's own tolerance is enough.
        return eigenvectorCentrality(G, { getEdgeWeight: null, tolerance: 1e-10, maxIterations: 1000 });
    }
}
