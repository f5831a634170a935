import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { root, territory } from './run.js';

let folder: string;

beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'territory-cli-'));
    mkdirSync(join(folder, 'clean'));
    writeFileSync(join(folder, 'clean', 'a.territory'), 'actor AssocAmal "Association Amal — جمعية الأمل"\nactor CoopArgan\n');
    writeFileSync(join(folder, 'clean', 'b.territory'), 'tie AssocAmal -- CoopArgan collaboration 3\n');
    mkdirSync(join(folder, 'broken', 'nested'), { recursive: true });
    writeFileSync(join(folder, 'broken', 'a.territory'), 'actor AssocAmal\nactor Lonely\n');
    writeFileSync(join(folder, 'broken', 'nested', 'b.territory'), 'tie AssocAmel -- Lonely trust 9\ntie AssocAmal -- Lonely funding\n');
    writeFileSync(join(folder, 'broken', 'notes.txt'), 'not a model');
});

describe('territory check', () => {
    test('a clean model: no output, exit 0, a summary on stderr', async () => {
        const run = await territory(['check', 'clean'], folder);
        expect(run).toMatchObject({ code: 0, stdout: '' });
        expect(run.stderr).toBe('0 errors, 0 warnings, 0 hints in 2 files\n');
    });

    test('errors: file:line:col severity code message, sorted; exit 1', async () => {
        const run = await territory(['check', 'broken'], folder);
        expect(run.code).toBe(1);
        expect(run.stdout.split('\n').filter(Boolean)).toEqual([
            "broken/nested/b.territory:1:5 error unresolved-reference Unknown actor 'AssocAmel'. Did you mean 'AssocAmal'?",
            'broken/nested/b.territory:1:31 error value-out-of-range A weight must be a whole number from 1 to 5, not 9.',
            "broken/nested/b.territory:2:15 warning direction-mismatch 'funding' is a directed relation: write the tie with '->'."
        ]);
        expect(run.stderr).toBe('2 errors, 1 warning, 0 hints in 2 files\n');
    });

    test('the same diagnostics as JSON', async () => {
        const run = await territory(['check', 'broken', '--format', 'json'], folder);
        expect(run.code).toBe(1);
        const result = JSON.parse(run.stdout);
        expect(result.files).toEqual(['broken/a.territory', 'broken/nested/b.territory']);
        expect(result.summary).toEqual({ errors: 2, warnings: 1, infos: 0, hints: 0 });
        expect(result.diagnostics[0]).toEqual({
            file: 'broken/nested/b.territory', line: 1, column: 5, endLine: 1, endColumn: 14, severity: 'error',
            code: 'unresolved-reference', message: "Unknown actor 'AssocAmel'. Did you mean 'AssocAmal'?"
        });
    });

    test('single files and several paths make one model', async () => {
        const run = await territory(['check', 'clean/a.territory', 'clean/b.territory'], folder);
        expect(run.code).toBe(0);
        const alone = await territory(['check', 'clean/b.territory'], folder);
        expect(alone.code).toBe(1);
        expect(alone.stdout).toContain("Unknown actor 'AssocAmal'");
    });

    test('a missing path: one clear line, no stack trace, exit 2', async () => {
        const run = await territory(['check', 'nowhere'], folder);
        expect(run).toEqual({ code: 2, stdout: '', stderr: 'territory: nowhere: no such file or folder\n' });
    });

    test('usage problems exit 2 with one line', async () => {
        expect(await territory(['check', 'clean', '--format', 'xml'], folder)).toMatchObject({ code: 2, stderr: "territory: --format must be text or json, not 'xml'\n" });
        expect(await territory(['explode'], folder)).toMatchObject({ code: 2, stderr: "territory: unknown command 'explode' (try territory --help)\n" });
        const unknownOption = await territory(['check', '--colour'], folder);
        expect(unknownOption.code).toBe(2);
        expect(unknownOption.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    });

    test('--help shows examples, --version the version', async () => {
        const help = await territory(['--help'], folder);
        expect(help.code).toBe(0);
        expect(help.stdout).toContain('territory check examples/oriental');
        expect((await territory(['--version'], folder)).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    });

    test('the bundled examples check without errors', async () => {
        for (const example of ['examples/tutorial', 'examples/oriental']) {
            const run = await territory(['check', example, '--quiet'], root);
            expect(run.stdout, example).toBe('');
            expect(run.code, example).toBe(0);
        }
    });
});
