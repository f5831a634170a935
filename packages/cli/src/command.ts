import type { ParseArgsConfig } from 'node:util';

/** What every command gets: its positional arguments and parsed options, and where to write. */
export interface CommandContext {
    readonly paths: string[];
    readonly options: Record<string, string | boolean | undefined>;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    /** Progress for long runs: a bar on a terminal, nothing otherwise or with --quiet. */
    readonly progress: Progress;
}

export interface Progress {
    start(label: string, total?: number): void;
    update(done: number, message?: string): void;
    done(): void;
}

/**
 * One `territory` command: its name, one-line summary, usage and examples for `--help`, its
 * own options (the common ones — --help, --version, --quiet, --debug — are added for all),
 * and what it does, returning the exit code.
 */
export interface Command {
    readonly name: string;
    readonly summary: string;
    readonly usage: string;
    readonly description: string;
    readonly examples: readonly string[];
    readonly options: NonNullable<ParseArgsConfig['options']>;
    /** Lines describing the options, for `--help`. */
    readonly optionHelp: readonly string[];
    run(context: CommandContext): Promise<number>;
}
