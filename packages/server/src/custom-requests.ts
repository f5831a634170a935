import { contractJson, metricsTableMarkdown, opportunitiesMarkdown, SORTABLE_FIGURES, summaryMarkdown } from '@territory/analysis';
import type { SortableFigure } from '@territory/analysis';
import type { TerritoryServices } from '@territory/language';
import { AnalysisRequest, ReportRequest } from '@territory/language/protocol';
import type { Connection } from 'vscode-languageserver';

/** Answers the `territory/…` requests of protocol.ts with the latest complete analysis. */
export function registerCustomRequests(connection: Connection, services: TerritoryServices): void {
    const analysis = services.analysis.AnalysisService;
    connection.onRequest(AnalysisRequest.method, async (params: AnalysisRequest.Params | undefined, cancel): Promise<AnalysisRequest.Result> => {
        const { result } = await analysis.complete(cancel);
        const top = params?.top;
        return contractJson(top === undefined ? result : { ...result, opportunities: result.opportunities.slice(0, top) });
    });
    connection.onRequest(ReportRequest.method, async (params: ReportRequest.Params, cancel): Promise<ReportRequest.Result> => {
        const { result, model } = await analysis.complete(cancel);
        switch (params.kind) {
            case 'opportunities':
                return opportunitiesMarkdown(result, model);
            case 'summary':
                return summaryMarkdown(result, model);
            default: {
                const sortBy = (SORTABLE_FIGURES as readonly string[]).includes(params.sortBy ?? '') ? params.sortBy as SortableFigure : 'betweenness';
                return metricsTableMarkdown(result, sortBy);
            }
        }
    });
}
