import { describe, expect, test } from 'vitest';
import { root, territory } from './run.js';

describe('territory metrics', () => {
    test('json: the shape of the analysis contract on the Oriental example', async () => {
        const run = await territory(['metrics', 'examples/oriental', '--format', 'json'], root);
        expect(run.code).toBe(0);
        const result = JSON.parse(run.stdout);
        expect(Object.keys(result).slice(0, 6)).toEqual(['network', 'actors', 'convergence', 'opportunities', 'tensions', 'bridges']);
        expect(Object.keys(result.network)).toEqual(expect.arrayContaining(
            ['actors', 'ties', 'density', 'components', 'isolates', 'averageClustering', 'reciprocity', 'modularity', 'balance']));
        const names = Object.keys(result.actors);
        expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        expect(names.length).toBe(result.network.actors);
        for (const figures of Object.values(result.actors) as Array<Record<string, unknown>>) {
            expect(Object.keys(figures)).toEqual(expect.arrayContaining(['degree', 'inDegree', 'outDegree', 'strength', 'betweenness',
                'closeness', 'pagerank', 'eigenvector', 'clustering', 'constraint', 'community', 'status']));
            expect(typeof figures.betweenness).toBe('number');
        }
        expect(result.convergence.pairs[0]).toEqual(expect.objectContaining({ a: expect.any(String), b: expect.any(String), convergence: expect.any(Number), divergence: expect.any(Number) }));
        expect(result.opportunities.length).toBeGreaterThan(0);
        expect(result.opportunities[0]).toEqual(expect.objectContaining({ introducers: expect.any(Array) }));
        expect(result.commitments.overdue.map((c: { name: string }) => c.name)).toEqual(['CompteursForages', 'LotsViabilises']);
    });

    test('json output is deterministic', async () => {
        const first = await territory(['metrics', 'examples/tutorial'], root);
        const second = await territory(['metrics', 'examples/tutorial'], root);
        expect(first.stdout).toBe(second.stdout);
    });

    test('--top limits the synergy opportunities', async () => {
        const run = await territory(['metrics', 'examples/oriental', '--top', '3'], root);
        expect(JSON.parse(run.stdout).opportunities).toHaveLength(3);
    });

    test('csv: a header and one row per actor', async () => {
        const run = await territory(['metrics', 'examples/tutorial', '--format', 'csv'], root);
        expect(run.code).toBe(0);
        const rows = run.stdout.trimEnd().split('\r\n');
        expect(rows[0].split(',').slice(0, 6)).toEqual(['actor', 'title', 'kind', 'zone', 'degree', 'inDegree']);
        expect(rows).toHaveLength(1 + 16);
    });

    test('md: a readable summary with brokers, isolates, communities, opportunities, tensions and overdue commitments', async () => {
        const run = await territory(['metrics', 'examples/oriental', '--format', 'md'], root);
        expect(run.code).toBe(0);
        for (const heading of ['# Territory analysis', '## Brokers', '## Isolated actors', '## Communities', '## Synergy opportunities', '## Tensions', '## Overdue commitments']) {
            expect(run.stdout).toContain(heading);
        }
        expect(run.stdout).toContain('**ConseilRegionalOriental**');
        expect(run.stdout).toContain('CompteursForages');
    });

    test('--actor: one actor\'s figures, pairs, opportunities and commitments', async () => {
        const run = await territory(['metrics', 'examples/oriental', '--actor', 'ABHMoulouya'], root);
        expect(run.code).toBe(0);
        const figures = JSON.parse(run.stdout);
        expect(figures).toMatchObject({ actor: 'ABHMoulouya', degree: expect.any(Number), community: expect.any(Number) });
        expect(figures.overdue.map((c: { name: string }) => c.name)).toEqual(['CompteursForages']);
        expect(figures.convergence.every((p: { a: string; b: string }) => p.a === 'ABHMoulouya' || p.b === 'ABHMoulouya')).toBe(true);
        const md = await territory(['metrics', 'examples/oriental', '--actor', 'ABHMoulouya', '--format', 'md'], root);
        expect(md.stdout).toMatch(/^# ABHMoulouya/);
        expect(await territory(['metrics', 'examples/oriental', '--actor', 'Nobody'], root)).toMatchObject({ code: 2, stderr: "territory: no actor named 'Nobody' in the model\n" });
    });

    test('--timings: one line per step on standard error, the figures unchanged on standard output', async () => {
        const plain = await territory(['metrics', 'examples/tutorial'], root);
        const timed = await territory(['metrics', 'examples/tutorial', '--timings'], root);
        expect(timed.code).toBe(0);
        expect(timed.stdout).toBe(plain.stdout);
        const steps = [...timed.stderr.matchAll(/^\s*([0-9.]+) ms {2}(.+)$/gm)].map(match => match[2]);
        expect(steps).toEqual(expect.arrayContaining([
            'reading and checking the files', 'communities (Louvain)', 'convergence pairs, opportunities, tensions, bridges',
            'constraint', 'betweenness and closeness (exact, one thread)'
        ]));
    });

    test('usage problems exit 2 with one line', async () => {
        expect(await territory(['metrics', 'examples/tutorial', '--format', 'xml'], root)).toMatchObject({ code: 2, stderr: "territory: --format must be json, csv or md, not 'xml'\n" });
        expect(await territory(['metrics', 'examples/tutorial', '--top', 'many'], root)).toMatchObject({ code: 2, stderr: "territory: --top takes a whole number, not 'many'\n" });
        expect(await territory(['metrics', 'nowhere'], root)).toMatchObject({ code: 2, stderr: 'territory: nowhere: no such file or folder\n' });
    });
});
