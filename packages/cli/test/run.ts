import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const root = resolve(__dirname, '../../..');
const bin = join(root, 'packages/cli/bin/territory.cjs');

export interface Run { code: number; stdout: string; stderr: string }

/** Runs the real `territory` bin (the built bundle: `npm test` builds first). */
export async function territory(args: string[], cwd: string): Promise<Run> {
    try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout, stderr };
    } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
}
