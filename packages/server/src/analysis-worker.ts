// A worker thread of the language server: runs the parts of the analysis it is sent, off
// the thread that answers the editor (see worker-analysis-runner.ts).
import { parentPort } from 'node:worker_threads';
import type { AnalysisJob } from './analysis-jobs.js';
import { runAnalysisJob } from './analysis-jobs.js';

parentPort?.on('message', (job: AnalysisJob & { id: number }) => {
    const { reply, transfer } = runAnalysisJob(job);
    parentPort!.postMessage({ ...reply, id: job.id }, transfer);
});
