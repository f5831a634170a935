import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain JavaScript script, without type declarations
import { generate } from '../scripts/generate-territory.mjs';
import { root, territory } from '../packages/cli/test/run.js';

type Generated = { files: Map<string, string[]>; actors: number; ties: number };

describe('the workspace generator (npm run gen)', () => {
    test('size S: 300 actors, 1,200 ties, and it checks with no error', async () => {
        const { files, actors, ties } = generate('S', 1) as Generated;
        expect([actors, ties]).toEqual([300, 1200]);
        const folder = mkdtempSync(join(tmpdir(), 'territory-gen-'));
        for (const [name, lines] of files) writeFileSync(join(folder, name), lines.join('\n') + '\n');
        const run = await territory(['check', folder, '--format', 'json'], root);
        const result = JSON.parse(run.stdout);
        expect(result.summary.errors, JSON.stringify(result.diagnostics.slice(0, 3))).toBe(0);
        expect(run.code).toBe(0);
        expect(result.files).toHaveLength(files.size);
    }, 60_000);

    test('the same seed writes the same files, another seed others', () => {
        const text = (g: Generated) => [...g.files].map(([name, lines]) => `${name}\n${lines.join('\n')}`).join('\n');
        expect(text(generate('S', 7))).toBe(text(generate('S', 7)));
        expect(text(generate('S', 8))).not.toBe(text(generate('S', 7)));
    });
});
