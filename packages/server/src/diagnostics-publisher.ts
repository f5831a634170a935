import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { sameDiagnostics } from '@territory/language';

/**
 * Publishes a document's diagnostics only when they changed or its text did. After an edit,
 * Langium publishes every document it validated again; at 15,500 actors that is some 7,000
 * diagnostics on nine files, encoded and sent for each keystroke, nearly all as they were.
 */
export function publishChangedDiagnosticsOnly(connection: Connection, shared: LangiumSharedServices): void {
    const published = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
        const version = shared.workspace.TextDocuments.get(params.uri)?.version;
        const last = published.get(params.uri);
        published.set(params.uri, { version, diagnostics: params.diagnostics });
        if (last && last.version === version && sameDiagnostics(last.diagnostics, params.diagnostics)) return Promise.resolve();
        return send(params);
    };
}

