import { analyze } from '@territory/analysis';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import type { Version } from '../diff/compare.js';
import { compareVersions } from '../diff/compare.js';
import { buildModel } from '../diff/load.js';
import { diffMarkdown } from '../diff/markdown.js';
import type { ModelSource } from '../diff/sources.js';
import { resolveSource } from '../diff/sources.js';

export const DIFF_FORMATS = ['md', 'json'] as const;
/** How many synergy opportunities each analysis lists before they are compared (see --top). */
export const DIFF_TOP = 1000;

export const diffCommand: Command = {
    name: 'diff',
    summary: 'what changed between two versions of a model, and what it changes in the analysis',
    usage: 'territory diff OLD NEW [--format md|json] [--top N]',
    description: 'A semantic diff of two versions of a model: actors, zones, interests, workshops and dialogues added, removed ' +
        'or changed (which fields); ties added, removed or re-weighted; stances; commitments added, status changes, newly ' +
        'overdue; and the shifts in the analysis: betweenness, isolates, communities merged or split, synergy opportunities ' +
        'and tensions that appeared or went. md (default) is fit for a pull-request comment; json has a stable shape.\n' +
        'OLD and NEW are folders (or .territory files), or git revisions of the repository around the current folder: ' +
        'REV takes the .territory files of REV under the current folder (run in models/, `territory diff main HEAD` compares ' +
        'models/ of both), REV:path those under path (from the repository root as in git, or from the current folder with ./). ' +
        'An existing folder wins over a revision of the same name. The work tree is never touched.\n' +
        'Exit code: 0 whether or not the versions differ (a diff is a report, not a check), 2 usage or I/O problem ' +
        '(an unknown revision, a missing folder).',
    examples: [
        'territory diff main HEAD',
        'territory diff HEAD~1 HEAD --format json',
        'territory diff v1.0:models/oriental models/oriental',
        'territory diff old-model/ new-model/ > diff.md'
    ],
    options: {
        format: { type: 'string' },
        top: { type: 'string' }
    },
    optionHelp: [
        '--format F     md (default: Markdown for a pull request) or json',
        `--top N        how many synergy opportunities each analysis lists before comparing (default ${DIFF_TOP})`
    ],
    async run({ paths, options, stdout, stderr, progress }) {
        const format = (options.format as string | undefined) ?? 'md';
        if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be md or json, not '${format}'`);
        if (paths.length !== 2) {
            throw new UsageError(`diff takes two versions, OLD and NEW (folders or git revisions), not ${paths.length}: territory diff OLD NEW`);
        }
        if (options.top !== undefined && !/^[0-9]+$/.test(options.top as string)) throw new UsageError(`--top takes a whole number, not '${options.top}'`);
        const top = options.top === undefined ? DIFF_TOP : Number(options.top);
        progress.start('Comparing', 4);
        const [oldSource, newSource] = [await resolveSource(paths[0]), await resolveSource(paths[1])];
        const versions: Version[] = [];
        for (const [index, source] of [oldSource, newSource].entries()) {
            if (source.files.length === 0 && !options.quiet) stderr(`territory: note: ${describe(source)} has no .territory files: compared as an empty model\n`);
            progress.update(index * 2, `reading ${source.argument}`);
            const { model, syntaxErrors } = await buildModel(source.files);
            progress.update(index * 2 + 1, `analysing ${source.argument}`);
            versions.push({
                info: {
                    argument: source.argument,
                    kind: source.kind,
                    commit: source.commit ?? null,
                    path: source.path,
                    files: source.files.length,
                    syntaxErrors
                },
                model,
                result: analyze(model, { top })
            });
        }
        progress.done();
        const diff = compareVersions(versions[0], versions[1]);
        stdout(format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : diffMarkdown(diff));
        return 0;
    }
};

function describe(source: ModelSource): string {
    if (source.kind === 'folder') return source.argument;
    return `${source.argument} (${source.path || 'the repository root'} at ${source.commit?.slice(0, 12)})`;
}
