// The polyfill must run before Langium is loaded (Node 20 lacks Object.groupBy).
import '../../language/src/polyfill.cjs';
import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './errors.js';
import { createProgress } from './progress.js';

const VERSION = '0.1.0';

const COMMON_OPTIONS = {
    quiet: { type: 'boolean' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' }
} as const;

const COMMON_HELP = [
    '--quiet        print only what was asked for (no summary, no progress)',
    '--debug        show a stack trace on an internal error',
    '-h, --help     this help',
    '-v, --version  the version'
];

function overview(): string {
    const width = Math.max(...COMMANDS.map(command => command.name.length));
    return `territory — check, analyse, export and review territory models

Usage:
${COMMANDS.map(command => `  ${command.usage}`).join('\n')}

Commands:
${COMMANDS.map(command => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run 'territory COMMAND --help' for a command's options and examples.

Examples:
${COMMANDS.map(command => `  ${command.examples[0]}`).join('\n')}
`;
}

function commandHelp(command: Command): string {
    return `${command.usage}

${command.description}

Options:
${[...command.optionHelp, ...COMMON_HELP].map(line => `  ${line}`).join('\n')}

Examples:
${command.examples.map(example => `  ${example}`).join('\n')}
`;
}

async function main(argv: string[]): Promise<number> {
    const name = argv.find(arg => !arg.startsWith('-'));
    const command = COMMANDS.find(candidate => candidate.name === name);
    if (name && !command) throw new UsageError(`unknown command '${name}' (try territory --help)`);
    const { values, positionals } = parseArgs({
        args: argv,
        allowPositionals: true,
        options: { ...COMMON_OPTIONS, ...(command?.options ?? {}) }
    });
    if (values.version) {
        process.stdout.write(`${VERSION}\n`);
        return 0;
    }
    if (!command) {
        process.stdout.write(overview());
        return values.help ? 0 : 2;
    }
    if (values.help) {
        process.stdout.write(commandHelp(command));
        return 0;
    }
    return command.run({
        paths: positionals.slice(1),
        options: values,
        stdout: text => process.stdout.write(text),
        stderr: text => process.stderr.write(text),
        progress: createProgress(Boolean(values.quiet))
    });
}

// `territory … | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
});

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
