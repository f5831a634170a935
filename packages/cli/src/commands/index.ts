import type { Command } from '../command.js';
import { checkCommand } from './check-command.js';
import { metricsCommand } from './metrics.js';
import { exportCommand } from './export.js';
import { reportCommand } from './report.js';
import { diffCommand } from './diff.js';

/** Every `territory` command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
    checkCommand,
    metricsCommand,
    exportCommand,
    diffCommand,
    reportCommand
];
