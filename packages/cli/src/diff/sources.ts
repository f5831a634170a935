import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { UsageError } from '../errors.js';
import { findModelFiles } from '../load-model.js';
import { git, GitError, readBlobs } from './git.js';

/** One file of a model version: where it is (absolute, for the document's URI) and its text. */
export interface SourceFile {
    readonly path: string;
    /** How messages name it: relative to the current folder, or `REV:path/in/repository`. */
    readonly display: string;
    readonly text: string;
}

/** One side of a diff, as given on the command line and as resolved. */
export interface ModelSource {
    /** The argument as given (`HEAD~1`, `main:models`, `models/v2`). */
    readonly argument: string;
    readonly kind: 'folder' | 'revision';
    /** The full commit id, for a revision. */
    readonly commit?: string;
    /**
     * For a folder, the folder as given; for a revision, the folder (or file) of the revision
     * read, relative to the repository's root ('' for the root), with '/' separators.
     */
    readonly path: string;
    /** The model's `.territory` files, sorted by path. */
    readonly files: readonly SourceFile[];
}

/**
 * Resolves OLD or NEW. An argument that names an existing file or folder is read from disk
 * (like `territory check`). Anything else is a git revision of the repository around `cwd`:
 * - `REV` reads the `.territory` files of REV under the current folder's place in the
 *   repository (run in `models/`, `territory diff main HEAD` compares `models/` of both);
 * - `REV:path` reads those under `path`, relative to the repository's root as in git
 *   (`main:models/oriental`), or to the current folder when it starts with `./` or `../`.
 * Files in folders whose name starts with '.' and in `node_modules` are left out, as on disk.
 * The work tree and the index are never touched: files come from `git ls-tree` and
 * `git cat-file`.
 */
export async function resolveSource(argument: string): Promise<ModelSource> {
    const cwd = process.cwd();
    if (await exists(path.resolve(cwd, argument))) return folderSource(argument, cwd);
    return revisionSource(argument, cwd);
}

async function exists(file: string): Promise<boolean> {
    try {
        await fs.stat(file);
        return true;
    } catch {
        return false;
    }
}

async function folderSource(argument: string, cwd: string): Promise<ModelSource> {
    const files = await findModelFiles([argument]);
    const read: SourceFile[] = [];
    for (const file of files) {
        try {
            read.push({ path: file, display: path.relative(cwd, file).split(path.sep).join('/'), text: await fs.readFile(file, 'utf8') });
        } catch (error) {
            throw new UsageError(`${path.relative(cwd, file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
        }
    }
    return { argument, kind: 'folder', path: argument, files: read };
}

async function revisionSource(argument: string, cwd: string): Promise<ModelSource> {
    const colon = argument.indexOf(':');
    const revision = colon < 0 ? argument : argument.slice(0, colon);
    const given = colon < 0 ? undefined : argument.slice(colon + 1);
    if (revision === '' || revision.startsWith('-')) {
        throw new UsageError(`'${argument}' is neither a folder nor a git revision (write REV or REV:path, e.g. main:models)`);
    }
    let top: string;
    let prefix: string;
    try {
        [top, prefix] = (await git(['rev-parse', '--show-toplevel', '--show-prefix'], cwd)).split('\n');
    } catch (error) {
        const reason = error instanceof GitError && /not a git repository/i.test(error.message) ? 'the current folder is not in a git repository' : (error as Error).message;
        throw new UsageError(`'${argument}' is neither a folder nor a git revision (${reason})`);
    }
    let commit: string;
    try {
        commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd)).trim();
    } catch {
        commit = '';
    }
    if (!commit) {
        throw new UsageError(colon < 0
            ? `unknown revision '${revision}': neither a folder nor a commit of this repository`
            : `unknown revision '${revision}' in '${argument}': not a commit of this repository`);
    }
    // As in git: `REV:path` from the repository's root, `REV:./path` from the current folder; `REV` alone is `REV:./`.
    const relative = given ?? './';
    const fromHere = relative === '.' || relative === '..' || relative.startsWith('./') || relative.startsWith('../');
    const joined = path.posix.normalize(fromHere ? path.posix.join(prefix, relative) : relative || '.');
    const folder = joined === '.' || joined === './' ? '' : joined.replace(/\/+$/, '');
    if (folder === '..' || folder.startsWith('../') || path.posix.isAbsolute(folder)) {
        throw new UsageError(`'${argument}': the path is outside the repository`);
    }
    const listing = await git(['ls-tree', '-r', '-z', '--full-tree', commit, ...(folder ? ['--', folder] : [])], top);
    const entries = listing.split('\0').filter(Boolean).flatMap(line => {
        const tab = line.indexOf('\t');
        const [, type, object] = line.slice(0, tab).split(' ');
        const file = line.slice(tab + 1);
        return type === 'blob' && file.endsWith('.territory') && isModelPath(file, folder) ? [{ file, object }] : [];
    }).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const blobs = await readBlobs(entries.map(entry => entry.object), top);
    return {
        argument,
        kind: 'revision',
        commit,
        path: folder,
        files: entries.map((entry, index) => ({
            path: path.join(top, ...entry.file.split('/')),
            display: `${revision}:${entry.file}`,
            text: blobs[index].toString('utf8')
        }))
    };
}

/** Under `folder` (or the file itself), and not in a hidden folder or node_modules below it. */
function isModelPath(file: string, folder: string): boolean {
    if (folder && file !== folder && !file.startsWith(`${folder}/`)) return false;
    const below = folder && file !== folder ? file.slice(folder.length + 1) : folder ? path.posix.basename(file) : file;
    return below.split('/').every(segment => !segment.startsWith('.') && segment !== 'node_modules');
}
