import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { ServerSession } from './server-connection.js';
import { eventually, root, startServer } from './server-connection.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const MODEL = {
    'actors.territory': `interest Water "Access to water"
interest Roads
actor AssocAmal "Association Amal — جمعية الأمل" {
  supports Water 3
  supports Roads 1
}
actor CoopArgan { supports Water 2 }
actor Commune { supports Water 1
  opposes Roads 2 }
actor Hub
actor Lone { supports Water 1 }
`,
    'ties.territory': `tie AssocAmal -- Hub collaboration
tie Hub -- CoopArgan collaboration
tie Hub -> Commune advice
tie Commune -- AssocAmal trust
`
};

function workspace(files: Record<string, string>): string {
    const folder = mkdtempSync(join(tmpdir(), 'territory-lsp-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return folder;
}

let session: ServerSession | undefined;
afterEach(async () => {
    await session?.close();
    session = undefined;
});

async function open(files: Record<string, string>, settings: Record<string, unknown> = { analysis: { debounceMs: 20 } }): Promise<ServerSession> {
    const folder = workspace(files);
    session = await startServer(folder, settings);
    for (const [name, text] of Object.entries(files)) {
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: session.uri(name), languageId: 'territory', version: 1, text } });
    }
    return session;
}

async function hoverText(s: ServerSession, file: string, line: number, character: number): Promise<string> {
    const hover = await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: s.uri(file) }, position: { line, character } }) as { contents: { value: string } } | null;
    return hover?.contents.value ?? '';
}

