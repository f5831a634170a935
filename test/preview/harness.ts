// The preview webview outside VS Code: a page served over HTTP with the panel host's CSP, a
// stub `acquireVsCodeApi` that records what the preview posts, VS Code's theme variables, and
// updates built from real models the way the language server builds them.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { analyze, type AnalysisResult, type TerritoryModel } from '@territory/analysis';
import { modelFromDocuments } from '@territory/language';
import { ALGORITHM_LIMITS, LAYOUT_ALGORITHMS, aggregate, layoutView, selectView, type LayoutAlgorithm, type PositionedGraph, type ViewSpec } from '@territory/sociogram';
import { createWorkspace } from '../../packages/language/test/helpers.js';
import type { PreviewStrings, ToPreview } from '../../packages/preview/src/protocol.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE = join(REPO_ROOT, 'out', 'preview', 'preview.js');
export const STYLES = join(REPO_ROOT, 'out', 'preview', 'preview.css');

/** Builds out/preview when it is missing or older than any source of the preview or the renderer. */
export function ensureBundle(): void {
    const sources = ['packages/preview/src', 'packages/preview/media', 'packages/sociogram/src'].flatMap(dir =>
        readdirSync(join(REPO_ROOT, dir)).map(file => join(REPO_ROOT, dir, file)));
    const newest = Math.max(...sources.map(file => statSync(file).mtimeMs));
    const built = [BUNDLE, STYLES].every(existsSync) ? Math.min(statSync(BUNDLE).mtimeMs, statSync(STYLES).mtimeMs) : 0;
    if (built < newest) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
}

/** The extension's English words (packages/extension/src/strings.ts without vscode.l10n). */
export const ENGLISH: PreviewStrings = {
    fit: 'Fit', zoomIn: 'Zoom in', zoomOut: 'Zoom out', search: 'Search an actor', filters: 'Filters', relations: 'Relations',
    kinds: 'Kinds', zones: 'Zones', interests: 'Interests', minimumWeight: 'Minimum weight', opportunities: 'Synergy opportunities',
    layout: 'Layout', exportSvg: 'Export SVG', exportPng: 'Export PNG', back: 'Back to all groups', legend: 'Legend',
    negative: 'negative tie', opportunity: 'synergy opportunity', members: 'actors', laidOut: 'Laid out',
    layingOut: 'Laying out the sociogram…', empty: 'No actor in this view.', degree: 'ties', betweenness: 'betweenness',
    community: 'community', status: 'status', kind: 'kind', zone: 'zone', ties: 'ties'
};

/** The French words (l10n/bundle.l10n.fr.json). */
export const FRENCH: PreviewStrings = {
    fit: 'Ajuster', zoomIn: 'Zoom avant', zoomOut: 'Zoom arrière', search: 'Chercher un acteur', filters: 'Filtres', relations: 'Relations',
    kinds: 'Types', zones: 'Zones', interests: 'Intérêts', minimumWeight: 'Poids minimal', opportunities: 'Opportunités de synergie',
    layout: 'Disposition', exportSvg: 'Exporter en SVG', exportPng: 'Exporter en PNG', back: 'Retour à tous les groupes', legend: 'Légende',
    negative: 'lien négatif', opportunity: 'opportunité de synergie', members: 'acteurs', laidOut: 'Disposé',
    layingOut: 'Disposition du sociogramme…', empty: 'Aucun acteur dans cette vue.', degree: 'liens', betweenness: 'intermédiarité',
    community: 'communauté', status: 'statut', kind: 'type', zone: 'zone', ties: 'liens'
};

