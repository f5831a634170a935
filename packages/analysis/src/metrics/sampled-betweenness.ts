import type { CompactGraph } from '../graphs.js';
import { normaliseBetweenness, PathSearch } from './paths.js';

export interface SampledBetweennessOptions {
    /**
     * The number of sources k (clamped to 1..n). Default: `defaultSampleSize(graph)`, which
     * bounds the work to about `SAMPLED_WORK` vertex-and-arc visits.
     */
    readonly samples?: number;
    /** Seed of the pseudo-random choice of the sources (default 1). */
    readonly seed?: number;
}

export interface SampledBetweenness {
    /** The estimate, normalised as `pathMetrics`' exact betweenness (networkx's `normalized=True`). */
    readonly betweenness: Float64Array;
    /** The number of sources searched (k). */
    readonly samples: number;
    /** True when every actor was a source (k = n): the figures are then exact. */
    readonly exact: boolean;
}

/**
 * The work budget of the default sample size, in vertex-and-arc visits: one search costs
 * about n + 2m of them. 64 million is about 500 sources on a graph of 15,500 actors and
 * 56,000 ties (the generated size L), well under a second on one thread; graphs of up to
 * about 3,000 actors with 10,000 ties get k = n, the exact figures.
 */
export const SAMPLED_WORK = 64_000_000;
/** The smallest default sample size, however large the graph. */
export const MIN_SAMPLES = 50;

/** The default k: as many sources as `SAMPLED_WORK` allows, at least `MIN_SAMPLES`, at most n. */
export function defaultSampleSize(graph: CompactGraph): number {
    const n = graph.order;
    const perSearch = n + graph.neighbors.length;
    return Math.min(n, Math.max(MIN_SAMPLES, Math.floor(SAMPLED_WORK / Math.max(1, perSearch))));
}

/**
 * Betweenness estimated from k sources drawn uniformly without replacement (Brandes & Pich
 * 2007, "Centrality estimation in large networks"): the dependencies of the sampled sources,
 * scaled by n/k, are an unbiased estimate of the sums over all sources; then networkx's
 * normalisation (as `betweenness_centrality(G, k=k, normalized=True)`, with another sampler).
 * Deterministic: the sources come from a seeded generator, so the same graph, k and seed give
 * the same estimate. With k = n it is the exact betweenness (up to rounding).
 */
export function sampledBetweenness(graph: CompactGraph, options: SampledBetweennessOptions = {}): SampledBetweenness {
    const n = graph.order;
    const betweenness = new Float64Array(n);
    if (n === 0) return { betweenness, samples: 0, exact: true };
    const k = Math.min(n, Math.max(1, Math.floor(options.samples ?? defaultSampleSize(graph))));
    const sources = sampleSources(n, k, options.seed ?? 1);
    const search = new PathSearch(graph);
    for (const source of sources) search.run(source, 1, betweenness);
    if (k < n) {
        const scale = n / k;
        for (let i = 0; i < n; i++) betweenness[i] *= scale;
    }
    normaliseBetweenness(betweenness, n);
    return { betweenness, samples: k, exact: k === n };
}

/** k distinct indices of 0..n−1, by a partial Fisher–Yates shuffle driven by a seeded generator; sorted. */
export function sampleSources(n: number, k: number, seed: number): Int32Array {
    const pool = new Int32Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    const random = splitmix32(seed);
    for (let i = 0; i < k; i++) {
        const j = i + Math.floor(random() * (n - i));
        const t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
    }
    return pool.slice(0, k).sort();
}

/** A small seeded generator of floats in [0, 1) (SplitMix32). */
function splitmix32(seed: number): () => number {
    let state = seed | 0;
    return () => {
        state = (state + 0x9e3779b9) | 0;
        let z = state;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
        z ^= z >>> 16;
        return (z >>> 0) / 4294967296;
    };
}
