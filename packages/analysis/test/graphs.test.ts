import { describe, expect, test } from 'vitest';
import { analyze, buildGraphs, pairKey } from '../src/index.js';
import { analysisOf, modelOf } from './helpers.js';

describe('the graphs G, D and S of the contract', () => {
    const MODEL = `
actor A
actor B
actor C
actor D
actor E
tie A -> B funding 2
tie B -> A funding 3
tie A -- C conflict 2
tie A -- C trust
tie D -- E authority 4
tie C -> D rejection
tie E -> B advice
`;

    test('G: positive and neutral ties, either direction, weights summed; negative ties left out', async () => {
        const { G } = buildGraphs(await modelOf(MODEL));
        const edges = G.mapEdges((_e, attributes, s, t) => `${[s, t].sort().join('-')}:${attributes.weight}`).sort();
        expect(edges).toEqual(['A-B:5', 'A-C:1', 'B-E:1', 'D-E:4']);
    });

    test('D: an arc per `->` tie, both arcs for `--`, parallel arcs merged', async () => {
        const { D } = buildGraphs(await modelOf(MODEL));
        const arcs = D.mapEdges((_e, attributes, s, t) => `${s}>${t}:${attributes.weight}`).sort();
        expect(arcs).toEqual(['A>B:2', 'A>C:1', 'B>A:3', 'C>A:1', 'D>E:4', 'E>B:1', 'E>D:4']);
    });

    test('S: negative wins over positive, neutral-only pairs are absent', async () => {
        const graphs = buildGraphs(await modelOf(MODEL));
        const sign = (a: string, b: string) => graphs.signs.get(pairKey(graphs.indexOf.get(a)!, graphs.indexOf.get(b)!, graphs.names.length));
        expect([sign('A', 'B'), sign('A', 'C'), sign('C', 'D'), sign('D', 'E'), sign('B', 'E')]).toEqual([1, -1, -1, undefined, 1]);
    });

    test('strength counts each positive or neutral tie statement once', async () => {
        const { actors } = await analysisOf(MODEL);
        expect([actors.A.strength, actors.B.strength, actors.C.strength, actors.D.strength]).toEqual([6, 6, 1, 4]);
    });

    test('ties with unresolved endpoints are left out, self-ties count as statements but not in the graphs; isolated actors stay', async () => {
        const { network, actors } = await analysisOf('actor A\nactor B\nactor Lone\ntie A -- B trust\ntie A -- Ghost trust\ntie A -> A advice');
        expect(network).toMatchObject({ actors: 3, ties: 2, components: 2, isolates: ['Lone'] });
        expect(actors.A).toMatchObject({ degree: 1, inDegree: 1, outDegree: 1, strength: 1 });
        expect(actors.Lone).toMatchObject({ degree: 0, constraint: null, betweenness: 0, closeness: 0, clustering: 0 });
    });
});

describe('robustness', () => {
    test('a long chain, where eigenvector centrality converges very slowly, still gives a complete analysis', async () => {
        const n = 200;
        const text = Array.from({ length: n }, (_, i) => `actor A${i}`).join('\n') + '\n' +
            Array.from({ length: n - 1 }, (_, i) => `tie A${i} -- A${i + 1} trust`).join('\n');
        const { actors } = await analysisOf(text);
        expect(Object.keys(actors)).toHaveLength(n);
        expect(actors.A100.eigenvector).toBeGreaterThan(actors.A0.eigenvector);
    });

    test('names beyond U+FFFF are ordered by code point', async () => {
        const { network } = await analysisOf('actor \u{1D400}x\nactor \uFB50x\nactor B');
        expect(network.isolates).toEqual(['B', '\uFB50x', '\u{1D400}x']);
    });
});

describe('determinism', () => {
    test('the same model gives the same result, whatever the order of its files', async () => {
        const files = {
            'a.territory': 'actor A\nactor B\nactor C\ninterest I\ntie A -- B trust 2',
            'b.territory': 'actor D { supports I }\nactor E { supports I }\ntie B -- C trust\ntie C -- D collaboration\ntie D -> E advice',
            'c.territory': 'actor F { supports I 3 }\ntie E -- F trust\ntie F -- A trust'
        };
        const first = JSON.stringify(analyze(await modelOf(files)));
        const reversed = Object.fromEntries(Object.entries(files).reverse());
        expect(JSON.stringify(analyze(await modelOf(reversed)))).toBe(first);
        expect(JSON.stringify(analyze(await modelOf(files)))).toBe(first);
    });
});
