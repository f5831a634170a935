import type { AnalysisResult, StructuralResult, TerritoryModel } from '@territory/analysis';
import { analyzeWithoutPaths, buildGraphs, computePathFigures, withPathMetrics } from '@territory/analysis';
import type { Cancellation } from 'langium';

/** A betweenness estimate from a sample of sources, shown while the exact figures are computed. */
export interface BetweennessEstimate {
    /** Per actor, normalised as the exact betweenness. */
    readonly betweenness: Readonly<Record<string, number>>;
    /** How many sources the estimate sampled (of `actors`). */
    readonly sources: number;
    readonly actors: number;
}

/** What a runner reports before the complete result, as soon as it has it. */
export interface AnalysisStages {
    /**
     * Large models only: the structural figures (ties, status, brokerage…), before the
     * communities and convergence pairs (`complete: false`).
     */
    structure(result: StructuralResult): void;
    /** Everything but betweenness and closeness (`complete: false`). */
    keyFigures(result: AnalysisResult): void;
    /** Large models only: a sampled betweenness estimate. */
    betweennessEstimate(estimate: BetweennessEstimate): void;
}

/**
 * What a runner awaits between its steps on the calling thread: resolves when it may go on,
 * rejects with `OperationCancelled` once the analysis is cancelled. The analysis service's
 * pause lets the editor's requests go first (`RequestsFirstLock`).
 */
export type Pause = () => Promise<void>;

/**
 * Runs the analysis of a model. The language server replaces this in-process runner with
 * one that uses worker threads, so that large models never block the thread that answers
 * completion and hover.
 */
export interface AnalysisRunner {
    analyze(model: TerritoryModel, cancel: Cancellation.CancellationToken, stages: AnalysisStages, pause: Pause): Promise<AnalysisResult>;
}

/**
 * The key figures in one stage (no `structure`): the language server runs this below 1,000
 * actors, where they take milliseconds.
 */
export class InProcessAnalysisRunner implements AnalysisRunner {
    async analyze(model: TerritoryModel, _cancel: Cancellation.CancellationToken, stages: AnalysisStages): Promise<AnalysisResult> {
        const graphs = buildGraphs(model);
        const partial = analyzeWithoutPaths(model, graphs);
        stages.keyFigures(partial);
        return withPathMetrics(partial, graphs.names, computePathFigures(graphs));
    }
}
