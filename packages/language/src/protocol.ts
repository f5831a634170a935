/**
 * The custom requests between the language server and its clients (the VS Code extension,
 * tests, other editors). Each message is a namespace with its method (prefixed `territory/`),
 * parameters and result. Plain types, so that the server, the extension and tests share them
 * whichever JSON-RPC library they use.
 */

export namespace AnalysisRequest {
    export const method = 'territory/analysis';
    export interface Params {
        /** How many synergy opportunities to list (default 100). */
        top?: number;
    }
    /** The analysis in the JSON shape of docs/metrics.md (`territory metrics --format json`). */
    export type Result = Record<string, unknown>;
}

export namespace ReportRequest {
    export const method = 'territory/report';
    export interface Params {
        /** `metrics`: every actor's figures in a table; `opportunities`: the synergy opportunities; `summary`: the overview. */
        kind: 'metrics' | 'opportunities' | 'summary';
        /** For `metrics`: the figure to sort by (default betweenness). */
        sortBy?: string;
    }
    /** Markdown, every text of the model escaped. */
    export type Result = string;
}
