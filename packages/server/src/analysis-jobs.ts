import type { AnalysisResult, CompactGraph, TerritoryModel } from '@territory/analysis';
import { analyzeWithoutPaths, buildGraphs, pathMetrics, sampledBetweenness, splitSources } from '@territory/analysis';

/**
 * The jobs an analysis worker thread runs. The key figures come first and bring back the
 * compact sociogram; the path metrics are then split by sources over the threads, whose
 * partial sums add up.
 */
export type AnalysisJob =
    | { kind: 'warm-up' }
    | { kind: 'key-figures'; model: TerritoryModel }
    | { kind: 'estimate'; graph: CompactGraph }
    /** Share `part` of `parts` of the sources (`splitSources`: about the same work each). */
    | { kind: 'paths'; graph: CompactGraph; part: number; parts: number };

export interface KeyFiguresReply {
    result: AnalysisResult;
    names: string[];
    graph: CompactGraph;
}

export interface EstimateReply {
    betweenness: Float64Array;
    sources: number;
}

export interface PathsReply {
    betweenness: Float64Array;
    closeness: Float64Array;
}

export function runAnalysisJob(job: AnalysisJob): { reply: KeyFiguresReply | EstimateReply | PathsReply | Record<string, never>; transfer: ArrayBuffer[] } {
    switch (job.kind) {
        case 'warm-up': {
            // The first analysis of a large model otherwise runs in cold, unoptimised code.
            const model = warmUpModel();
            analyzeWithoutPaths(model, buildGraphs(model));
            return { reply: {}, transfer: [] };
        }
        case 'key-figures': {
            const graphs = buildGraphs(job.model);
            const result = analyzeWithoutPaths(job.model, graphs);
            return { reply: { result, names: [...graphs.names], graph: graphs.compact }, transfer: [] };
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
