import type { CompactGraph, GlobalFigures, StructuralFigures, TerritoryGraphs, TerritoryModel, WireModel } from '@territory/analysis';
import {
    buildGraphs, decodeModel, globalFigures, pathMetrics, sampledBetweenness, splitSources, structuralFigures
} from '@territory/analysis';

/**
 * The jobs an analysis worker thread runs. The key figures come in two stages: 'structure'
 * gets the model (in its compact wire form), replies with the structural figures and the
 * compact sociogram, and keeps the model for 'global', which replies with the rest of the
 * key figures (pagerank, eigenvector, communities, convergence pairs). The path metrics are
 * then split by sources over the threads, whose partial sums add up.
 */
export type AnalysisJob =
    | { kind: 'structure'; model: WireModel }
    /** The global figures of the model of the thread's last 'structure' job. */
    | { kind: 'global' }
    | { kind: 'estimate'; graph: CompactGraph }
    /** Share `part` of `parts` of the sources (`splitSources`: about the same work each). */
    | { kind: 'paths'; graph: CompactGraph; part: number; parts: number };

export interface StructureReply {
    structure: StructuralFigures;
    graph: CompactGraph;
}

export interface GlobalReply {
    global: GlobalFigures;
}

export interface EstimateReply {
    betweenness: Float64Array;
    sources: number;
}

export interface PathsReply {
    betweenness: Float64Array;
    closeness: Float64Array;
}

type Reply = StructureReply | GlobalReply | EstimateReply | PathsReply;

/** What a 'structure' job leaves for the 'global' job after it. */
let pending: { model: TerritoryModel; graphs: TerritoryGraphs; rStar: Float64Array } | undefined;

export function runAnalysisJob(job: AnalysisJob): { reply: Reply; transfer: ArrayBuffer[] } {
    switch (job.kind) {
        case 'structure': {
            const model = decodeModel(job.model);
            const graphs = buildGraphs(model);
            const structure = structuralFigures(model, graphs);
            pending = { model, graphs, rStar: structure.rStar };
            return { reply: { structure, graph: graphs.compact }, transfer: [] };
        }
        case 'global': {
            if (!pending) throw new Error("a 'global' job needs a 'structure' job before it");
            const { model, graphs, rStar } = pending;
            pending = undefined;
            return { reply: { global: globalFigures(model, graphs, rStar) }, transfer: [] };
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
