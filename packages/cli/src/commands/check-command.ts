import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { checkModel, formatSummary, formatText } from './check.js';
import { toSarif } from './sarif.js';

export const checkCommand: Command = {
    name: 'check',
    summary: 'report every error, warning and hint of a model',
    usage: 'territory check [paths…] [--format text|json|sarif] [--max-warnings N]',
    description: 'Checks the model made of the .territory files under the given files or folders (default: .) ' +
        'with the same checks as the editor, printed as file:line:col severity code message.\n' +
        'Exit code: 0 clean, 1 errors (or more warnings than --max-warnings), 2 usage or I/O problem.',
    examples: [
        'territory check examples/oriental',
        'territory check model.territory --format json',
        'territory check . --format sarif > territory.sarif',
        'territory check models --max-warnings 0'
    ],
    options: {
        format: { type: 'string' },
        'max-warnings': { type: 'string' }
    },
    optionHelp: [
        '--format F         text (default), json, or sarif (SARIF 2.1.0 for code scanning)',
        '--max-warnings N   fail (exit 1) when there are more than N warnings'
    ],
    async run({ paths, options, stdout, stderr }) {
        const format = (options.format as string | undefined) ?? 'text';
        if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
        const maxWarnings = options['max-warnings'] === undefined ? undefined : Number(options['max-warnings']);
        if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
            throw new UsageError(`--max-warnings takes a whole number, not '${options['max-warnings']}'`);
        }
        const result = await checkModel(paths);
        if (format === 'json') stdout(JSON.stringify(result, null, 2) + '\n');
        else if (format === 'sarif') stdout(JSON.stringify(toSarif(result), null, 2) + '\n');
        else {
            const shown = options.quiet ? { ...result, diagnostics: result.diagnostics.filter(d => d.severity === 'error') } : result;
            const text = formatText(shown);
            if (text) stdout(text + '\n');
            if (!options.quiet) stderr(formatSummary(result) + '\n');
        }
        const tooManyWarnings = maxWarnings !== undefined && result.summary.warnings > maxWarnings;
        if (tooManyWarnings && format === 'text') stderr(`territory: ${result.summary.warnings} warnings, more than the ${maxWarnings} allowed\n`);
        return result.summary.errors > 0 || tooManyWarnings ? 1 : 0;
    }
};
