// A worker thread of the language server: runs the parts of the analysis it is sent, off
// the thread that answers the editor (see worker-analysis-runner.ts).
import * as os from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { AnalysisJob } from './analysis-jobs.js';
import { runAnalysisJob } from './analysis-jobs.js';

// A lower priority for this thread: the minutes of path metrics on a large model then yield
// the cores to the editor's requests, the checks after an edit and the preview's layout. Only
// on Linux, where a nice value is per thread (elsewhere it would slow the whole server).
if (process.platform === 'linux') {
    try {
        os.setPriority(10);
    } catch {
        // Not permitted here: the analysis runs at normal priority.
    }
}

parentPort?.on('message', (job: AnalysisJob & { id: number }) => {
    const { reply, transfer } = runAnalysisJob(job);
    parentPort!.postMessage({ ...reply, id: job.id }, transfer);
});
