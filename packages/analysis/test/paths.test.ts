import { describe, expect, test } from 'vitest';
import type { CompactGraph } from '../src/index.js';
import { combinePathMetrics, PATH_METRICS_PARTS, pathMetrics, sampledBetweenness, splitSources } from '../src/index.js';
import { seededRandom } from '../../../test/seeded-random.js';

// ---------------------------------------------------------------- graphs


/** The compact graph of n vertices and the given edges (duplicates and loops dropped), neighbours sorted. */
function compact(n: number, edges: ReadonlyArray<readonly [number, number]>): CompactGraph {
    const lists: Array<Set<number>> = Array.from({ length: n }, () => new Set());
    for (const [a, b] of edges) {
        if (a === b) continue;
        lists[a].add(b);
        lists[b].add(a);
    }
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + lists[i].size;
    const neighbors = new Int32Array(offsets[n]);
    lists.forEach((list, i) => neighbors.set([...list].sort((x, y) => x - y), offsets[i]));
    return { order: n, offsets, neighbors };
}

/** Relabels the vertices by a random permutation, so that special vertices are not all at the start. */
function shuffled(n: number, edges: Array<[number, number]>, random: () => number): CompactGraph {
    const label = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [label[i], label[j]] = [label[j], label[i]];
    }
    return compact(n, edges.map(([a, b]) => [label[a], label[b]] as [number, number]));
}

/**
 * A random graph mixing the shapes that matter for the searches: an Erdős–Rényi core, leaves
 * hanging on it (several on some vertices), chains, a star, a pair (two leaves tied together),
 * isolated vertices and separate small components.
 */
function randomGraph(seed: number): CompactGraph {
    const random = seededRandom(seed);
    const edges: Array<[number, number]> = [];
    let n = 0;
    const add = (count: number) => {
        const first = n;
        n += count;
        return first;
    };
    const core = 5 + Math.floor(random() * 40);
    const c0 = add(core);
    const p = (1 + random() * 4) / core;
    for (let i = 0; i < core; i++) for (let j = i + 1; j < core; j++) if (random() < p) edges.push([c0 + i, c0 + j]);
    const leaves = Math.floor(random() * 12);
    for (let l = 0; l < leaves; l++) edges.push([add(1), c0 + Math.floor(random() * core)]);
    const chains = Math.floor(random() * 3);
    for (let c = 0; c < chains; c++) {
        const length = 1 + Math.floor(random() * 6);
        let previous = c0 + Math.floor(random() * core);
        for (let i = 0; i < length; i++) {
            const v = add(1);
            edges.push([previous, v]);
            previous = v;
        }
    }
    if (random() < 0.5) {
        const centre = add(1);
        edges.push([centre, c0 + Math.floor(random() * core)]);
        const rays = 2 + Math.floor(random() * 5);
        for (let r = 0; r < rays; r++) edges.push([centre, add(1)]);
    }
    if (random() < 0.5) {
        const a = add(2);
        edges.push([a, a + 1]);
    }
    add(Math.floor(random() * 3)); // isolated
    if (random() < 0.5) {
        const size = 3 + Math.floor(random() * 8);
        const s0 = add(size);
        for (let i = 1; i < size; i++) edges.push([s0 + i, s0 + Math.floor(random() * i)]);
        if (size > 3) edges.push([s0, s0 + size - 1]);
    }
    return shuffled(n, edges, random);
}

const path = (n: number) => compact(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as [number, number]));
const star = (leaves: number) => compact(leaves + 1, Array.from({ length: leaves }, (_, i) => [0, i + 1] as [number, number]));

// ---------------------------------------------------------------- reference

