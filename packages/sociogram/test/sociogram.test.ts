import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '@territory/analysis';
import type { AnalysisResult, TerritoryModel } from '@territory/analysis';
import { modelFromDocuments } from '@territory/language';
import { createWorkspace } from '../../language/test/helpers.js';
import { aggregate, ALGORITHM_LIMITS, drillInto, layoutView, renderSociogram, selectView, toSvgString } from '../src/index.js';
import type { PositionedGraph } from '../src/index.js';

const root = resolve(__dirname, '../../..');

async function modelOf(text: string): Promise<{ model: TerritoryModel; result: AnalysisResult }> {
    const documents = await createWorkspace().build({ 'model.territory': text });
    const model = modelFromDocuments(Object.values(documents));
    return { model, result: analyze(model) };
}

const MODEL = `
territory T
zone Berkane in T {
  zone Saidia
}
zone Nador in T
interest Water
actor A { kind association
  zone Saidia
  supports Water }
actor B { kind cooperative
  zone Berkane }
actor C { kind cooperative
  zone Nador
  opposes Water }
actor D { kind elected
  zone Nador }
actor E { kind youth }
tie A -- B collaboration 3
tie B -> C funding 2
tie C -- D trust
tie D -- A conflict
tie B -- A collaboration 2
tie E -> D advice
`;

describe('what a view selects', () => {
    test('without includes: every actor and tie, parallel ties merged with weights summed', async () => {
        const { model, result } = await modelOf(MODEL);
        const view = selectView(model, result);
        expect(view.nodes.map(n => n.id)).toEqual(['A', 'B', 'C', 'D', 'E']);
        expect(view.edges.map(e => `${e.id}:${e.weight}`)).toEqual(['A|collaboration|B:5', 'A|conflict|D:1', 'B|funding|C:2', 'C|trust|D:1', 'E|advice|D:1']);
        expect(view.edges.find(e => e.relation === 'funding')).toMatchObject({ directed: true, polarity: 'positive' });
        expect(view.edges.find(e => e.relation === 'conflict')).toMatchObject({ directed: false, polarity: 'negative' });
    });

    test('zones include the zones inside them; kinds, interests and actors add up', async () => {
        const { model, result } = await modelOf(MODEL);
        expect(selectView(model, result, { zones: ['Berkane'] }).nodes.map(n => n.id)).toEqual(['A', 'B']);
        expect(selectView(model, result, { zones: ['T'] }).nodes.map(n => n.id)).toEqual(['A', 'B', 'C', 'D']);
        expect(selectView(model, result, { kinds: ['cooperative'], actors: ['E'] }).nodes.map(n => n.id)).toEqual(['B', 'C', 'E']);
        expect(selectView(model, result, { interests: ['Water'] }).nodes.map(n => n.id)).toEqual(['A', 'C']);
    });

    test('ego networks by depth, and relations restrict the ties', async () => {
        const { model, result } = await modelOf(MODEL);
        expect(selectView(model, result, { egos: [{ actor: 'E', depth: 1 }] }).nodes.map(n => n.id)).toEqual(['D', 'E']);
        expect(selectView(model, result, { egos: [{ actor: 'E', depth: 2 }] }).nodes.map(n => n.id)).toEqual(['A', 'C', 'D', 'E']);
        const view = selectView(model, result, { relations: ['collaboration'] });
        expect(view.edges.map(e => e.id)).toEqual(['A|collaboration|B']);
        expect(selectView(model, result, { relations: ['collaboration'], egos: [{ actor: 'E', depth: 3 }] }).nodes.map(n => n.id)).toEqual(['E']);
    });

    test('colour groups follow `color by`', async () => {
        const { model, result } = await modelOf(MODEL);
        expect(selectView(model, result, { colorBy: { kind: 'kind' } }).nodes.map(n => n.group)).toEqual(['association', 'cooperative', 'cooperative', 'elected', 'youth']);
        expect(selectView(model, result, { colorBy: { kind: 'stance', interest: 'Water' } }).nodes.map(n => n.group)).toEqual(['supports', 'no position', 'opposes', 'no position', 'no position']);
        expect(selectView(model, result, { sizeBy: 'degree' }).nodes.map(n => n.size)).toEqual([1, 2, 2, 2, 1]);
    });
});

describe('aggregation', () => {
    test('one node per zone sized by members, edges between groups with summed weights; drill-down', async () => {
        const { model, result } = await modelOf(MODEL);
        const view = selectView(model, result, { colorBy: { kind: 'zone' } });
        const grouped = aggregate(view, 'zone');
        expect(grouped.nodes.map(n => [n.id, n.members])).toEqual([['zone:Berkane', 1], ['zone:Nador', 2], ['zone:Saidia', 1], ['zone:—', 1]]);
        expect(grouped.edges.map(e => `${e.id}:${e.weight}`)).toEqual([
            'zone:Berkane|positive|zone:Nador:2', 'zone:Berkane|positive|zone:Saidia:5', 'zone:Nador|negative|zone:Saidia:1', 'zone:Nador|positive|zone:—:1'
        ]);
        expect(drillInto(view, 'zone', 'Nador').nodes.map(n => n.id)).toEqual(['C', 'D']);
    });
});

