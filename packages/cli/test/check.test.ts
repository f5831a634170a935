import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
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
        expect(await territory(['check', 'clean', '--format', 'xml'], folder)).toMatchObject({ code: 2, stderr: "territory: --format must be text, json or sarif, not 'xml'\n" });
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

describe('territory check for CI', () => {
    test('SARIF 2.1.0 that validates against the schema: rules with help, results with regions', async () => {
        const run = await territory(['check', 'broken', '--format', 'sarif'], folder);
        expect(run.code).toBe(1);
        const sarif = JSON.parse(run.stdout);
        const schema = JSON.parse(readFileSync(join(root, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
        // The schema's language-tag pattern is not valid as a Unicode regular expression.
        const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
        const validate = ajv.compile(schema);
        expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        const [runResult] = sarif.runs;
        expect(runResult.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['direction-mismatch', 'unresolved-reference', 'value-out-of-range']);
        expect(runResult.tool.driver.rules[1].help.text).toMatch(/closest names/);
        expect(runResult.results[0]).toMatchObject({
            ruleId: 'unresolved-reference', level: 'error',
            message: { text: "Unknown actor 'AssocAmel'. Did you mean 'AssocAmal'?" },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'broken/nested/b.territory', uriBaseId: 'SRCROOT' }, region: { startLine: 1, startColumn: 5, endLine: 1, endColumn: 14 } } }]
        });
    });

    test('--max-warnings fails a model with more warnings than allowed', async () => {
        writeFileSync(join(folder, 'warned.territory'), 'actor A\nactor B\ntie A -- B funding\n');
        expect((await territory(['check', 'warned.territory'], folder)).code).toBe(0);
        expect((await territory(['check', 'warned.territory', '--max-warnings', '1'], folder)).code).toBe(0);
        const strict = await territory(['check', 'warned.territory', '--max-warnings', '0'], folder);
        expect(strict.code).toBe(1);
        expect(strict.stderr).toContain('1 warnings, more than the 0 allowed');
        expect((await territory(['check', 'warned.territory', '--max-warnings', 'few'], folder)).code).toBe(2);
    });

    test('each command has --help with examples', async () => {
        for (const command of ['check', 'metrics']) {
            const help = await territory([command, '--help'], folder);
            expect(help.code).toBe(0);
            expect(help.stdout).toContain(`territory ${command}`);
            expect(help.stdout).toContain('Examples:');
        }
    });

    test('--debug shows a stack trace only for internal errors; usage errors stay one line', async () => {
        const run = await territory(['check', 'nowhere', '--debug'], folder);
        expect(run.stderr).toBe('territory: nowhere: no such file or folder\n');
    });
});
