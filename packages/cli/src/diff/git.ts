import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

/** A failed git command: its stderr, for messages. */
export class GitError extends Error {}

/** Runs git in `cwd` and returns its stdout; rejects with a GitError (git's own stderr) on failure. */
export async function git(args: string[], cwd: string): Promise<string> {
    try {
        const { stdout } = await promisify(execFile)('git', args, { cwd, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
        return stdout;
    } catch (error) {
        const failed = error as NodeJS.ErrnoException & { stderr?: string };
        if (failed.code === 'ENOENT') throw new GitError('git is not installed (or not on the PATH)');
        throw new GitError((failed.stderr ?? failed.message).trim().split('\n')[0]);
    }
}

/**
 * The contents of blobs, read in one `git cat-file --batch` (one process for any number of
 * files, rather than one `git show REV:path` each). Returned in the order of `objects`.
 */
export async function readBlobs(objects: readonly string[], cwd: string): Promise<Buffer[]> {
    if (objects.length === 0) return [];
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    const finished = new Promise<number>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', code => resolve(code ?? 1));
    });
    child.stdin.end(objects.map(object => `${object}\n`).join(''));
    const code = await finished;
    if (code !== 0) throw new GitError(Buffer.concat(errors).toString('utf8').trim().split('\n')[0] || `git cat-file exited with ${code}`);
    // Each object: "<oid> <type> <size>\n<contents>\n" (or "<oid> missing\n").
    const output = Buffer.concat(chunks);
    const blobs: Buffer[] = [];
    let offset = 0;
    for (const object of objects) {
        const newline = output.indexOf(0x0a, offset);
        const header = output.subarray(offset, newline).toString('utf8').split(' ');
        if (header[1] !== 'blob') throw new GitError(`${object}: not a file in the repository`);
        const size = Number(header[2]);
        blobs.push(output.subarray(newline + 1, newline + 1 + size));
        offset = newline + 1 + size + 1;
    }
    return blobs;
}
