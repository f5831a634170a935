import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ModelChangedNotification, PreviewRequest } from '../../language/src/protocol.js';
import type { FromPreview, PreviewStrings, ToPreview } from '../../preview/src/protocol.js';
import { previewStrings } from './strings.js';

interface PanelState {
    view?: string;
}

/**
 * The sociogram preview: a webview beside the editor showing the workspace's sociogram (or one
 * `view`), laid out by the language server and updated after every analysis, keeping the
 * reader's zoom and selection (the webview keeps those; only the picture is replaced).
 */
export class PreviewPanel {
    static readonly viewType = 'territory.preview';
    private static panels = new Map<string, PreviewPanel>();

    private readonly disposables: vscode.Disposable[] = [];
    private ready = false;
    private pending?: ToPreview.Message;
    private request?: vscode.CancellationTokenSource;
    private layout?: string;
    private drill?: string;
    private positions: Record<string, { x: number; y: number }> = {};
    private locations: PreviewRequest.Result['locations'] = {};
    private title = 'Sociogram';

    /** Opens (or reveals) the preview of a view, or of the whole model when `view` is undefined. */
    static createOrShow(context: vscode.ExtensionContext, client: LanguageClient, view?: string): PreviewPanel {
        const key = view ?? '';
        const existing = PreviewPanel.panels.get(key);
        if (existing) {
            existing.panel.reveal(vscode.ViewColumn.Beside, true);
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(PreviewPanel.viewType, view ? vscode.l10n.t('View {0}', view) : vscode.l10n.t('Sociogram'),
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, PreviewPanel.webviewOptions(context));
        return new PreviewPanel(panel, context, client, view);
    }

    /** A panel VS Code restores after a reload. */
    static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: LanguageClient, state: PanelState | undefined): PreviewPanel {
        panel.webview.options = PreviewPanel.webviewOptions(context);
        return new PreviewPanel(panel, context, client, state?.view);
    }

    /** Every open preview, for the export commands. */
    static active(): PreviewPanel | undefined {
        return [...PreviewPanel.panels.values()].find(panel => panel.panel.active) ?? [...PreviewPanel.panels.values()][0];
    }