/** A subset of VS Code's theme variables, as a webview receives them on <html>. */
export const THEMES = {
    light: {
        bodyClass: 'vscode-light',
        vars: {
            'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', descriptionForeground: '#717171', errorForeground: '#c72e0f',
            'charts-blue': '#1a85ff', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90',
            'charts-yellow': '#bf8803', 'charts-red': '#e51400', 'font-family': '"Ubuntu", "Droid Sans", "DejaVu Sans", sans-serif',
            'font-size': '13px', 'editor-font-family': '"Droid Sans Mono", monospace', 'sideBar-background': '#f8f8f8', focusBorder: '#005fb8',
            'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#e5e5e5',
            'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc', 'input-background': '#ffffff',
            'input-foreground': '#3b3b3b', 'input-border': '#cecece', 'input-placeholderForeground': '#767676', 'panel-border': '#e5e5e5',
            'editorWidget-background': '#f8f8f8', 'editorWidget-border': '#c8c8c8', 'widget-shadow': 'rgba(0, 0, 0, 0.16)',
            'editorHoverWidget-background': '#f8f8f8', 'editorHoverWidget-foreground': '#3b3b3b', 'editorHoverWidget-border': '#c8c8c8',
            'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece',
            'inputValidation-infoBackground': '#d6ecf2', 'inputValidation-infoBorder': '#007acc', 'checkbox-selectBackground': '#005fb8'
        }
    },
    dark: {
        bodyClass: 'vscode-dark',
        vars: {
            'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', descriptionForeground: '#9d9d9d', errorForeground: '#f85149',
            'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
            'charts-yellow': '#cca700', 'charts-red': '#f14c4c', 'font-family': '"Ubuntu", "Droid Sans", "DejaVu Sans", sans-serif',
            'font-size': '13px', 'editor-font-family': '"Droid Sans Mono", monospace', 'sideBar-background': '#181818', focusBorder: '#0078d4',
            'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-secondaryBackground': '#313131',
            'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c', 'input-background': '#313131',
            'input-foreground': '#cccccc', 'input-border': '#3c3c3c', 'input-placeholderForeground': '#989898', 'panel-border': '#2b2b2b',
            'editorWidget-background': '#202020', 'editorWidget-border': '#454545', 'widget-shadow': 'rgba(0, 0, 0, 0.36)',
            'editorHoverWidget-background': '#202020', 'editorHoverWidget-foreground': '#cccccc', 'editorHoverWidget-border': '#454545',
            'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c',
            'inputValidation-infoBackground': '#063b49', 'inputValidation-infoBorder': '#007acc', 'checkbox-selectBackground': '#0078d4'
        }
    },
    'high-contrast': {
        bodyClass: 'vscode-high-contrast',
        vars: {
            'editor-background': '#000000', 'editor-foreground': '#ffffff', descriptionForeground: '#ffffffb3', errorForeground: '#f48771',
            'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
            'charts-yellow': '#ffd700', 'charts-red': '#f48771', 'font-family': '"Ubuntu", "Droid Sans", "DejaVu Sans", sans-serif',
            'font-size': '13px', 'sideBar-background': '#000000', focusBorder: '#f38518', 'contrastBorder': '#6fc3df',
            'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df', 'button-secondaryBackground': '#000000',
            'button-secondaryForeground': '#ffffff', 'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df',
            'panel-border': '#6fc3df', 'editorWidget-background': '#0c141f', 'editorWidget-border': '#6fc3df',
            'editorHoverWidget-background': '#0c141f', 'editorHoverWidget-border': '#6fc3df'
        }
    }
} as const;
export type ThemeName = keyof typeof THEMES;

export function themeStyle(theme: ThemeName): string {
    return Object.entries(THEMES[theme].vars).map(([name, value]) => `--vscode-${name}: ${value};`).join(' ');
}

