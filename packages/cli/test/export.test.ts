import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { afterAll, describe, expect, test } from 'vitest';
import { root, territory } from './run.js';

const ORIENTAL = 'examples/oriental';
const TRICKY = 'test/fixtures/export/tricky.territory';
const folder = mkdtempSync(join(tmpdir(), 'territory-export-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `territory export … -o FILE` (once per set of arguments) and returns the file's text. */
const runs = new Map<string, Promise<string>>();
function exported(args: string[], extension: string): Promise<string> {
    const key = [...args, extension].join('\u0000');
    if (!runs.has(key)) {
        const file = join(folder, `${runs.size}.${extension}`);
        runs.set(key, territory(['export', ...args, '-o', file, '--quiet'], root).then(run => {
            if (run.code !== 0) throw new Error(`territory export ${args.join(' ')}: ${run.code} ${run.stderr}`);
            return readFileSync(file, 'utf8');
        }));
    }
    return runs.get(key)!;
}

type Figures = Record<string, unknown> & { brokerage: Record<string, number>; commitments: Record<string, number> };
const metricsRuns = new Map<string, Promise<Record<string, Figures>>>();
/** `territory metrics --format json`'s per-actor figures. */
function metrics(path: string): Promise<Record<string, Figures>> {
    if (!metricsRuns.has(path)) {
        metricsRuns.set(path, territory(['metrics', path, '--format', 'json'], root).then(run => JSON.parse(run.stdout).actors));
    }
    return metricsRuns.get(path)!;
}

/** What `territory metrics` says of the figure an exported attribute holds. */
function figure(figures: Figures, name: string): unknown {
    if (name.startsWith('brokerage.')) return figures.brokerage[name.slice('brokerage.'.length)];
    if (name.startsWith('commitments.')) return figures.commitments[name.slice('commitments.'.length)] ?? 0;
    return figures[name];
}

const FIGURES = ['degree', 'inDegree', 'outDegree', 'strength', 'betweenness', 'closeness', 'pagerank', 'eigenvector', 'clustering',
    'constraint', 'community', 'status', 'likedBy', 'rejectedBy', 'brokerage.coordinator', 'brokerage.itinerant',
    'brokerage.representative', 'brokerage.gatekeeper', 'brokerage.liaison', 'influence', 'dependence', 'rStar', 'workshops',
    'commitments.proposed', 'commitments.agreed', 'commitments.ongoing', 'commitments.done', 'commitments.dropped'];

/**
 * Every figure of every exported actor is the one `territory metrics` computes (absent where
 * it is null, or null when the format keeps nulls).
 */
function expectMetrics(graph: Graph, actors: Record<string, Figures>, absent: null | undefined = undefined): void {
    graph.forEachNode((name, attributes) => {
        expect(actors[name], name).toBeDefined();
        for (const key of FIGURES) expect([name, key, attributes[key]]).toEqual([name, key, figure(actors[name], key) ?? absent]);
    });
}

/** Parses XML strictly (the graphology parsers are lenient): any error fails. */
function parseXml(text: string): Document {
    const errors: string[] = [];
    const document = new DOMParser({
        errorHandler: { warning: message => errors.push(message), error: message => errors.push(message), fatalError: message => errors.push(message) }
    }).parseFromString(text, 'application/xml');
    expect(errors).toEqual([]);
    return document as unknown as Document;
}

/** A tiny RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks; CRLF rows. */
function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (quoted) {
            if (char === '"' && text[i + 1] === '"') { field += '"'; i++; }
            else if (char === '"') quoted = false;
            else field += char;
        } else if (char === '"') quoted = true;
        else if (char === ',') { row.push(field); field = ''; }
        else if (char === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
        else field += char;
    }
    expect(quoted).toBe(false);
    expect(field + row.join('')).toBe(''); // the file ends with CRLF
    return rows;
}

function records(rows: string[][]): Array<Record<string, string>> {
    const [header, ...body] = rows;
    for (const row of body) expect(row).toHaveLength(header.length);
    return body.map(row => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

/** The fixture's ties as the export merges them: one edge per pair, relation and direction. */
const TRICKY_EDGES = [
    { key: 'Amal|collaboration|جمعية_الأمل', source: 'Amal', target: 'جمعية_الأمل', relation: 'collaboration', polarity: 'positive', weight: 3, directed: false, ties: 1, note: 'Joint stand, "souk" & fair <2019>' },
    { key: 'Amal|influence|Commune', source: 'Amal', target: 'Commune', relation: 'influence', polarity: 'neutral', weight: 2, directed: true, ties: 1 },
    { key: 'Amal|rivalry|Pêcheurs', source: 'Amal', target: 'Pêcheurs', relation: 'rivalry', polarity: 'negative', weight: 1, directed: false, ties: 1 },
    { key: 'Amal|trust|جمعية_الأمل', source: 'Amal', target: 'جمعية_الأمل', relation: 'trust', polarity: 'positive', weight: 2, directed: false, ties: 1 },
    { key: 'Commune|conflict|Pêcheurs', source: 'Commune', target: 'Pêcheurs', relation: 'conflict', polarity: 'negative', weight: 2, directed: false, ties: 1, note: "Quay, 'berths'" },
    { key: 'Commune|funding|Amal', source: 'Commune', target: 'Amal', relation: 'funding', polarity: 'positive', weight: 5, directed: true, ties: 2, note: 'Grant; 50% < 100%\nTop-up' },
    { key: 'جمعية_الأمل|information|Amal', source: 'جمعية_الأمل', target: 'Amal', relation: 'information', polarity: 'positive', weight: 1, directed: true, ties: 1, note: 'Line one\nline two' }
];
const TRICKY_LABELS: Record<string, string> = {
    Amal: 'A & B <Co> "quoted", done',
    Commune: 'Commune ]]> --> <!-- ;',
    Pêcheurs: 'Pêcheurs \\ back\\slash, tab\there',
    Seul: 'Isolated, no tie',
    جمعية_الأمل: 'جمعية الأمل للتنمية'
};
const AMAL_DESCRIPTION = 'Two lines,\nthe second with < & > and "quotes".';

function edgesOf(graph: Graph): Array<Record<string, unknown>> {
    return graph.mapEdges((key, attributes, source, target, _s, _t, undirected) => ({ key, source, target, undirected, attributes }));
}

function expectTrickyEdges(graph: Graph, pick: (attributes: Record<string, unknown>) => Record<string, unknown>): void {
    expect(edgesOf(graph).map(edge => ({ ...edge, attributes: pick(edge.attributes as Record<string, unknown>) }))).toEqual(
        TRICKY_EDGES.map(({ key, source, target, ...attributes }) => ({ key, source, target, undirected: !attributes.directed, attributes })));
}

const EDGE_ATTRIBUTES = ['relation', 'polarity', 'weight', 'directed', 'ties', 'note'];
const pickEdge = (attributes: Record<string, unknown>) => Object.fromEntries(EDGE_ATTRIBUTES.filter(key => attributes[key] !== undefined).map(key => [key, attributes[key]]));

describe('territory export', { timeout: 120_000 }, () => {
    test('gexf: GEXF 1.3 that graphology-gexf reads back with every actor, tie and figure', async () => {
        const [text, actors, statements] = await Promise.all([
            exported([ORIENTAL, '--format', 'gexf'], 'gexf'),
            metrics(ORIENTAL),
            territory(['metrics', ORIENTAL], root).then(run => JSON.parse(run.stdout).network.ties as number)
        ]);
        const document = parseXml(text);
        expect(document.documentElement.getAttribute('version')).toBe('1.3');
        expect(document.documentElement.namespaceURI).toBe('http://gexf.net/1.3');
        const graphElement = document.getElementsByTagName('graph')[0];
        expect(graphElement.getAttribute('mode')).toBe('static');
        // Every attribute is declared with its type.
        const declared = Object.fromEntries(Array.from(document.getElementsByTagName('attribute')).map(a => [a.getAttribute('id'), a.getAttribute('type')]));
        expect(declared).toMatchObject({ kind: 'string', zone: 'string', power: 'integer', tags: 'liststring', degree: 'integer', betweenness: 'double',
            pagerank: 'double', community: 'integer', status: 'string', rStar: 'double', relation: 'string', polarity: 'string', directed: 'boolean', ties: 'integer' });

        const graph = gexf.parse(Graph, text);
        expect(graph.nodes()).toEqual(Object.keys(actors));
        expectMetrics(graph, actors);
        expect(graph.getNodeAttributes('ABHMoulouya')).toMatchObject({
            label: 'Agence du bassin hydraulique de la Moulouya', kind: 'agency', zone: 'Oujda', power: 4, tags: ['water', 'permits'],
            color: expect.stringMatching(/^rgb\(\d+,\d+,\d+\)$/), size: expect.any(Number)
        });
        // Each edge stands for one or more tie statements; together they are all the model's.
        let ties = 0;
        graph.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
            expect(key).toBe(`${source}|${attributes.relation}|${target}`);
            expect(attributes).toMatchObject({ label: attributes.relation, kind: attributes.relation, weight: expect.any(Number), directed: !undirected });
            expect(['positive', 'neutral', 'negative']).toContain(attributes.polarity);
            ties += attributes.ties as number;
        });
        expect(ties).toBe(statements);
        expect(graph.type).toBe('mixed');
    });

    test('graphml: typed keys, per-edge direction, read back by graphology-graphml; the same graph as the GEXF', async () => {
        const [text, gexfText, actors] = await Promise.all([
            exported([ORIENTAL, '--format', 'graphml'], 'graphml'),
            exported([ORIENTAL, '--format', 'gexf'], 'gexf'),
            metrics(ORIENTAL)
        ]);
        const document = parseXml(text);
        expect(document.documentElement.namespaceURI).toBe('http://graphml.graphdrawing.org/xmlns');
        const keys = Array.from(document.getElementsByTagName('key'));
        const typeOf = (kind: string, name: string) => keys.find(k => k.getAttribute('for') === kind && k.getAttribute('attr.name') === name)?.getAttribute('attr.type');
        expect([typeOf('node', 'label'), typeOf('node', 'degree'), typeOf('node', 'betweenness'), typeOf('node', 'status'), typeOf('edge', 'weight'), typeOf('edge', 'directed')])
            .toEqual(['string', 'int', 'double', 'string', 'int', 'boolean']);
        expect(document.getElementsByTagName('graph')[0].getAttribute('edgedefault')).toBe('undirected');
        for (const edge of Array.from(document.getElementsByTagName('edge'))) expect(['true', 'false']).toContain(edge.getAttribute('directed'));

        const graph = graphml.parse(Graph, text);
        expect(graph.nodes()).toEqual(Object.keys(actors));
        expectMetrics(graph, actors);
        // The same nodes, edges and attributes as the GEXF (tags as one `|`-joined string).
        const fromGexf = gexf.parse(Graph, gexfText);
        graph.forEachNode((name, attributes) => {
            const { color: _c, size: _s, tags, ...others } = fromGexf.getNodeAttributes(name);
            expect({ ...attributes, tags: attributes.tags?.split('|') }).toEqual({ ...others, tags });
        });
        expect(edgesOf(graph).map(edge => ({ ...edge, attributes: pickEdge(edge.attributes as Record<string, unknown>) })))
            .toEqual(edgesOf(fromGexf).map(edge => ({ ...edge, attributes: pickEdge(edge.attributes as Record<string, unknown>) })));
    });

    test('gexf and graphml escape every text of the model: labels, descriptions, notes, Arabic', async () => {
        const [gexfText, graphmlText, actors] = await Promise.all([
            exported([TRICKY, '--format', 'gexf'], 'gexf'),
            exported([TRICKY, '--format', 'graphml'], 'graphml'),
            metrics(TRICKY)
        ]);
        parseXml(gexfText);
        parseXml(graphmlText);
        for (const [graph, tags] of [[gexf.parse(Graph, gexfText), ['women', 'water']], [graphml.parse(Graph, graphmlText), 'women|water']] as const) {
            expect(graph.nodes()).toEqual(['Amal', 'Commune', 'Pêcheurs', 'Seul', 'جمعية_الأمل']);
            expect(Object.fromEntries(graph.mapNodes((name, attributes) => [name, attributes.label]))).toEqual(TRICKY_LABELS);
            expect(graph.getNodeAttributes('Amal')).toMatchObject({ kind: 'association', zone: 'Haut', power: 3, tags, description: AMAL_DESCRIPTION });
            expect(graph.getNodeAttributes('جمعية_الأمل')).toMatchObject({ zone: 'Vallée' });
            // An isolate has no constraint: the attribute is left out, not written empty.
            expect(graph.getNodeAttributes('Seul').constraint).toBeUndefined();
            expect(graph.getNodeAttributes('Seul').kind).toBeUndefined();
            expectMetrics(graph, actors);
            expectTrickyEdges(graph, pickEdge);
        }
        expect(graphml.parse(Graph, graphmlText).getAttributes()).toMatchObject({ title: 'Vallée <Nord> & "Sud" — وادي' });
    });

    test('json: graphology\'s serialisation format, every attribute on every node', async () => {
        const [text, actors] = await Promise.all([exported([TRICKY, '--format', 'json'], 'json'), metrics(TRICKY)]);
        const data = JSON.parse(text);
        expect(Object.keys(data)).toEqual(['options', 'attributes', 'nodes', 'edges']);
        const graph = Graph.from(data);
        expect(graph.type).toBe('mixed');
        expect(graph.getAttributes()).toEqual({ title: 'Vallée <Nord> & "Sud" — وادي', view: null });
        expectMetrics(graph, actors, null);
        const seul = graph.getNodeAttributes('Seul');
        expect(seul).toMatchObject({ label: 'Isolated, no tie', kind: null, zone: null, power: null, tags: null, description: null, constraint: null });
        const keys = Object.keys(graph.getNodeAttributes('Amal'));
        graph.forEachNode((_name, attributes) => expect(Object.keys(attributes)).toEqual(keys));
        expect(graph.getNodeAttributes('Amal')).toMatchObject({ tags: ['women', 'water'], description: AMAL_DESCRIPTION, color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
        expectTrickyEdges(graph, attributes => pickEdge(Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== null))));
    });

    test('csv: the two sheets of a Kumu import, quoted as RFC 4180 says', async () => {
        const base = join(folder, 'actors');
        const run = await territory(['export', TRICKY, '--format', 'csv', '-o', `${base}.csv`], root);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toBe(`Wrote ${base}-elements.csv and ${base}-connections.csv: 5 actors, 7 edges.\n`);
        const elementRows = parseCsv(readFileSync(`${base}-elements.csv`, 'utf8'));
        const connectionRows = parseCsv(readFileSync(`${base}-connections.csv`, 'utf8'));
        expect(elementRows[0].slice(0, 7)).toEqual(['ID', 'Label', 'Type', 'Description', 'Tags', 'zone', 'power']);
        expect(elementRows[0]).toEqual(expect.arrayContaining(FIGURES));
        expect(connectionRows[0]).toEqual(['ID', 'From', 'To', 'Type', 'Direction', 'Strength', 'Description', 'polarity', 'ties']);
        const elements = records(elementRows);
        expect(Object.fromEntries(elements.map(e => [e.ID, e.Label]))).toEqual(TRICKY_LABELS);
        expect(elements[0]).toMatchObject({ ID: 'Amal', Type: 'association', Description: AMAL_DESCRIPTION, Tags: 'women|water', zone: 'Haut', power: '3' });
        expect(elements.find(e => e.ID === 'Seul')).toMatchObject({ Type: '', Tags: '', power: '', constraint: '' });
        const actors = await metrics(TRICKY);
        for (const element of elements) {
            for (const key of FIGURES) expect([element.ID, key, element[key]]).toEqual([element.ID, key, String(figure(actors[element.ID], key) ?? '')]);
        }
        const connections = records(connectionRows);
        expect(connections).toEqual(TRICKY_EDGES.map(edge => ({
            ID: `${edge.source} ${edge.relation} ${edge.target}`, From: edge.source, To: edge.target, Type: edge.relation,
            Direction: edge.directed ? 'directed' : 'mutual', Strength: String(edge.weight), Description: edge.note ?? '',
            polarity: edge.polarity, ties: String(edge.ties)
        })));
        const ids = new Set(elements.map(e => e.ID));
        for (const connection of connections) expect([ids.has(connection.From), ids.has(connection.To)]).toEqual([true, true]);
    });

    test('dot: quoted ids and escaped labels; digraph with dir=none for two-way ties; coloured by group', async () => {
        const text = await exported([TRICKY, '--format', 'dot'], 'dot');
        expect(text).toMatch(/^digraph "Vallée <Nord> & \\"Sud\\" — وادي" \{\n/);
        expect(text).toContain('"Amal" [label="A & B <Co> \\"quoted\\", done", ');
        expect(text).toContain('"Pêcheurs" [label="Pêcheurs \\\\ back\\\\slash, tab\there", ');
        expect(text).toContain('"Amal" -> "جمعية_الأمل" [color="#4c78a8", ');
        expect(text).toMatch(/"Amal" -> "جمعية_الأمل" \[[^\n]*dir="none"/);
        expect(text).toMatch(/"Commune" -> "Amal" \[[^\n]*note="Grant; 50% < 100%\\nTop-up"/);
        expect(text).not.toMatch(/"Commune" -> "Amal" \[[^\n]*dir=/);
        expect(text).toMatch(/"Amal" \[[^\n]*fillcolor="#[0-9a-f]{6}"/);
        expect(text).toMatch(/"Commune" -> "Pêcheurs" \[[^\n]*style="dashed"/);
    });

    test('dot: accepted by Graphviz, which reads back every label', async ({ skip }) => {
        if (spawnSync('dot', ['-V']).error) {
            if (process.env.CI) throw new Error('Graphviz (dot) is needed in CI: apt-get install -y graphviz');
            skip('Graphviz (dot) is not installed');
        }
        const [oriental, tricky] = await Promise.all([exported([ORIENTAL, '--format', 'dot'], 'dot'), exported([TRICKY, '--format', 'dot'], 'dot')]);
        for (const text of [oriental, tricky]) {
            const svg = spawnSync('dot', ['-Tsvg'], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
            expect([svg.status, svg.stderr]).toEqual([0, '']);
            parseXml(svg.stdout);
        }
        // Graphviz's own reading of the file: DOT's quoting undone, labels' \\ and \n as Graphviz draws them.
        const json = JSON.parse(spawnSync('dot', ['-Tjson'], { input: tricky, encoding: 'utf8' }).stdout);
        const drawn = (label: string) => label.replace(/\\(.)/g, (_all, char: string) => (char === 'n' ? '\n' : char));
        expect(Object.fromEntries(json.objects.map((o: { name: string; label: string }) => [o.name, drawn(o.label)]))).toEqual(TRICKY_LABELS);
        expect(json.edges).toHaveLength(TRICKY_EDGES.length);
    });

    test('svg: the preview\'s renderer and layout, one data-actor per actor', async () => {
        const [text, actors] = await Promise.all([exported([ORIENTAL, '--format', 'svg'], 'svg'), metrics(ORIENTAL)]);
        const document = parseXml(text);
        expect(document.documentElement.tagName).toBe('svg');
        const drawn = Array.from(document.getElementsByTagName('g')).map(g => g.getAttribute('data-actor')).filter(name => name);
        expect(drawn).toEqual(Object.keys(actors));
        expect(document.getElementsByTagName('line').length).toBeGreaterThan(0);

        const tricky = parseXml(await exported([TRICKY, '--format', 'svg'], 'svg'));
        // Each actor's tooltip starts with its label (the text under the node may be shortened with "…").
        const tooltips = Array.from(tricky.getElementsByTagName('g')).filter(g => g.getAttribute('data-actor'))
            .map(g => [g.getAttribute('data-actor'), g.getElementsByTagName('title')[0].textContent]);
        expect(tooltips.map(([name]) => name)).toEqual(Object.keys(TRICKY_LABELS));
        for (const [name, tooltip] of tooltips) expect(tooltip!.startsWith(TRICKY_LABELS[name!])).toBe(true);
    });

    test('--view: only what the view selects, with the whole model\'s figures, in every format', async () => {
        const view = ['--view', 'EauBasseMoulouya'];
        const [all, text, svg, graphmlText, actors] = await Promise.all([
            exported([ORIENTAL, '--format', 'gexf'], 'gexf'),
            exported([ORIENTAL, ...view, '--format', 'gexf'], 'gexf'),
            exported([ORIENTAL, ...view, '--format', 'svg'], 'svg'),
            exported([ORIENTAL, ...view, '--format', 'graphml'], 'graphml'),
            metrics(ORIENTAL)
        ]);
        const whole = gexf.parse(Graph, all);
        const graph = gexf.parse(Graph, text);
        expect(graph.order).toBeGreaterThan(3);
        expect(graph.order).toBeLessThan(whole.order);
        expectMetrics(graph, actors);
        const relations = new Set(['collaboration', 'authority', 'influence', 'supply', 'conflict', 'rejection']);
        graph.forEachEdge((_key, attributes) => expect(relations).toContain(attributes.relation));
        const sameView = graphml.parse(Graph, graphmlText);
        expect({ nodes: sameView.nodes(), edges: sameView.edges() }).toEqual({ nodes: graph.nodes(), edges: graph.edges() });
        const drawn = Array.from(parseXml(svg).getElementsByTagName('g')).map(g => g.getAttribute('data-actor')).filter(name => name);
        expect(drawn).toEqual(graph.nodes());
        expect(gexf.parse(Graph, text).getAttribute('description')).toBe('Qui porte la charte de l\'eau de la Basse Moulouya ?');

        // The fixture's view: the zone Haut (Amal, Pêcheurs) and the ties of its relations between them.
        const coast = gexf.parse(Graph, await exported([TRICKY, '--view', 'Coast', '--format', 'gexf'], 'gexf'));
        expect(coast.nodes()).toEqual(['Amal', 'Pêcheurs']);
        expect(coast.edges()).toEqual(['Amal|rivalry|Pêcheurs']);
        expect(coast.getAttribute('description')).toBe('Coast: <Haut> & "friends"');
    });

    test('the same model gives the same bytes', async () => {
        const formats = ['gexf', 'graphml', 'json', 'dot', 'svg'];
        const first = await Promise.all(formats.map(format => exported([TRICKY, '--format', format], format)));
        const second = await Promise.all(formats.map(format => territory(['export', TRICKY, '--format', format], root)));
        expect(second.map(run => run.stdout)).toEqual(first);
        const oriental = await Promise.all([exported([ORIENTAL, '--format', 'svg'], 'svg'), territory(['export', ORIENTAL, '--format', 'svg', '-o', '-'], root)]);
        expect(oriental[1].stdout).toBe(oriental[0]);
    });

    test('usage problems exit 2 with one line', async () => {
        const cases: Array<[string[], string]> = [
            [[TRICKY, '--format', 'xml'], "territory: --format must be gexf, graphml, csv, json, dot or svg, not 'xml'\n"],
            [[TRICKY, '--format', 'csv'], 'territory: --format csv writes two files (NAME-elements.csv and NAME-connections.csv): give -o NAME.csv\n'],
            [[TRICKY, '--format', 'csv', '-o', '-'], 'territory: --format csv writes two files (NAME-elements.csv and NAME-connections.csv): give -o NAME.csv\n'],
            [[TRICKY, '-o', join(folder, 'graph.txt')], "territory: --format is needed (gexf, graphml, csv, json, dot or svg): 'graph.txt' does not tell\n"],
            [[TRICKY], 'territory: --format is needed (gexf, graphml, csv, json, dot or svg)\n'],
            [[TRICKY, '--format', 'svg', '--layout', 'circle'], "territory: --layout must be clusters, layered, radial, force or stress, not 'circle'\n"],
            [[TRICKY, '--format', 'gexf', '--layout', 'radial'], 'territory: --layout applies to --format svg only\n'],
            [[TRICKY, '--format', 'gexf', '--view', 'Nowhere'], "territory: no view named 'Nowhere' in the model (its views: Coast)\n"],
            [[TRICKY, '--format', 'gexf', '-o', join(folder, 'missing', 'graph.gexf')], `territory: ${join(folder, 'missing', 'graph.gexf')}: cannot be written (ENOENT)\n`]
        ];
        const runs = await Promise.all(cases.map(([args]) => territory(['export', ...args], root)));
        expect(runs.map(run => [run.code, run.stderr, run.stdout])).toEqual(cases.map(([, stderr]) => [2, stderr, '']));
    });

    test('the format follows from the extension of -o; --help says where csv goes', async () => {
        const file = join(folder, 'inferred.graphml');
        const [run, help] = await Promise.all([
            territory(['export', TRICKY, '-o', file, '--quiet'], root),
            territory(['export', '--help'], root)
        ]);
        expect([run.code, run.stderr]).toEqual([0, '']);
        expect(readFileSync(file, 'utf8')).toBe(await exported([TRICKY, '--format', 'graphml'], 'graphml'));
        expect(help.stdout).toContain('-o actors.csv writes actors-elements.csv and actors-connections.csv');
        expect(help.stdout).toContain('territory export examples/oriental --format gexf -o oriental.gexf');
    });
});
