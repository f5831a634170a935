import * as path from 'node:path';
import type { CompactGraph, PathFigures } from '@territory/analysis';
import { computePathFiguresOf } from '@territory/analysis';
import type { PathMetricsRunner } from '@territory/language';
import type { Cancellation } from 'langium';
import { WorkerThread } from './worker-thread.js';

/** Below this many actors the path metrics take milliseconds: a thread would cost more than it saves. */
export const WORKER_THRESHOLD = 1000;

/** Runs the path metrics in a worker thread for models of `threshold` actors or more. */
export class WorkerPathMetricsRunner implements PathMetricsRunner {
    private readonly thread = new WorkerThread<{ graph: CompactGraph }, PathFigures>(path.join(__dirname, 'analysis-worker.cjs'));

    constructor(private readonly threshold = WORKER_THRESHOLD) {}

    async compute(graph: CompactGraph, cancel: Cancellation.CancellationToken): Promise<PathFigures> {
        if (graph.order < this.threshold) return computePathFiguresOf(graph);
        return this.thread.run({ graph }, cancel);
    }
}
