import * as fs from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { eventually, startServer } from './server-connection.js';

// The server started as an editor starts it (`out/server.cjs`), with a temporary folder of
// the test's own (TMPDIR) for its code cache.
const temporary = fs.mkdtempSync(join(os.tmpdir(), 'territory-code-cache-lsp-'));
const folder = join(temporary, 'model');
const env = { ...process.env, TMPDIR: join(temporary, 'tmp') };
const cacheFolder = join(env.TMPDIR, `territory-code-cache-${process.getuid?.() ?? os.userInfo().username}`);
fs.mkdirSync(folder);
fs.mkdirSync(env.TMPDIR);
fs.writeFileSync(join(folder, 'model.territory'), 'relation trust mutual\nactor A\nactor B\ntie A -- B trust\n');

afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

const cacheFiles = () => (fs.existsSync(cacheFolder) ? fs.readdirSync(cacheFolder).filter(name => name.endsWith('.bin')) : []);

async function openWorkspace(): Promise<() => Promise<void>> {
    const session = await startServer(folder, {}, env);
    await eventually(() => (session.diagnostics.has(session.uri('model.territory')) ? true : undefined), 30_000, 'diagnostics');
    return () => session.close();
}

describe('the language server\'s code cache', () => {
    test('is written once the first workspace build is done, and read (not written again) by the next start', async () => {
        const closeFirst = await openWorkspace();
        const [file] = await eventually(() => (cacheFiles().length > 0 ? cacheFiles() : undefined), 10_000, 'the code cache');
        expect(file).toMatch(/^language-server-[0-9a-f]+\.bin$/);
        const written = fs.statSync(join(cacheFolder, file)).mtimeMs;
        await closeFirst();

        const closeSecond = await openWorkspace();
        // A cache V8 rejected (made under other flags, say) would be written again once the build is done.
        await new Promise(resolve => setTimeout(resolve, 1000));
        await closeSecond();
        expect(cacheFiles()).toEqual([file]);
        expect(fs.statSync(join(cacheFolder, file)).mtimeMs).toBe(written);
    });
});
