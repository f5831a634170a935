import * as path from 'node:path';
import type { AnalysisResult, Steps, TerritoryModel } from '@territory/analysis';
import {
    ACTORS_PER_STEP, combinePathMetrics, defaultSampleSize, encodeModelInSteps, keyFiguresResultInSteps, PATH_METRICS_PARTS,
    runStepsWithPauses, structuralResultInSteps, withPathMetricsInSteps
} from '@territory/analysis';
import type { AnalysisRunner, AnalysisStages, Pause } from '@territory/language';
import { InProcessAnalysisRunner } from '@territory/language';
import type { Cancellation } from 'langium';
import type { AnalysisJob, GlobalReply, EstimateReply, PathsReply, StructureReply } from './analysis-jobs.js';
import { GarbageCollector } from './garbage-collector.js';
import { WorkerThread } from './worker-thread.js';

/** Below this many actors the whole analysis takes milliseconds: threads would cost more than they save. */
export const WORKER_THRESHOLD = 1000;

/**
 * Runs the analysis of models of `threshold` actors or more in two worker threads, so the
 * server's own thread stays free for the editor. The model goes to thread 1 in its compact
 * wire form; thread 1 computes the structural figures, then the global ones (pagerank,
 * eigenvector, communities, convergence pairs: the rest of the key figures), then (on models large enough for it to be an
 * estimate) a sampled betweenness estimate, then half of the path metrics; thread 2 computes
 * the other half as soon as the structural figures have brought the compact sociogram. The
 * per-actor figures come back as columns of numbers, made into the result's objects here.
 * While thread 1 computes the structural figures, this thread collects its garbage when the
 * heap has grown. Cancelling terminates both threads.
 */
export class WorkerAnalysisRunner implements AnalysisRunner {
    // One thread per part of the path metrics (PATH_METRICS_PARTS).
    private readonly threads: Array<WorkerThread<AnalysisJob, unknown>>;
    private readonly inProcess = new InProcessAnalysisRunner();
    private readonly garbage = new GarbageCollector();

    constructor(private readonly threshold = WORKER_THRESHOLD, script = path.join(__dirname, 'analysis-worker.cjs')) {
        this.threads = [0, 1].map(() => new WorkerThread<AnalysisJob, unknown>(script));
    }

    async analyze(model: TerritoryModel, cancel: Cancellation.CancellationToken, stages: AnalysisStages, pause: Pause): Promise<AnalysisResult> {
        if (model.actors.length < this.threshold) return this.inProcess.analyze(model, cancel, stages);
        const [first, second] = this.threads;
        const names = model.actors.map(actor => actor.name);
        // What this thread does runs in steps of a few milliseconds, with a pause before each: the
        // editor's requests go first, and an edit typed meanwhile cancels this analysis. At
        // 50,000 actors, encoding the model takes 0.12 s, making the objects of each stage's
        // figures 0.1 s; at 15,500, a collection of garbage 0.3 s.
        const wire = await runStepsWithPauses(encodeModelInSteps(model), pause);
        const structureJob = first.run({ kind: 'structure', model: wire }, cancel) as Promise<StructureReply>;
        structureJob.catch(() => undefined); // awaited below; a cancellation before then must not go unhandled
        await pause();
        // This thread has nothing to do until the structural figures come back (see `GarbageCollector`).
        this.garbage.collectIfGrown();
        const { structure, graph } = await structureJob;
        // The first results before the threads go on: with both threads busy, this thread would
        // share the two cores with them, and the first results would come later.
        const structural = await runStepsWithPauses(structuralResultInSteps(names, structure), pause);
        stages.structure(structural);
        const global = first.run({ kind: 'global' }, cancel) as Promise<GlobalReply>;
        const secondPart = second.run({ kind: 'paths', graph, part: 1, parts: PATH_METRICS_PARTS }, cancel) as Promise<PathsReply>;
        secondPart.catch(() => undefined); // awaited below; a cancellation before then must not go unhandled
        const keyFigures = await runStepsWithPauses(keyFiguresResultInSteps(names, structural, (await global).global), pause);
        stages.keyFigures(keyFigures);
        // Where the default sample is every actor, the estimate would be the exact figures, later.
        if (defaultSampleSize(graph) < graph.order) {
            const estimate = await first.run({ kind: 'estimate', graph }, cancel) as EstimateReply;
            stages.betweennessEstimate({
                betweenness: await runStepsWithPauses(byActor(names, estimate.betweenness), pause),
                sources: estimate.sources,
                actors: names.length
            });
        }
        const firstPart = first.run({ kind: 'paths', graph, part: 0, parts: PATH_METRICS_PARTS }, cancel) as Promise<PathsReply>;
        // Added in part order, as `pathMetrics` does in one thread: the same figures to the last bit.
        const pathFigures = combinePathMetrics(await Promise.all([firstPart, secondPart]));
        return runStepsWithPauses(withPathMetricsInSteps(keyFigures, names, pathFigures), pause);
    }

    /**
     * Starts the threads ahead of the first analysis: loading their code costs little. Running
     * the figures once on a made-up model to compile them took the second core from the first
     * parse of the workspace: 0.4 s more to open 15,500 actors, for 50 ms less to the first
     * analysis results (docs/performance.md).
     */
    warm(): void {
        this.threads.forEach(thread => thread.warm());
    }

    stop(): void {
        this.threads.forEach(thread => thread.stop());
    }
}

/** A figure per actor, by name. */
function* byActor(names: readonly string[], values: Float64Array): Steps<Record<string, number>> {
    const figures: Record<string, number> = {};
    for (let i = 0; i < names.length; i++) {
        if (i > 0 && i % ACTORS_PER_STEP === 0) yield;
        figures[names[i]] = values[i];
    }
    return figures;
}
