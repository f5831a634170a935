import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest } from '../../language/src/protocol.js';
import { SORTABLE_FIGURES } from '../../analysis/src/report/markdown.js';
import { SIZE_METRICS } from '../../analysis/src/vocabulary.js';

export const REPORT_SCHEME = 'territory-report';

/** The figures the metrics table can be sorted by, each with what it tells (shown in the quick pick). */
const SORT_CHOICES = SORTABLE_FIGURES.map(figure => ({
    figure,
    detail: SIZE_METRICS.find(metric => metric.word === figure)?.doc ?? 'MACTOR relative power'
}));

/**
 * Reports are read-only Markdown documents served by the language server and shown in
 * VS Code's Markdown preview: readable, and re-sortable by running the command again.
 */
export class ReportProvider implements vscode.TextDocumentContentProvider {
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;

    constructor(private readonly client: LanguageClient) {}

    provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Thenable<string> {
        const query = new URLSearchParams(uri.query);
        const params: ReportRequest.Params = { kind: (query.get('kind') ?? 'summary') as ReportRequest.Params['kind'], sortBy: query.get('sortBy') ?? undefined };
        return this.client.sendRequest<ReportRequest.Result>(ReportRequest.method, params, token);
    }

    /** Reports follow the model: re-read the open ones when an analysis may have changed them. */
    refreshAll(): void {
        for (const document of vscode.workspace.textDocuments) {
            if (document.uri.scheme === REPORT_SCHEME) this.changed.fire(document.uri);
        }
    }
}

export function registerReportCommands(context: vscode.ExtensionContext, client: LanguageClient): ReportProvider {
    const provider = new ReportProvider(client);
    context.subscriptions.push(
        vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, provider),
        vscode.commands.registerCommand('territory.showMetrics', async (actor?: string) => {
            const choice = await vscode.window.showQuickPick(
                SORT_CHOICES.map(choice => ({ label: choice.figure, detail: choice.detail })),
                { title: vscode.l10n.t('Sort the actors by…'), placeHolder: actor ? vscode.l10n.t('Figures of every actor, {0} included', actor) : undefined }
            );
            if (!choice) return;
            await showReport(vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/Actors by ${choice.label}.md`, query: `kind=metrics&sortBy=${choice.label}` }));
        }),
        vscode.commands.registerCommand('territory.showOpportunities', () =>
            showReport(vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Synergy opportunities.md', query: 'kind=opportunities' }))),
        vscode.commands.registerCommand('territory.showSummary', () =>
            showReport(vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Territory analysis.md', query: 'kind=summary' })))
    );
    return provider;
}

async function showReport(uri: vscode.Uri): Promise<void> {
    await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Territory: analysing the model…') },
        async () => {
            const document = await vscode.workspace.openTextDocument(uri);
            await vscode.languages.setTextDocumentLanguage(document, 'markdown');
            // A locked preview per report: opening one report does not replace another.
            await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
        }
    );
}
