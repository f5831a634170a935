import type { CompactGraph, GlobalFigures, StructuralFigures, TerritoryGraphs, TerritoryModel, WireModel } from '@territory/analysis';
import {
    buildGraphs, decodeModel, encodeModel, globalFigures, pathMetrics, sampledBetweenness, splitSources, structuralFigures
} from '@territory/analysis';

/**
 * The jobs an analysis worker thread runs. The key figures come in two stages: 'structure'
 * gets the model (in its compact wire form), replies with the structural figures and the
 * compact sociogram, and keeps the model for 'global', which replies with the rest of the
 * key figures (pagerank, eigenvector, communities, convergence pairs). The path metrics are
 * then split by sources over the threads, whose partial sums add up.
 */
export type AnalysisJob =
    | { kind: 'warm-up' }
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

type Reply = StructureReply | GlobalReply | EstimateReply | PathsReply | Record<string, never>;

/** What a 'structure' job leaves for the 'global' job after it. */
let pending: { model: TerritoryModel; graphs: TerritoryGraphs; rStar: Float64Array } | undefined;

export function runAnalysisJob(job: AnalysisJob): { reply: Reply; transfer: ArrayBuffer[] } {
    switch (job.kind) {
        case 'warm-up': {
            // The first analysis of a large model otherwise runs in cold, unoptimised code.
            runAnalysisJob({ kind: 'structure', model: encodeModel(warmUpModel()) });
            runAnalysisJob({ kind: 'global' });
            return { reply: {}, transfer: [] };
        }
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

/** 2,000 actors on a ring with chords, in 10 zones, with stances on 8 interests: every code path of the key figures. */
function warmUpModel(): TerritoryModel {
    const n = 2000;
    const name = (i: number) => `A${String(i).padStart(4, '0')}`;
    const interests = Array.from({ length: 8 }, (_, i) => `I${i}`);
    return {
        asOf: '2026-01-01',
        actors: Array.from({ length: n }, (_, i) => ({
            name: name(i),
            zone: `Z${i % 10}`,
            power: i % 6,
            positions: [0, 1, 2].map(k => ({ interest: interests[(i * (k + 3)) % 8], position: ((i + k) % 3 === 0 ? -1 : 1) * (1 + ((i + k) % 4)) })),
            tags: []
        })).sort((a, b) => (a.name < b.name ? -1 : 1)),
        ties: Array.from({ length: 2 * n }, (_, t) => {
            const i = t >> 1;
            const j = t % 2 === 0 ? (i + 1) % n : (i * 7 + 3) % n;
            return { source: name(i), target: name(j), relation: t % 5 === 0 ? 'conflict' : 'trust', directed: t % 3 === 0, polarity: t % 5 === 0 ? 'negative' : 'positive', weight: 1 + (t % 5) };
        }),
        interests: interests.map(interest => ({ name: interest })),
        workshops: [],
        dialogues: [],
        places: Array.from({ length: 10 }, (_, z) => ({ name: `Z${z}` }))
    };
}
