import * as path from 'node:path';
import type { AnalysisResult, TerritoryModel } from '@territory/analysis';
import { combinePathMetrics, defaultSampleSize, PATH_METRICS_PARTS, withPathMetrics } from '@territory/analysis';
import type { AnalysisRunner, AnalysisStages } from '@territory/language';
import { InProcessAnalysisRunner } from '@territory/language';
import { Cancellation } from 'langium';
import type { AnalysisJob, EstimateReply, KeyFiguresReply, PathsReply } from './analysis-jobs.js';
import { WorkerThread } from './worker-thread.js';

/** Below this many actors the whole analysis takes milliseconds: threads would cost more than they save. */
export const WORKER_THRESHOLD = 1000;

/**
 * Runs the analysis of models of `threshold` actors or more in two worker threads, so the
 * server's own thread stays free for the editor: thread 1 computes the key figures, then
 * (on models large enough for it to be an estimate) a sampled betweenness estimate, then
 * half of the path metrics; thread 2 computes the other half as soon as the key figures have
 * brought the compact sociogram. Cancelling terminates both threads.
 */
export class WorkerAnalysisRunner implements AnalysisRunner {
    // One thread per part of the path metrics (PATH_METRICS_PARTS).
    private readonly threads: Array<WorkerThread<AnalysisJob, unknown>>;
    private readonly inProcess = new InProcessAnalysisRunner();

    constructor(private readonly threshold = WORKER_THRESHOLD, script = path.join(__dirname, 'analysis-worker.cjs')) {
        this.threads = [0, 1].map(() => new WorkerThread<AnalysisJob, unknown>(script));
    }

    async analyze(model: TerritoryModel, cancel: Cancellation.CancellationToken, stages: AnalysisStages): Promise<AnalysisResult> {
        if (model.actors.length < this.threshold) return this.inProcess.analyze(model, cancel, stages);
        const [first, second] = this.threads;
        const key = await first.run({ kind: 'key-figures', model }, cancel) as KeyFiguresReply;
        stages.keyFigures(key.result);
        const secondPart = second.run({ kind: 'paths', graph: key.graph, part: 1, parts: PATH_METRICS_PARTS }, cancel) as Promise<PathsReply>;
        secondPart.catch(() => undefined); // awaited below; a cancellation before then must not go unhandled
        // Where the default sample is every actor, the estimate would be the exact figures, later.
        if (defaultSampleSize(key.graph) < key.graph.order) {
            const estimate = await first.run({ kind: 'estimate', graph: key.graph }, cancel) as EstimateReply;
            stages.betweennessEstimate({
                betweenness: Object.fromEntries(key.names.map((name, i) => [name, estimate.betweenness[i]])),
                sources: estimate.sources,
                actors: key.names.length
            });
        }
        const firstPart = first.run({ kind: 'paths', graph: key.graph, part: 0, parts: PATH_METRICS_PARTS }, cancel) as Promise<PathsReply>;
        // Added in part order, as `pathMetrics` does in one thread: the same figures to the last bit.
        return withPathMetrics(key.result, key.names, combinePathMetrics(await Promise.all([firstPart, secondPart])));
    }

    /**
     * Starts the threads ahead of the first analysis, and has the first one run the key
     * figures once on a made-up model, so that the first real analysis runs compiled code.
     */
    warm(): void {
        this.threads.forEach(thread => thread.warm());
        this.threads[0].run({ kind: 'warm-up' }, Cancellation.CancellationToken.None).catch(() => undefined);
    }

    stop(): void {
        this.threads.forEach(thread => thread.stop());
    }
}