    private static webviewOptions(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
        return {
            enableScripts: true,
            retainContextWhenHidden: true,
            // The webview may read the preview bundle and nothing else: no workspace files, no network.
            localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'out', 'preview')]
        };
    }

    private constructor(readonly panel: vscode.WebviewPanel, private readonly context: vscode.ExtensionContext,
        private readonly client: LanguageClient, readonly view: string | undefined) {
        PreviewPanel.panels.set(view ?? '', this);
        panel.webview.html = this.html();
        panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'territory-file.svg');
        panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
        panel.webview.onDidReceiveMessage((message: FromPreview.Message) => this.receive(message), undefined, this.disposables);
        this.disposables.push(client.onNotification(ModelChangedNotification.method, () => this.refresh()));
        void this.refresh();
    }

    /** Asks the server for a new picture; a newer refresh cancels an older one. */
    async refresh(): Promise<void> {
        this.request?.cancel();
        const request = (this.request = new vscode.CancellationTokenSource());
        this.post({ type: 'progress', message: vscode.l10n.t('Laying out the sociogram…') });
        const params: PreviewRequest.Params = {
            view: this.view,
            layout: this.layout,
            drill: this.drill,
            previous: this.positions,
            aggregationThreshold: vscode.workspace.getConfiguration('territory.preview').get<number>('aggregationThreshold')
        };
        try {
            const result = await this.client.sendRequest<PreviewRequest.Result>(PreviewRequest.method, params, request.token);
            if (request.token.isCancellationRequested) return;
            this.locations = result.locations;
            this.title = result.title;
            this.panel.title = result.title;
            const graph = result.graph as ToPreview.Update['graph'];
            if (!graph.aggregated) this.positions = Object.fromEntries(graph.nodes.map(node => [node.id, { x: node.x, y: node.y }]));
            this.post({
                type: 'update',
                title: result.title,
                graph,
                opportunities: result.opportunities,
                layouts: result.layouts as ToPreview.Update['layouts'],
                drilled: result.drilled,
                strings: previewStrings()
            });
        } catch (error) {
            if (!request.token.isCancellationRequested) {
                this.post({ type: 'progress', message: vscode.l10n.t('The sociogram could not be drawn: {0}', String((error as Error)?.message ?? error)) });
            }
        }
    }

    /** Writes the picture the webview sends to a file the user chooses. */
    async save(format: 'svg' | 'png', data: string): Promise<void> {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const name = `${this.title.replace(/[\\/:*?"<>|]+/g, '-')}.${format}`;
        const target = await vscode.window.showSaveDialog({
            defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
            filters: format === 'svg' ? { SVG: ['svg'] } : { PNG: ['png'] },
            title: vscode.l10n.t('Export the sociogram')
        });
        if (!target) return;
        const bytes = format === 'svg'
            ? new TextEncoder().encode(data)
            : Uint8Array.from(Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64'));
        await vscode.workspace.fs.writeFile(target, bytes);
        void vscode.window.showInformationMessage(vscode.l10n.t('Sociogram exported to {0}', vscode.workspace.asRelativePath(target)));
    }

    /** Asks the webview for its current picture (the export commands and buttons). */
    requestExport(format: 'svg' | 'png'): void {
        this.post({ type: 'export', format });
    }

    private receive(message: FromPreview.Message): void {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                if (this.pending) this.post(this.pending);
                break;
            case 'reveal':
                void this.reveal(message.actor);
                break;
            case 'drill':
                this.drill = message.group.replace(/^(community|zone):/, '');
                void this.refresh();
                break;
            case 'back':
                this.drill = undefined;
                void this.refresh();
                break;
            case 'layout':
                // A layout chosen by the reader starts afresh, without the previous positions.
                this.layout = message.algorithm;
                this.positions = {};
                void this.refresh();
                break;
            case 'export':
                void this.save(message.format, message.data);
                break;
        }
    }

    /** Shows the actor's declaration in the editor beside the preview, cursor on its name. */
    private async reveal(actor: string): Promise<void> {
        const location = this.locations[actor];
        if (!location) return;
        const uri = vscode.Uri.parse(location.uri);
        const position = new vscode.Position(location.line, location.character);
        const document = await vscode.workspace.openTextDocument(uri);
        const text = document.lineAt(location.line).text;
        const nameStart = text.indexOf(actor, location.character);
        const start = nameStart >= 0 ? new vscode.Position(location.line, nameStart) : position;
        const end = nameStart >= 0 ? start.translate(0, actor.length) : position;
        const column = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri.toString())?.viewColumn
            ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
        await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(start, end), preserveFocus: false });
    }

    private post(message: ToPreview.Message): void {
        if (!this.ready) {
            if (message.type === 'update' || !this.pending) this.pending = message;
            return;
        }
        void this.panel.webview.postMessage(message);
    }

    private html(): string {
        const webview = this.panel.webview;
        const nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)), byte => byte.toString(16).padStart(2, '0')).join('');
        const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'out', 'preview', 'preview.js'));
        const style = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'out', 'preview', 'preview.css'));
        const csp = [
            "default-src 'none'",
            `script-src 'nonce-${nonce}'`,
            `style-src ${webview.cspSource} 'unsafe-inline'`,
            `img-src ${webview.cspSource} data:`,
            `font-src ${webview.cspSource}`
        ].join('; ');
        const state: PanelState = { view: this.view };
        return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Territory</title>
</head>
<body data-state="${encodeURIComponent(JSON.stringify(state))}">
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
    }

    private dispose(): void {
        PreviewPanel.panels.delete(this.view ?? '');
        this.request?.cancel();
        this.disposables.forEach(disposable => disposable.dispose());
    }
}

export type { PreviewStrings };
