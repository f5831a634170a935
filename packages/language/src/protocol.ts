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

export namespace PreviewRequest {
    export const method = 'territory/preview';
    export interface Params {
        /** A `view` declaration's name; the whole model when absent. */
        view?: string;
        /** A layout algorithm (`clusters`, `layered`, `radial`, `force`, `stress`); the view's, or clusters. */
        layout?: string;
        /** In an aggregated view: the group (community number or zone) to show the actors of. */
        drill?: string;
        /** Positions of the previous picture, so that unchanged actors stay where they were. */
        previous?: Record<string, { x: number; y: number }>;
        /** Above this many actors the preview shows communities (or zones) as single nodes. */
        aggregationThreshold?: number;
    }
    export interface Result {
        title: string;
        /** A `PositionedGraph` of @territory/sociogram. */
        graph: unknown;
        opportunities: Array<{ a: string; b: string; convergence: number; introducers: string[] }>;
        layouts: Array<{ algorithm: string; usable: boolean; reason?: string }>;
        drilled: boolean;
        /** Where each actor shown is declared. */
        locations: Record<string, { uri: string; line: number; character: number }>;
    }
}

/** Sent by the server after each analysis: open previews and reports refresh. */
export namespace ModelChangedNotification {
    export const method = 'territory/modelChanged';
    export interface Params {
        generation: number;
        complete: boolean;
    }
}
