import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** Emitted on `process` by the language server once its first workspace build is done. */
export const SERVER_STARTED = 'territory:server-started';

/** What became of the cache when the bundle was loaded. */
export type CodeCacheUse = 'used' | 'none' | 'rejected' | 'off';

export interface CodeCachedBundle {
    readonly exports: unknown;
    readonly cache: CodeCacheUse;
    /**
     * Writes the bundle's compiled code for the next start, once, unless the cache was used:
     * call it when the bundle's start-up has run, so that the functions it compiled lazily
     * (the parser's, the linker's, the checks') are in the cache too.
     */
    save(): void;
}

/**
 * Runs a CommonJS bundle as `require` would, with a V8 code cache: loading the language
 * server's 5.5 MB bundle took 0.3–0.4 s of every start, 0.2 s with the cache (and the
 * functions its first build compiles are cached too). Node 22 has a compile cache of its own
 * (`module.enableCompileCache`); code-server's Node 20 has not, hence this, for both.
 *
 * The cache is a file per bundle in a folder of the user's own under the temporary folder,
 * named by a hash of the bundle's text and the Node version and architecture: a changed
 * bundle never reads another's code. V8 checks the rest (its version and flags) and rejects
 * a cache made under others, which is then made again. The cache only ever saves time: a
 * folder that cannot be made or written leaves the bundle running without it.
 */
export function runWithCodeCache(file: string, cacheDirectory = defaultCacheDirectory()): CodeCachedBundle {
    const bytes = fs.readFileSync(file);
    const source = bytes.toString('utf8');
    const cacheFile = cacheDirectory && cacheFileOf(cacheDirectory, file, bytes);
    const stored = cacheFile ? readIfPresent(cacheFile) : undefined;
    const cachedData = stored && intact(stored);
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    const cache: CodeCacheUse = !cacheFile ? 'off' : !stored ? 'none' : !cachedData || script.cachedDataRejected ? 'rejected' : 'used';
    const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
    wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
    module.loaded = true;
    let saved = cache === 'used' || cache === 'off';
    return {
        exports: module.exports,
        cache,
        save() {
            if (saved) return;
            saved = true;
            writeCache(cacheFile!, script.createCachedData());
        }
    };
}

function defaultCacheDirectory(): string | undefined {
    const user = process.getuid?.() ?? os.userInfo().username;
    const directory = path.join(os.tmpdir(), `territory-code-cache-${user}`);
    try {
        fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
        // Code read from a folder another user can write would run as this one.
        const owner = fs.statSync(directory).uid;
        if (process.getuid && owner !== process.getuid()) return undefined;
        return directory;
    } catch {
        return undefined;
    }
}

/** Hashed as bytes: the bundle's text as a string would be encoded again (twice the time, 7–11 ms). */
function cacheFileOf(directory: string, file: string, bytes: Buffer): string {
    const key = createHash('sha256').update(bytes).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 20);
    return path.join(directory, `${path.basename(file, path.extname(file))}-${key}.bin`);
}

/**
 * The cache's code if its checksum holds. V8 checks its version, its flags and the source's
 * length, not (in release builds) the code itself: damaged code would crash the server at
 * every start. The file is the checksum of the code, then the code.
 */
function intact(stored: Buffer): Buffer | undefined {
    if (stored.length <= CHECKSUM_LENGTH) return undefined;
    const code = stored.subarray(CHECKSUM_LENGTH);
    return checksum(code).equals(stored.subarray(0, CHECKSUM_LENGTH)) ? code : undefined;
}

const CHECKSUM_LENGTH = 32;

function checksum(code: Buffer): Buffer {
    return createHash('sha256').update(code).digest();
}

function readIfPresent(file: string): Buffer | undefined {
    try {
        return fs.readFileSync(file);
    } catch {
        return undefined;
    }
}

/** Writes the cache beside the bundle's older ones, then removes those: one cache per bundle name. */
function writeCache(cacheFile: string, code: Buffer): void {
    const directory = path.dirname(cacheFile);
    const prefix = `${path.basename(cacheFile).replace(/-[0-9a-f]+\.bin$/, '')}-`;
    try {
        const partial = `${cacheFile}.${process.pid}.partial`;
        fs.writeFileSync(partial, Buffer.concat([checksum(code), code]));
        // Another server starting now reads the old cache or the whole new one, never half of it.
        fs.renameSync(partial, cacheFile);
        for (const other of fs.readdirSync(directory)) {
            if (other.startsWith(prefix) && other.endsWith('.bin') && path.join(directory, other) !== cacheFile) fs.rmSync(path.join(directory, other), { force: true });
        }
    } catch {
        // A cache that cannot be written costs the next start its compile time, nothing else.
    }
}