/** Brandes (2001) as in the textbook, with predecessor lists, and networkx's normalisations. */
function referenceBrandes(graph: CompactGraph): { betweenness: number[]; closeness: number[] } {
    const n = graph.order;
    const betweenness = new Array<number>(n).fill(0);
    const closeness = new Array<number>(n).fill(0);
    const neighbours = (v: number) => Array.from(graph.neighbors.subarray(graph.offsets[v], graph.offsets[v + 1]));
    for (let s = 0; s < n; s++) {
        const order: number[] = [];
        const predecessors: number[][] = Array.from({ length: n }, () => []);
        const sigma = new Array<number>(n).fill(0);
        const distance = new Array<number>(n).fill(-1);
        sigma[s] = 1;
        distance[s] = 0;
        const queue = [s];
        while (queue.length > 0) {
            const v = queue.shift()!;
            order.push(v);
            for (const w of neighbours(v)) {
                if (distance[w] < 0) {
                    distance[w] = distance[v] + 1;
                    queue.push(w);
                }
                if (distance[w] === distance[v] + 1) {
                    sigma[w] += sigma[v];
                    predecessors[w].push(v);
                }
            }
        }
        const delta = new Array<number>(n).fill(0);
        for (const w of order.reverse()) {
            for (const v of predecessors[w]) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
            if (w !== s) betweenness[w] += delta[w];
        }
        const reached = order.length - 1;
        const total = distance.reduce((sum, d) => sum + Math.max(d, 0), 0);
        closeness[s] = total > 0 && n > 1 ? (reached / total) * (reached / (n - 1)) : 0;
    }
    const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
    return { betweenness: betweenness.map(b => b * scale), closeness };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
    expect(actual.length, what).toBe(expected.length);
    for (let i = 0; i < expected.length; i++) {
        const a = actual[i];
        const e = expected[i];
        const error = Math.abs(a - e) / Math.max(Math.abs(e), 1e-300);
        if (!(error <= 1e-9 || Math.abs(a - e) <= 1e-15)) expect.fail(`${what}[${i}]: ${a} instead of ${e}`);
    }
}

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

// ---------------------------------------------------------------- tests

describe('exact path metrics', () => {
    test('small shapes: path, star, triangle with a tail, a pair, an isolated vertex, the empty graph', () => {
        const shapes: Array<[string, CompactGraph]> = [
            ['empty', compact(0, [])],
            ['single', compact(1, [])],
            ['pair', compact(2, [[0, 1]])],
            ['path 3', path(3)],
            ['path 7', path(7)],
            ['star 5', star(5)],
            ['triangle with a tail', compact(5, [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4]])],
            ['two pairs and an isolated vertex', compact(5, [[0, 1], [3, 4]])],
            ['diamond with leaves', compact(7, [[0, 1], [0, 2], [1, 3], [2, 3], [3, 4], [0, 5], [0, 6]])]
        ];
        for (const [name, graph] of shapes) {
            const expected = referenceBrandes(graph);
            const actual = pathMetrics(graph);
            expectClose(actual.betweenness, expected.betweenness, `${name} betweenness`);
            expectClose(actual.closeness, expected.closeness, `${name} closeness`);
        }
        // networkx: the middle of a path of 3 lies on the only path between the ends.
        expect(Array.from(pathMetrics(path(3)).betweenness)).toEqual([0, 1, 0]);
    });

    test.each(SEEDS)('random graph %i (leaves, chains, stars, isolated vertices, components) matches plain Brandes', seed => {
        const graph = randomGraph(seed);
        const expected = referenceBrandes(graph);
        const actual = pathMetrics(graph);
        expectClose(actual.betweenness, expected.betweenness, 'betweenness');
        expectClose(actual.closeness, expected.closeness, 'closeness');
    });

    test('a denser random graph, where the searches go bottom-up', () => {
        const random = seededRandom(7);
        const n = 300;
        const edges: Array<[number, number]> = [];
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (random() < 0.03) edges.push([i, j]);
        for (let l = 0; l < 30; l++) edges.push([n + l, Math.floor(random() * n)]);
        const graph = compact(n + 30, edges);
        const expected = referenceBrandes(graph);
        const actual = pathMetrics(graph);
        expectClose(actual.betweenness, expected.betweenness, 'betweenness');
        expectClose(actual.closeness, expected.closeness, 'closeness');
    });

    test.each([1, 2, 3, 5])('ranges of sources from splitSources(graph, %i) add up to one run', parts => {
        for (const seed of SEEDS.slice(0, 20)) {
            const graph = randomGraph(seed);
            const whole = pathMetrics(graph);
            const ranges = splitSources(graph, parts);
            expect(ranges).toHaveLength(parts);
            expect(ranges[0].from).toBe(0);
            expect(ranges[parts - 1].to).toBe(graph.order);
            for (let p = 1; p < parts; p++) expect(ranges[p].from).toBe(ranges[p - 1].to);
            const combined = combinePathMetrics(ranges.map(range => pathMetrics(graph, range)));
            expectClose(combined.betweenness, whole.betweenness, `seed ${seed} betweenness`);
            expectClose(combined.closeness, whole.closeness, `seed ${seed} closeness`);
            if (parts === PATH_METRICS_PARTS) {
                // The split a whole run uses itself: identical to the last bit.
                expect(Array.from(combined.betweenness)).toEqual(Array.from(whole.betweenness));
                expect(Array.from(combined.closeness)).toEqual(Array.from(whole.closeness));
            }
        }
    });

    test('any split point works, including ones that separate a leaf from its neighbour', () => {
        const graph = randomGraph(11);
        const whole = pathMetrics(graph);
        for (let cut = 0; cut <= graph.order; cut++) {
            const combined = combinePathMetrics([pathMetrics(graph, { from: 0, to: cut }), pathMetrics(graph, { from: cut, to: graph.order })]);
            expectClose(combined.betweenness, whole.betweenness, `cut ${cut} betweenness`);
            expectClose(combined.closeness, whole.closeness, `cut ${cut} closeness`);
        }
    });
});

