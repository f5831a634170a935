// A worker thread of the language server: computes the path metrics (betweenness,
// closeness, constraint) of the compact sociogram it receives, off the main thread.
import { parentPort } from 'node:worker_threads';
import type { CompactGraph } from '@territory/analysis';
import { computePathFiguresOf } from '@territory/analysis';

export interface PathMetricsJob {
    readonly id: number;
    readonly graph: CompactGraph;
}

parentPort?.on('message', (job: PathMetricsJob) => {
    const figures = computePathFiguresOf(job.graph);
    const betweenness = Float64Array.from(figures.betweenness);
    const closeness = Float64Array.from(figures.closeness);
    const constraint = Float64Array.from(figures.constraint);
    parentPort!.postMessage({ id: job.id, betweenness, closeness, constraint }, [betweenness.buffer, closeness.buffer, constraint.buffer]);
});
