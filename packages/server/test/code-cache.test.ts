import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// Each start is a process of its own, as the server's are: V8 keeps what a process compiled,
// so a second load in the same process would tell nothing about the cache on disk.
let folder: string;
let loader: string;
let bundle: string;
let cache: string;

beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'territory-code-cache-test-'));
    loader = path.join(folder, 'code-cache.cjs');
    buildSync({ entryPoints: [path.resolve(__dirname, '../src/code-cache.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: loader, logLevel: 'silent' });
    bundle = path.join(folder, 'bundle.cjs');
    cache = path.join(folder, 'cache');
    fs.mkdirSync(cache);
});

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function writeBundle(answer: number): void {
    fs.writeFileSync(bundle, [
        "const path = require('node:path');",
        `function answer() { return ${answer}; }`,
        'module.exports = { answer: answer(), folder: path.basename(__dirname), file: path.basename(__filename), self: this === module.exports };'
    ].join('\n'));
}

/** Starts a process that runs the bundle through the loader, saves the cache, and says what it saw. */
function start(cacheDirectory = cache): { cache: string; exports: unknown } {
    const script = `const r = require(${JSON.stringify(loader)}).runWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDirectory)});
r.save();
process.stdout.write(JSON.stringify({ cache: r.cache, exports: r.exports }));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
}

const cacheFiles = () => fs.readdirSync(cache).filter(name => name.endsWith('.bin'));

describe('the code cache the language server starts with', () => {
    test('a second start reads the code the first one compiled, and the bundle runs as required', () => {
        writeBundle(42);
        const expected = { answer: 42, folder: path.basename(folder), file: 'bundle.cjs', self: true };
        expect(start()).toEqual({ cache: 'none', exports: expected });
        expect(cacheFiles()).toHaveLength(1);
        expect(start()).toEqual({ cache: 'used', exports: expected });
    });

    test('a changed bundle never reads the cache of the one before, and its own replaces it', () => {
        writeBundle(1);
        start();
        const before = cacheFiles();
        writeBundle(2);
        expect(start()).toEqual({ cache: 'none', exports: expect.objectContaining({ answer: 2 }) });
        expect(cacheFiles()).toHaveLength(1);
        expect(cacheFiles()).not.toEqual(before);
        expect(start().cache).toBe('used');
    });

    test('a damaged cache is rejected by V8, the bundle still runs, and the cache is made again', () => {
        writeBundle(3);
        start();
        const [file] = cacheFiles();
        const damaged = fs.readFileSync(path.join(cache, file));
        damaged.fill(7, 64);
        fs.writeFileSync(path.join(cache, file), damaged);
        expect(start()).toEqual({ cache: 'rejected', exports: expect.objectContaining({ answer: 3 }) });
        expect(start().cache).toBe('used');
    });

    test('a folder that cannot hold the cache costs the start nothing but the cache', () => {
        writeBundle(4);
        const notAFolder = path.join(folder, 'bundle.cjs', 'cache');
        expect(start(notAFolder)).toEqual({ cache: 'none', exports: expect.objectContaining({ answer: 4 }) });
    });
});