describe('sampled betweenness', () => {
    test('with k = n it is the exact betweenness', () => {
        for (const seed of SEEDS.slice(0, 20)) {
            const graph = randomGraph(seed);
            const sampled = sampledBetweenness(graph, { samples: graph.order });
            expect(sampled.samples).toBe(graph.order);
            expect(sampled.exact).toBe(true);
            expectClose(sampled.betweenness, pathMetrics(graph).betweenness, `seed ${seed}`);
        }
    });

    test('the default k is n on small graphs', () => {
        const graph = randomGraph(3);
        const sampled = sampledBetweenness(graph);
        expect(sampled.samples).toBe(graph.order);
        expectClose(sampled.betweenness, pathMetrics(graph).betweenness, 'default');
    });

    test('deterministic: the same graph, k and seed give the same estimate; another seed another one', () => {
        const graph = randomGraph(5);
        const k = Math.floor(graph.order / 3);
        const a = sampledBetweenness(graph, { samples: k });
        const b = sampledBetweenness(graph, { samples: k });
        expect(a.samples).toBe(k);
        expect(a.exact).toBe(false);
        expect(Array.from(a.betweenness)).toEqual(Array.from(b.betweenness));
        const c = sampledBetweenness(graph, { samples: k, seed: 2 });
        expect(Array.from(c.betweenness)).not.toEqual(Array.from(a.betweenness));
    });

    test('the estimate is unbiased: its average over many seeds approaches the exact figures', () => {
        const graph = randomGraph(9);
        const exact = pathMetrics(graph).betweenness;
        const k = Math.max(2, Math.floor(graph.order / 4));
        const runs = 400;
        const mean = new Float64Array(graph.order);
        for (let seed = 1; seed <= runs; seed++) {
            const estimate = sampledBetweenness(graph, { samples: k, seed }).betweenness;
            for (let i = 0; i < graph.order; i++) mean[i] += estimate[i] / runs;
        }
        const largest = Math.max(...exact);
        for (let i = 0; i < graph.order; i++) expect(Math.abs(mean[i] - exact[i])).toBeLessThan(0.1 * largest + 1e-12);
    });

    test('k is clamped to 1..n', () => {
        const graph = randomGraph(4);
        expect(sampledBetweenness(graph, { samples: 0 }).samples).toBe(1);
        expect(sampledBetweenness(graph, { samples: 10 * graph.order }).samples).toBe(graph.order);
        expect(sampledBetweenness(compact(0, [])).samples).toBe(0);
    });
});
