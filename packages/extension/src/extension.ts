import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { PRELUDE_SCHEME, PRELUDE_TEXT } from '../../language/src/prelude.js';
import { registerReportCommands } from './reports.js';
import { PreviewPanel } from './preview-panel.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    // Built-ins open read-only: a content provider's documents cannot be edited.
    context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PRELUDE_SCHEME, {
        provideTextDocumentContent: () => PRELUDE_TEXT
    }));
    client = startLanguageClient(context);
    await client.start();
    const reports = registerReportCommands(context, client);
    registerPreview(context, client);
    // Reports follow edits: the server reruns the analysis after each change.
    context.subscriptions.push(vscode.workspace.onDidChangeTextDocument(event => {
        if (event.document.languageId === 'territory') reports.refreshAll();
    }));
}

function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(
        vscode.commands.registerCommand('territory.openPreview', () => PreviewPanel.createOrShow(context, client)),
        vscode.commands.registerCommand('territory.openView', (view: string) => PreviewPanel.createOrShow(context, client, view)),
        vscode.commands.registerCommand('territory.exportSvg', () => exportPicture('svg')),
        vscode.commands.registerCommand('territory.exportPng', () => exportPicture('png')),
        vscode.window.registerWebviewPanelSerializer(PreviewPanel.viewType, {
            async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: { view?: string } | undefined) {
                PreviewPanel.revive(panel, context, client, state);
            }
        })
    );
}

function exportPicture(format: 'svg' | 'png'): void {
    const panel = PreviewPanel.active();
    if (!panel) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a sociogram preview first.'));
        return;
    }
    panel.requestExport(format);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'territory' },
            { scheme: 'untitled', language: 'territory' },
            { scheme: PRELUDE_SCHEME, language: 'territory' }
        ],
        synchronize: {
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.territory')
        }
    };
    return new LanguageClient('territory', 'Territory Language Server', serverOptions, clientOptions);
}
