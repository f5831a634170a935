import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerankCentrality from 'graphology-metrics/centrality/pagerank.js';
import { describe, expect, test } from 'vitest';
import type { TerritoryModel, TieData } from '../src/index.js';
import { analyze, buildGraphs, compareNames, modularity } from '../src/index.js';
import { brokerage } from '../src/metrics/brokerage.js';
import { eigenvector, pagerank } from '../src/metrics/centrality.js';
import { communities, partitionModularity } from '../src/metrics/communities.js';
import { reciprocity } from '../src/metrics/network.js';
import { modelOf } from './helpers.js';
import { seededRandom } from '../../../test/seeded-random.js';

/**
 * The analysis computes on compact arrays what it used to compute on graphology graphs (G and
 * D are only built when asked for): these tests hold each figure to the graphology way, bit
 * for bit, on random models.
 */


/** Ties in clusters, some across, repeated ones, negative ones (left out of G), isolates, zones. */
function randomModel(seed: number, actors: number): TerritoryModel {
    const random = seededRandom(seed);
    const names = Array.from({ length: actors }, (_, i) => `N${Math.floor(random() * 1e6)}_${i}`).sort(compareNames);
    const ties: TieData[] = [];
    const clusters = 2 + Math.floor(random() * 6);
    for (let t = 0; t < actors * 2; t++) {
        const a = Math.floor(random() * actors);
        const near = a - (a % clusters) + Math.floor(random() * clusters);
        const b = random() < 0.8 ? Math.min(near, actors - 1) : Math.floor(random() * actors);
        const polarity = random() < 0.1 ? 'negative' : random() < 0.3 ? 'neutral' : 'positive';
        ties.push({ source: names[a], target: names[b], relation: 'r', directed: random() < 0.5, polarity, weight: seed % 2 === 0 ? 1 : 1 + Math.floor(random() * 4) });
    }
    const zones = ['', 'Z1', 'Z2', 'Z3'];
    const actorList = names.map(name => ({ name, positions: [], tags: [], zone: zones[Math.floor(random() * zones.length)] || undefined }));
    return { asOf: '2025-01-01', actors: actorList, ties, interests: [], workshops: [], dialogues: [], places: [] };
}

/** Eigenvector centrality as computed on G: power iteration over each node's graphology neighbours. */
function eigenvectorOnG(G: Graph): number[] {
    const nodes = G.nodes();
    const n = nodes.length;
    const index = new Map(nodes.map((node, i) => [node, i]));
    const neighbours = nodes.map(node => G.neighbors(node).map(other => index.get(other)!));
    let x = new Float64Array(n).fill(1 / n);
    for (let iteration = 0; iteration < 10_000; iteration++) {
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
        if (change < n * 1e-12) break;
    }
    return Array.from(x);
}

/** Gould–Fernandez roles as computed on D. */
function brokerageOnD(D: Graph, groupOf: (actor: string) => string) {
    return D.nodes().map(broker => {
        const roles = { coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 0 };
        const gb = groupOf(broker);
        D.forEachInNeighbor(broker, source => {
            const ga = groupOf(source);
            D.forEachOutNeighbor(broker, target => {
                if (target === source || D.hasDirectedEdge(source, target)) return;
                const gc = groupOf(target);
                if (ga === gb && gb === gc) roles.coordinator++;
                else if (ga === gc) roles.itinerant++;
                else if (ga === gb) roles.representative++;
                else if (gb === gc) roles.gatekeeper++;
                else roles.liaison++;
            });
        });
        return roles;
    });
}

/** Communities as computed on the graphology graph G itself (the seeded Louvain, then numbered by size and first name). */
function communitiesOnG(model: TerritoryModel): number[] {
    const { G, names } = buildGraphs(model);
    let state = 0x7e77 >>> 0;
    const rng = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const raw = G.size === 0 ? Object.fromEntries(names.map((name, i) => [name, i])) : louvain(G, { getEdgeWeight: 'weight', rng, randomWalk: true });
    const members = new Map<number, string[]>();
    for (const name of G.nodes()) members.set(raw[name], [...(members.get(raw[name]) ?? []), name]);
    const ordered = [...members.values()].map(list => list.sort(compareNames)).sort((a, b) => b.length - a.length || compareNames(a[0], b[0]));
    const result = new Map<string, number>();
    ordered.forEach((list, index) => list.forEach(name => result.set(name, index)));
    return names.map(name => result.get(name)!);
}

describe('figures without graphology graphs', () => {
    test.each([1, 2, 3, 4, 5, 6])('PageRank, eigenvector, brokerage and reciprocity as on G and D (random model %i)', seed => {
        const model = randomModel(seed, 100 + seed * 150);
        const graphs = buildGraphs(model);
        const ranks = pagerankCentrality(graphs.D, { alpha: 0.85, getEdgeWeight: 'weight', tolerance: 1e-12, maxIterations: 10_000 });
        expect(Array.from(pagerank(graphs.directed))).toEqual(graphs.names.map(name => ranks[name]));
        expect(Array.from(eigenvector(graphs.compact))).toEqual(eigenvectorOnG(graphs.G));
        const zoneOf = new Map(model.actors.map(actor => [actor.name, actor.zone ?? '']));
        expect(brokerage(graphs.directed, model.actors.map(actor => actor.zone ?? ''))).toEqual(brokerageOnD(graphs.D, actor => zoneOf.get(actor)!));
        let reciprocated = 0;
        graphs.D.forEachEdge((_edge, _attributes, source, target) => { if (graphs.D.hasDirectedEdge(target, source)) reciprocated++; });
        expect(reciprocity(graphs.directed)).toBe(reciprocated / graphs.D.size);
        expect(graphs.names.map((_, i) => [graphs.directed.inOffsets[i + 1] - graphs.directed.inOffsets[i], graphs.directed.outOffsets[i + 1] - graphs.directed.outOffsets[i]]))
            .toEqual(graphs.names.map(name => [graphs.D.inDegree(name), graphs.D.outDegree(name)]));
    });

    test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('the same partition and modularity as on G (random model %i)', seed => {
        const model = randomModel(seed, 100 + seed * 150);
        const graphs = buildGraphs(model);
        const partition = communities(graphs.names, graphs.edges);
        expect(Array.from(partition)).toEqual(communitiesOnG(model));
        const byName = Object.fromEntries(graphs.names.map((name, i) => [name, partition[i]]));
        expect(partitionModularity(graphs.edges, partition)).toBe(modularity(graphs.G, byName));
    });

    test('a model with no tie: every actor alone', async () => {
        const model = await modelOf('actor B\nactor A\nactor C');
        expect(Object.values(analyze(model).actors).map(actor => actor.community)).toEqual([0, 1, 2]);
        expect(analyze(model).network.modularity).toBeNull();
    });
});
