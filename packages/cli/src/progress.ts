import type { Progress } from './command.js';

/**
 * A progress bar on stderr when stderr is a terminal (and not --quiet); silent otherwise,
 * so logs and CI output stay clean.
 */
export function createProgress(quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
    if (quiet || !stream.isTTY) return { start() {}, update() {}, done() {} };
    let label = '';
    let total: number | undefined;
    let drawn = false;
    const draw = (done: number, message?: string) => {
        const width = 24;
        const bar = total ? `[${'#'.repeat(Math.round((done / total) * width)).padEnd(width, '.')}] ${done}/${total}` : '…';
        stream.write(`\r\x1b[K${label} ${bar}${message ? ` ${message}` : ''}`);
        drawn = true;
    };
    return {
        start(newLabel, newTotal) {
            label = newLabel;
            total = newTotal;
            draw(0);
        },
        update: draw,
        done() {
            if (drawn) stream.write('\r\x1b[K');
            drawn = false;
        }
    };
}