describe('layout', () => {
    test('the same view gives the same coordinates', async () => {
        const { model, result } = await modelOf(MODEL);
        for (const algorithm of ['clusters', 'layered', 'radial', 'force', 'stress'] as const) {
            const first = await layoutView(selectView(model, result), { algorithm });
            const second = await layoutView(selectView(model, result), { algorithm });
            expect(second.nodes.map(n => [n.x, n.y]), algorithm).toEqual(first.nodes.map(n => [n.x, n.y]));
            expect(first.layout.used).toBe(algorithm);
        }
    });

    test('no two actors on the same spot, everything inside the picture', async () => {
        const { model, result } = await modelOf(MODEL);
        for (const algorithm of ['clusters', 'layered', 'radial'] as const) {
            const graph = await layoutView(selectView(model, result), { algorithm });
            const spots = new Set(graph.nodes.map(n => `${Math.round(n.x)},${Math.round(n.y)}`));
            expect(spots.size, algorithm).toBe(graph.nodes.length);
            for (const node of graph.nodes) {
                expect(node.x).toBeGreaterThanOrEqual(0);
                expect(node.y).toBeGreaterThanOrEqual(0);
                expect(node.x).toBeLessThanOrEqual(graph.width);
                expect(node.y).toBeLessThanOrEqual(graph.height);
            }
        }
    });

    test('a view too large for an ELK algorithm is drawn as clusters, and the picture says why', async () => {
        const n = ALGORITHM_LIMITS.stress + 5;
        const text = Array.from({ length: n }, (_, i) => `actor A${i}`).join('\n') + '\n' + Array.from({ length: n - 1 }, (_, i) => `tie A${i} -- A${i + 1} trust`).join('\n');
        const { model, result } = await modelOf(text);
        const graph = await layoutView(selectView(model, result), { algorithm: 'stress' });
        expect(graph.layout).toMatchObject({ requested: 'stress', used: 'clusters' });
        expect(graph.layout.note).toMatch(/stress takes seconds above/);
    });

    test('after a small edit, actors that did not change stay near where they were', async () => {
        const { model, result } = await modelOf(MODEL);
        const before = await layoutView(selectView(model, result));
        const previous = new Map(before.nodes.map(n => [n.id, { x: n.x, y: n.y }]));
        const edited = await modelOf(MODEL + 'tie A -- B trust\n');
        const after = await layoutView(selectView(edited.model, edited.result), { previous });
        const moved = (graph: PositionedGraph, id: string) => graph.nodes.find(n => n.id === id)!;
        for (const id of ['A', 'B', 'C', 'D', 'E']) {
            const distance = Math.hypot(moved(after, id).x - moved(before, id).x, moved(after, id).y - moved(before, id).y);
            expect(distance, id).toBeLessThan(1);
        }
    });

    test('on the Oriental example, a new tie and a new actor move nobody else; the newcomer stands by its tie', async () => {
        const files = Object.fromEntries(readdirSync(join(root, 'examples/oriental')).filter(f => f.endsWith('.territory'))
            .map(f => [f, readFileSync(join(root, 'examples/oriental', f), 'utf8')]));
        const build = async (extra: string) => {
            const documents = await createWorkspace().build({ ...files, 'extra.territory': extra });
            const model = modelFromDocuments(Object.values(documents));
            return selectView(model, analyze(model));
        };
        const before = await layoutView(await build(''));
        const previous = new Map(before.nodes.map(n => [n.id, { x: n.x, y: n.y }]));
        const after = await layoutView(await build('actor Nouveau\ntie Nouveau -- AgenceOriental trust\ntie CommuneBerkane -- RadioBerkaneFM trust 2\n'), { previous });
        const position = new Map(after.nodes.map(n => [n.id, n]));
        for (const node of before.nodes) {
            expect(Math.hypot(position.get(node.id)!.x - node.x, position.get(node.id)!.y - node.y), node.id).toBeLessThan(1);
        }
        const agency = position.get('AgenceOriental')!;
        const newcomer = position.get('Nouveau')!;
        expect(Math.hypot(newcomer.x - agency.x, newcomer.y - agency.y)).toBeLessThan(100);
    });
});

describe('rendering', () => {
    test('hooks on every node and edge; model text is escaped in SVG text', async () => {
        const { model, result } = await modelOf('actor A "<img src=x onerror=alert(1)> & </svg><script>alert(2)</script>"\nactor B "جمعية الأمل"\ntie A -> B funding 2\ntie A -- B conflict');
        const graph = await layoutView(selectView(model, result));
        const svg = toSvgString(renderSociogram(graph));
        expect(svg.match(/data-actor="/g)).toHaveLength(2);
        expect(svg).toContain('data-tie="A|funding|B"');
        expect(svg).toContain('data-tie="A|conflict|B"');
        expect(svg).not.toContain('<script>');
        expect(svg).not.toContain('<img');
        expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &lt;/svg&gt;');
        expect(svg).toContain('جمعية الأمل');
        expect(svg).toMatch(/class="edge negative"[^>]*stroke-dasharray="6 4"/);
        expect(svg).toMatch(/data-tie="A\|funding\|B"[^>]*marker-end="url\(#arrow\)"/);
    });

    test('long labels are truncated, with the full text in the tooltip', async () => {
        const long = 'Association pour le développement durable de la vallée de la Moulouya';
        const { model, result } = await modelOf(`actor A "${long}"`);
        const svg = toSvgString(renderSociogram(await layoutView(selectView(model, result))));
        expect(svg).toContain(`<title>${long} (A)</title>`);
        expect(svg).toMatch(/>Association pour le dévelop…</);
    });
});
