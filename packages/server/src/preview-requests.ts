import * as path from 'node:path';
import { compareNames, hasKeyFigures } from '@territory/analysis';
import type { TerritoryServices } from '@territory/language';
import { findView, viewSpecOf } from '@territory/language';
import { ModelChangedNotification, PreviewRequest } from '@territory/language/protocol';
import type { LayoutAlgorithm, LayoutOptions, PositionedGraph, ViewGraph, ViewSpec } from '@territory/sociogram';
import { aggregate, ALGORITHM_LIMITS, drillInto, LAYOUT_ALGORITHMS, selectView } from '@territory/sociogram';
import type { Connection } from 'vscode-languageserver';
import { WorkerThread } from './worker-thread.js';

/**
 * Above this many actors shown, the preview draws one node per community (or zone) and
 * drills into one on click: the largest view that lays out and renders within about a second
 * (docs/performance.md).
 */
export const AGGREGATION_THRESHOLD = 800;

/** How many synergy opportunities the preview's overlay draws at most. */
const OVERLAY_OPPORTUNITIES = 30;

type LayoutJob = { graph: ViewGraph; options: Omit<LayoutOptions, 'previous'> & { previous?: Array<[string, { x: number; y: number }]> } };

/**
 * `territory/preview`: the picture of a view (or of the whole model), laid out by ELK in a
 * worker thread, from the latest analysis. A newer request cancels the running layout.
 * After each analysis the server tells clients with `territory/modelChanged`.
 */
export function registerPreviewRequests(connection: Connection, services: TerritoryServices): void {
    const analysis = services.analysis.AnalysisService;
    const layouts = new WorkerThread<LayoutJob, { graph: PositionedGraph }>(path.join(__dirname, 'layout-worker.cjs'));
    analysis.onAnalysis(snapshot => {
        // The structural figures alone change nothing the preview draws (it draws the latest key figures).
        if (!hasKeyFigures(snapshot.result)) return;
        // ELK loads and warms up once the workspace is open and its first key figures are out:
        // started with the server, it took the second core from the first parse (0.4 s more to
        // open 15,500 actors).
        layouts.warm();
        void connection.sendNotification(ModelChangedNotification.method, { generation: snapshot.generation, complete: snapshot.result.complete } satisfies ModelChangedNotification.Params);
    });
    connection.onRequest(PreviewRequest.method, async (params: PreviewRequest.Params, cancel): Promise<PreviewRequest.Result> => {
        const snapshot = await analysis.withKeyFigures(cancel);
        const { result } = snapshot;
        const view = params.view ? findView(services.shared.workspace.LangiumDocuments.all, params.view) : undefined;
        const spec: ViewSpec = view ? viewSpecOf(view) : {};
        const title = view ? view.title ?? view.name : 'Sociogram';
        let graph = selectView(snapshot.model, result, spec);
        const by = spec.colorBy?.kind === 'zone' ? 'zone' : 'community';
        const drilled = params.drill !== undefined;
        if (drilled) graph = drillInto(graph, by, params.drill!);
        else if (graph.nodes.length > (params.aggregationThreshold ?? AGGREGATION_THRESHOLD)) graph = aggregate(graph, by);
        const requested = params.layout ?? spec.layout ?? 'clusters';
        const algorithm: LayoutAlgorithm = (LAYOUT_ALGORITHMS as readonly string[]).includes(requested) ? requested as LayoutAlgorithm : 'clusters';
        const { graph: positioned } = await layouts.run({
            graph,
            options: { algorithm, root: spec.egos?.[0]?.actor, previous: params.previous ? Object.entries(params.previous) : undefined }
        }, cancel);
        const shown = new Set(graph.nodes.map(node => node.id));
        const locations: PreviewRequest.Result['locations'] = {};
        for (const id of [...shown].sort(compareNames)) {
            const location = snapshot.model.locations?.get(id);
            if (location) locations[id] = location;
        }
        return {
            title: drilled ? `${title} — ${by} ${params.drill}` : title,
            graph: positioned,
            opportunities: result.opportunities.filter(o => shown.has(o.a) && shown.has(o.b)).slice(0, OVERLAY_OPPORTUNITIES)
                .map(({ a, b, convergence, introducers }) => ({ a, b, convergence, introducers })),
            layouts: LAYOUT_ALGORITHMS.map(candidate => {
                if (candidate === 'clusters') return { algorithm: candidate, usable: true };
                const limit = ALGORITHM_LIMITS[candidate];
                return graph.nodes.length <= limit
                    ? { algorithm: candidate, usable: true }
                    : { algorithm: candidate, usable: false, reason: `${candidate} takes seconds above ${limit} actors (this picture has ${graph.nodes.length})` };
            }),
            drilled,
            locations
        };
    });
}
