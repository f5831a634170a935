import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, buildGraphs, modularity, pairKey } from '../src/index.js';
import { modelOf } from './helpers.js';

/**
 * The figures of the analysis against networkx (and igraph for eigenvector), on the models
 * listed below. The expected values were computed once by scripts/reference/networkx_metrics.py,
 * an independent reading of the models and of the contract's graph definitions; the JSON is
 * committed, so these tests need no Python.
 */
const root = resolve(__dirname, '../../..');
const MODELS: Record<string, string> = {
    tutorial: 'examples/tutorial',
    disconnected: 'test/fixtures/analysis/disconnected.territory',
    signed: 'test/fixtures/analysis/signed.territory'
};

interface Expected {
    network: Record<string, number | string[] | null>;
    actors: Record<string, Record<string, number | null>>;
    status: Record<string, { LM: number; LL: number; class: string }>;
    modularityByZone: number | null;
    zones: string[][];
    graphs: { G: Array<[string, string, number]>; D: Array<[string, string, number]>; S: Array<[string, string, number]> };
}

function filesOf(path: string): Record<string, string> {
    const absolute = join(root, path);
    const paths = statSync(absolute).isDirectory()
        ? readdirSync(absolute).filter(name => name.endsWith('.territory')).map(name => join(absolute, name))
        : [absolute];
    return Object.fromEntries(paths.map(file => [relative(root, file).replace(/[/\\]/g, '_'), readFileSync(file, 'utf8')]));
}

const TOLERANCE = 1e-6;
const EIGENVECTOR_TOLERANCE = 1e-4;

describe.each(Object.entries(MODELS))('%s model against networkx', (name, path) => {
    const expected = JSON.parse(readFileSync(join(root, 'test/fixtures/analysis', `${name}.expected.json`), 'utf8')) as Expected;

    test('the graphs G, D and S', async () => {
        const graphs = buildGraphs(await modelOf(filesOf(path)));
        const G = graphs.G.mapEdges((_e, a, s, t) => [...[s, t].sort(), a.weight].join(' ')).sort();
        expect(G).toEqual(expected.graphs.G.map(([s, t, w]) => [...[s, t].sort(), w].join(' ')).sort());
        const D = graphs.D.mapEdges((_e, a, s, t) => [s, t, a.weight].join(' ')).sort();
        expect(D).toEqual(expected.graphs.D.map(edge => edge.join(' ')).sort());
        const S = expected.graphs.S.map(([s, t, sign]) => [s, t, graphs.signs.get(pairKey(graphs.indexOf.get(s)!, graphs.indexOf.get(t)!, graphs.names.length))].join(' '));
        expect(S).toEqual(expected.graphs.S.map(edge => edge.join(' ')));
        expect(graphs.signs.size).toBe(expected.graphs.S.length);
    });

    test('network figures', async () => {
        const { network } = analyze(await modelOf(filesOf(path)));
        expect(network.actors).toBe(expected.network.actors);
        expect(network.ties).toBe(expected.network.ties);
        expect(network.components).toBe(expected.network.components);
        expect(network.isolates).toEqual(expected.network.isolates);
        for (const [key, reference] of [
            ['density', 'density'], ['averageClustering', 'averageClustering'], ['reciprocity', 'reciprocity'],
            ['balance', 'balance'], ['centralization', 'degreeCentralization']
        ] as const) {
            const value = network[key];
            const wanted = expected.network[reference] as number | null;
            if (wanted === null) expect(value, key).toBeNull();
            else expect(Math.abs((value as number) - wanted), key).toBeLessThan(TOLERANCE);
        }
    });

    test('per-actor figures', async () => {
        const { actors } = analyze(await modelOf(filesOf(path)));
        expect(Object.keys(actors)).toEqual(Object.keys(expected.actors).sort());
        for (const [actor, figures] of Object.entries(expected.actors)) {
            for (const [key, wanted] of Object.entries(figures)) {
                const value = actors[actor][key as keyof (typeof actors)[string]] as number | null;
                if (wanted === null) {
                    expect(value, `${actor}.${key}`).toBeNull();
                } else {
                    const tolerance = key === 'eigenvector' ? EIGENVECTOR_TOLERANCE : TOLERANCE;
                    expect(Math.abs((value as number) - wanted), `${actor}.${key}: ${value} vs ${wanted}`).toBeLessThan(tolerance);
                }
            }
        }
    });

    test('sociometric status', async () => {
        const { actors } = analyze(await modelOf(filesOf(path)));
        for (const [actor, { LM, LL, class: status }] of Object.entries(expected.status)) {
            expect([actors[actor].likedBy, actors[actor].rejectedBy, actors[actor].status], actor).toEqual([LM, LL, status]);
        }
    });

    test('weighted modularity of a fixed partition (the zones)', async () => {
        const graphs = buildGraphs(await modelOf(filesOf(path)));
        const partition: Record<string, number> = {};
        expected.zones.forEach((members, index) => members.forEach(member => { partition[member] = index; }));
        const value = modularity(graphs.G, partition);
        if (expected.modularityByZone === null) expect(value).toBeNull();
        else expect(Math.abs(value! - expected.modularityByZone)).toBeLessThan(TOLERANCE);
    });
});
