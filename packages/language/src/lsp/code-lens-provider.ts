import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import { CodeLensRefreshRequest } from 'vscode-languageserver';
import { isActor, isView } from '../generated/ast.js';
import type { TerritoryAnalysisService } from '../analysis/analysis-service.js';
import type { TerritoryServices } from '../territory-module.js';
import { actorFigures } from './hover-provider.js';

/** The commands lenses run; the extension implements them. */
export const SHOW_METRICS_COMMAND = 'territory.showMetrics';
export const OPEN_VIEW_COMMAND = 'territory.openView';

/**
 * Above each view, "Open view" (its picture in the preview). Above each actor, its place in the sociogram (`12 ties · betweenness 0.031 · community 3 ·
 * popular`), from the latest analysis; the lenses are refreshed when an analysis ends.
 */
export class TerritoryCodeLensProvider implements CodeLensProvider {
    private readonly analysis: TerritoryAnalysisService;

    constructor(services: TerritoryServices) {
        this.analysis = services.analysis.AnalysisService;
        const connection = services.shared.lsp.Connection;
        let refreshSupported = false;
        services.shared.lsp.LanguageServer?.onInitialize(params => {
            refreshSupported = Boolean(params.capabilities.workspace?.codeLens?.refreshSupport);
        });
        this.analysis.onAnalysis(() => {
            if (connection && refreshSupported) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        });
    }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const snapshot = this.analysis.current();
        const result = snapshot?.result;
        const lenses: CodeLens[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (isView(node) && node.$cstNode && node.name) {
                lenses.push({ range: node.$cstNode.range, command: { title: 'Open view', command: OPEN_VIEW_COMMAND, arguments: [node.name] } });
            }
            if (result && isActor(node) && node.$cstNode) {
                const figures = result.actors[node.name];
                if (!figures) continue;
                lenses.push({
                    range: node.$cstNode.range,
                    command: { title: actorFigures(figures, snapshot?.estimate?.betweenness[node.name]), command: SHOW_METRICS_COMMAND, arguments: [node.name] }
                });
            }
        }
        return lenses;
    }
}
