import type { AnalysisResult, CompactGraph, TerritoryModel } from '@territory/analysis';
import { analyzeWithoutPaths, buildGraphs, constraint, pathMetrics, sampledBetweenness, splitSources } from '@territory/analysis';

/**
 * The jobs an analysis worker thread runs. The key figures come first and bring back the
 * compact sociogram; the path metrics are then split by sources over the threads, whose
 * partial sums add up.
 */
export type AnalysisJob =
    | { kind: 'key-figures'; model: TerritoryModel }
    | { kind: 'estimate'; graph: CompactGraph }
    /** Share `part` of `parts` of the sources (`splitSources`: about the same work each). */
    | { kind: 'paths'; graph: CompactGraph; part: number; parts: number };

export interface KeyFiguresReply {
    result: AnalysisResult;
    names: string[];
    graph: CompactGraph;
    constraint: Float64Array;
}

export interface EstimateReply {
    betweenness: Float64Array;
    sources: number;
}

export interface PathsReply {
    betweenness: Float64Array;
    closeness: Float64Array;
}

export function runAnalysisJob(job: AnalysisJob): { reply: KeyFiguresReply | EstimateReply | PathsReply; transfer: ArrayBuffer[] } {
    switch (job.kind) {
        case 'key-figures': {
            const graphs = buildGraphs(job.model);
            const result = analyzeWithoutPaths(job.model, graphs);
            const figures = constraint(graphs.compact);
            return { reply: { result, names: [...graphs.names], graph: graphs.compact, constraint: figures }, transfer: [figures.buffer as ArrayBuffer] };
        }
        case 'estimate': {
            const estimate = sampledBetweenness(job.graph);
            return { reply: { betweenness: estimate.betweenness, sources: estimate.samples }, transfer: [estimate.betweenness.buffer as ArrayBuffer] };
        }
        case 'paths': {
            const { betweenness, closeness } = pathMetrics(job.graph, splitSources(job.graph, job.parts)[job.part]);
            return { reply: { betweenness, closeness }, transfer: [betweenness.buffer as ArrayBuffer, closeness.buffer as ArrayBuffer] };
        }
    }
}