describe('the analysis in the editor, over LSP', () => {
    test('territory/analysis returns the JSON of the contract, the same as the CLI', async () => {
        const s = await open(MODEL);
        const result = await s.connection.sendRequest('territory/analysis', {}) as Record<string, any>;
        const cli = await promisify(execFile)(process.execPath, [join(root, 'packages/cli/bin/territory.cjs'), 'metrics', s.folder]);
        expect(result).toEqual(JSON.parse(cli.stdout));
        expect(Object.keys(result).slice(0, 6)).toEqual(['network', 'actors', 'convergence', 'opportunities', 'tensions', 'bridges']);
        expect(result.complete).toBe(true);
        expect(result.network).toMatchObject({ actors: 5, ties: 4, isolates: ['Lone'] });
        expect(result.actors.Hub.betweenness).toBeGreaterThan(0);
        expect(result.opportunities[0]).toMatchObject({ a: 'AssocAmal', b: 'CoopArgan', introducers: ['Hub'] });
        // AssocAmal and Commune are tied and converge on Water (2) more than they diverge on Roads (1.5).
        expect(result.tensions).toEqual([]);
    });

    test('hover on an actor shows its figures, community, status and most convergent actors', async () => {
        const s = await open(MODEL);
        await s.connection.sendRequest('territory/analysis', {});
        const text = await hoverText(s, 'actors.territory', 2, 8);
        expect(text).toContain('**actor** `AssocAmal`');
        expect(text).toMatch(/\*\*In the sociogram\*\* — 2 ties · betweenness \d+(\.\d{3})? · community \d+ · \w+/);
        expect(text).toContain('Converges most with: CoopArgan (2.5), Commune (2), Lone (2)');
    });

    test('hover on an interest shows who supports and who opposes it', async () => {
        const s = await open(MODEL);
        await s.connection.sendRequest('territory/analysis', {});
        const text = await hoverText(s, 'actors.territory', 1, 10);
        expect(text).toContain('Supported by: AssocAmal');
        expect(text).toContain('Opposed by: Commune');
    });

    test('a code lens above each actor, refreshed when the analysis ends', async () => {
        const s = await open(MODEL);
        await s.connection.sendRequest('territory/analysis', {});
        await eventually(() => (s.codeLensRefreshes > 0 ? true : undefined), 10_000, 'a code lens refresh');
        const lenses = await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: s.uri('actors.territory') } }) as Array<{ range: { start: { line: number } }; command: { title: string; command: string } }>;
        expect(lenses.map(lens => lens.range.start.line)).toEqual([2, 6, 7, 9, 10]);
        const hub = lenses.find(lens => lens.range.start.line === 9)!;
        expect(hub.command.title).toMatch(/^3 ties · betweenness \d+(\.\d{3})? · community \d+ · (popular|average|controversial|rejected|neglected|unclassified)$/);
        expect(hub.command.command).toBe('territory.showMetrics');
    });

    test('hints for isolated actors and for tensions reach the client', async () => {
        const s = await open(MODEL);
        const diagnostics = await eventually(() => s.diagnostics.get(s.uri('actors.territory')), 10_000, 'diagnostics');
        expect(diagnostics.filter(d => d.code === 'isolated-actor').map(d => d.message)).toEqual(["'Lone' has no tie: it is isolated in the sociogram."]);
        const ties = await eventually(() => s.diagnostics.get(s.uri('ties.territory')), 10_000, 'diagnostics');
        expect(ties.filter(d => d.code === 'tension')).toHaveLength(0);
    });

    test('long analyses report progress, and a newer edit cancels the running one', async () => {
        // Large enough for the path metrics to run in the worker thread for a while.
        const lines: string[] = [];
        const n = 3000;
        for (let i = 0; i < n; i++) lines.push(`actor A${i}`);
        for (let i = 0; i < n; i++) {
            lines.push(`tie A${i} -- A${(i + 1) % n} trust`);
            lines.push(`tie A${i} -- A${(i * 7 + 3) % n} collaboration`);
        }
        const text = lines.join('\n') + '\n';
        const s = await open({ 'big.territory': text }, { analysis: { debounceMs: 0 } });
        // Wait until the first analysis is computing its path metrics, then edit.
        await eventually(() => (s.progress.some(p => p.value.message?.includes('betweenness')) ? true : undefined), 30_000, 'path metrics to start');
        // Meanwhile the cheap figures are already there, and hover answers at once.
        const started = Date.now();
        const early = await hoverText(s, 'big.territory', 0, 7);
        expect(Date.now() - started).toBeLessThan(2000);
        // Betweenness pending, or its sampled estimate (≈) once the worker has it.
        expect(early).toMatch(/\*\*In the sociogram\*\* — 4 ties · betweenness (…|≈[0-9.]+) · community/);
        await s.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: s.uri('big.territory'), version: 2 },
            contentChanges: [{ text: text + 'actor Newcomer\ntie Newcomer -- A0 trust\n' }]
        });
        const result = await s.connection.sendRequest('territory/analysis', {}) as Record<string, any>;
        expect(result.network.actors).toBe(n + 1);
        expect(result.actors.Newcomer.betweenness).toBe(0);
        const ends = await eventually(() => {
            const found = s.progress.filter(p => p.value.kind === 'end').map(p => p.value.message);
            return found.some(message => message?.startsWith('done')) ? found : undefined;
        }, 10_000, 'the progress to end');
        expect(ends[0]).toBe('cancelled by a newer edit');
        expect(ends.at(-1)).toBe(`done: ${n + 1} actors`);
        expect(s.progress.filter(p => p.value.kind === 'begin').every(p => p.value.title === 'Territory analysis')).toBe(true);
    }, 90_000);

    test('a file sent again with the same text is not analysed again; a changed one is', async () => {
        const folder = workspace(MODEL);
        const s = session = await startServer(folder, { analysis: { debounceMs: 20 } });
        // ties.territory stays closed: the server reads it from disk.
        await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: s.uri('actors.territory'), languageId: 'territory', version: 1, text: MODEL['actors.territory'] } });
        const ends = () => s.progress.filter(p => p.value.kind === 'end').map(p => p.value.message);
        const begins = () => s.progress.filter(p => p.value.kind === 'begin').length;
        await eventually(() => (ends().some(message => message?.startsWith('done')) ? true : undefined), 30_000, 'the first analysis');
        const nextEnd = (before: number) => eventually(() => ends().slice(before).find(message => message !== 'cancelled by a newer edit'), 30_000, 'the next analysis');

        // The open file sent again as it is: nothing to rebuild, nothing to analyse.
        const begun = begins();
        await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: s.uri('actors.territory'), version: 2 }, contentChanges: [{ text: MODEL['actors.territory'] }] });
        await new Promise(resolve => setTimeout(resolve, 500));
        expect(begins(), 'no analysis for the same text').toBe(begun);

        // The closed file reported changed on disk but the same: rebuilt, and the analysis sees the same texts.
        let before = ends().length;
        await s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: s.uri('ties.territory'), type: 2 }] });
        expect(await nextEnd(before), 'the same texts').toBe('unchanged');

        before = ends().length;
        await s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: s.uri('actors.territory'), version: 3 }, contentChanges: [{ text: `${MODEL['actors.territory']}actor Newcomer\n` }] });
        expect(await nextEnd(before), 'an actor more').toBe('done: 6 actors');
        const result = await s.connection.sendRequest('territory/analysis', {}) as Record<string, any>;
        expect(result.actors.Newcomer.degree).toBe(0);
    }, 60_000);
});
