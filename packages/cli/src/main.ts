// The polyfill must run before Langium is loaded (Node 20 lacks Object.groupBy).
import '../../language/src/polyfill.cjs';
import { parseArgs } from 'node:util';
import { checkModel, formatSummary, formatText } from './commands/check.js';
import { metrics, parseFormat, parseTop } from './commands/metrics.js';
import { UsageError } from './errors.js';

const VERSION = '0.1.0';

const HELP = `territory — check and analyse territory models

Usage:
  territory check [paths…] [--format text|json] [--quiet]
  territory metrics [paths…] [--format json|csv|md] [--top N] [--all-pairs]

Commands:
  check     Report every error, warning and hint of the model made of the
            .territory files under the given files or folders (default: .),
            as file:line:col severity code message.
            Exit code: 0 no error, 1 errors, 2 usage or I/O problem.
  metrics   The sociogram analysis: per-actor figures (degree, betweenness,
            closeness, PageRank, community, sociometric status, MACTOR…),
            network figures, convergence, synergy opportunities with who could
            introduce the actors, tensions, bridges and commitments.
            json: the contract of docs/metrics.md; csv: one row per actor;
            md: a readable summary.

Options:
  --format     check: text (default) or json; metrics: json (default), csv or md
  --top N      metrics: how many synergy opportunities to list (default 100)
  --all-pairs  metrics: list every convergent pair even above 1,000 actors
  --quiet      check: print errors only
  --debug      show a stack trace on internal errors
  -h, --help     this help
  -v, --version  the version

Examples:
  territory check examples/oriental
  territory check model.territory --format json
  territory metrics examples/oriental --format md
  territory metrics examples/oriental --format csv > actors.csv
`;

async function main(argv: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
            format: { type: 'string' },
            top: { type: 'string' },
            'all-pairs': { type: 'boolean', default: false },
            quiet: { type: 'boolean', default: false },
            debug: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false },
            version: { type: 'boolean', short: 'v', default: false }
        }
    });
    if (values.version) {
        process.stdout.write(`${VERSION}\n`);
        return 0;
    }
    const [command, ...paths] = positionals;
    if (values.help || !command) {
        process.stdout.write(HELP);
        return command || values.help ? 0 : 2;
    }
    switch (command) {
        case 'check': {
            const format = values.format ?? 'text';
            if (format !== 'text' && format !== 'json') {
                throw new UsageError(`--format must be text or json, not '${format}'`);
            }
            const result = await checkModel(paths);
            if (format === 'json') {
                process.stdout.write(JSON.stringify(result, null, 2) + '\n');
            } else {
                const shown = values.quiet ? { ...result, diagnostics: result.diagnostics.filter(d => d.severity === 'error') } : result;
                const text = formatText(shown);
                if (text) process.stdout.write(text + '\n');
                if (!values.quiet) process.stderr.write(formatSummary(result) + '\n');
            }
            return result.summary.errors > 0 ? 1 : 0;
        }
        case 'metrics': {
            const output = await metrics(paths, {
                format: parseFormat(values.format ?? 'json'),
                top: parseTop(values.top),
                allPairs: values['all-pairs']
            });
            process.stdout.write(output);
            return 0;
        }
        default:
            throw new UsageError(`unknown command '${command}' (try territory --help)`);
    }
}

const debug = process.argv.includes('--debug');
main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    (error: unknown) => {
        if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
            process.stderr.write(`territory: ${(error as Error).message}\n`);
        } else {
            process.stderr.write(`territory: internal error: ${(error as Error).message ?? error}\n`);
            if (debug) process.stderr.write(`${(error as Error).stack}\n`);
        }
        process.exitCode = 2;
    }
);