function attribute(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export interface HarnessPage {
    theme?: ThemeName;
    /** What `vscode.getState()` returns at start (a revived panel). */
    state?: unknown;
}

/**
 * A static server for the harness page and out/preview: its origin plays the webview's
 * `cspSource`, so the CSP is the panel host's own, word for word.
 */
export class HarnessServer {
    private pages = new Map<string, HarnessPage>();
    private constructor(private readonly server: Server, readonly origin: string) {}

    static async start(): Promise<HarnessServer> {
        let self: HarnessServer | undefined;
        const server = createServer((request, response) => {
            const url = new URL(request.url ?? '/', 'http://localhost');
            const send = (status: number, type: string, body: string | Buffer) => {
                response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
                response.end(body);
            };
            if (url.pathname === '/harness.html') {
                const page = self?.pages.get(url.searchParams.get('page') ?? '');
                return page ? send(200, 'text/html; charset=utf-8', self!.html(page)) : send(404, 'text/plain', 'no such page');
            }
            const files: Record<string, [string, string]> = {
                '/out/preview/preview.js': [BUNDLE, 'text/javascript; charset=utf-8'],
                '/out/preview/preview.css': [STYLES, 'text/css; charset=utf-8']
            };
            if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
            const file = files[url.pathname];
            if (file) return send(200, file[1], readFileSync(file[0]));
            send(404, 'text/plain', 'not found');
        });
        await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
        const address = server.address();
        if (!address || typeof address === 'string') throw new Error('no port');
        self = new HarnessServer(server, `http://127.0.0.1:${address.port}`);
        return self;
    }

    /** The address of a new harness page. */
    page(page: HarnessPage = {}): string {
        const id = randomBytes(6).toString('hex');
        this.pages.set(id, page);
        return `${this.origin}/harness.html?page=${id}`;
    }

    /** The panel host's HTML (packages/extension/src/preview-panel.ts) plus the stub API. */
    private html(page: HarnessPage): string {
        const nonce = randomBytes(16).toString('hex');
        const cspSource = this.origin;
        const csp = [
            "default-src 'none'",
            `script-src 'nonce-${nonce}'`,
            `style-src ${cspSource} 'unsafe-inline'`,
            `img-src ${cspSource} data:`,
            `font-src ${cspSource}`
        ].join('; ');
        const theme = page.theme ?? 'light';
        // JSON in a script: `<` escaped so that no stored text can close the element.
        const state = JSON.stringify(page.state ?? null).replace(/</g, '\\u003c');
        return `<!DOCTYPE html>
<html lang="en" style="${attribute(themeStyle(theme))}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${cspSource}/out/preview/preview.css">
<title>Territory harness</title>
<script nonce="${nonce}">
(() => {
  const record = value => JSON.parse(JSON.stringify(value));
  window.__posted = [];
  window.__state = ${state} ?? undefined;
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi may be called once');
    acquired = true;
    return {
      postMessage: message => { window.__posted.push(record(message)); },
      getState: () => window.__state,
      setState: value => { window.__state = record(value); }
    };
  };
})();
</script>
</head>
<body class="${THEMES[theme].bodyClass}" data-state="%7B%7D">
<script nonce="${nonce}" src="${cspSource}/out/preview/preview.js"></script>
</body>
</html>`;
    }

    close(): Promise<void> {
        return new Promise(done => this.server.close(() => done()));
    }
}

// --- Updates from models ---------------------------------------------------------------

export interface Built {
    model: TerritoryModel;
    result: AnalysisResult;
}

export async function buildModel(files: Record<string, string>): Promise<Built> {
    const documents = await createWorkspace().build(files);
    for (const [name, document] of Object.entries(documents)) {
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
        if (errors.length) throw new Error(`${name}: ${errors.map(e => `${e.range.start.line + 1}: ${e.message}`).join('; ')}`);
    }
    const model = modelFromDocuments(Object.values(documents));
    return { model, result: analyze(model) };
}

export function readFolder(folder: string): Record<string, string> {
    return Object.fromEntries(readdirSync(folder).filter(file => file.endsWith('.territory')).map(file => [file, readFileSync(join(folder, file), 'utf8')]));
}

export interface UpdateOptions {
    spec?: ViewSpec;
    algorithm?: LayoutAlgorithm;
    aggregateBy?: 'community' | 'zone';
    previous?: ReadonlyMap<string, { x: number; y: number }>;
    strings?: PreviewStrings;
    title?: string;
    drilled?: boolean;
}

/** An update as the panel host sends it (server/src/preview-requests.ts, without the worker). */
export async function buildUpdate({ model, result }: Built, options: UpdateOptions = {}): Promise<ToPreview.Update> {
    let view = selectView(model, result, options.spec ?? {});
    if (options.aggregateBy) view = aggregate(view, options.aggregateBy);
    const graph: PositionedGraph = await layoutView(view, { algorithm: options.algorithm ?? 'clusters', previous: options.previous });
    const shown = new Set(view.nodes.map(node => node.id));
    return {
        type: 'update',
        title: options.title ?? 'Sociogram',
        graph,
        opportunities: result.opportunities.filter(o => shown.has(o.a) && shown.has(o.b)).slice(0, 30)
            .map(({ a, b, convergence, introducers }) => ({ a, b, convergence, introducers })),
        layouts: LAYOUT_ALGORITHMS.map(algorithm => {
            if (algorithm === 'clusters') return { algorithm, usable: true };
            const limit = ALGORITHM_LIMITS[algorithm];
            return view.nodes.length <= limit
                ? { algorithm, usable: true }
                : { algorithm, usable: false, reason: `${algorithm} takes seconds above ${limit} actors (this picture has ${view.nodes.length})` };
        }),
        drilled: options.drilled ?? false,
        strings: options.strings ?? ENGLISH
    };
}

export function positionsOf(graph: PositionedGraph): Map<string, { x: number; y: number }> {
    return new Map(graph.nodes.map(node => [node.id, { x: node.x, y: node.y }]));
}
