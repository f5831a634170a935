/**
 * Messages between the extension (panel host) and the preview webview. One namespace per
 * direction; every message has a `type`.
 */
import type { LayoutAlgorithm, PositionedGraph } from '@territory/sociogram';

/** UI words of the preview, translated by the extension (vscode.l10n). */
export interface PreviewStrings {
    fit: string;
    zoomIn: string;
    zoomOut: string;
    search: string;
    filters: string;
    relations: string;
    kinds: string;
    zones: string;
    interests: string;
    minimumWeight: string;
    opportunities: string;
    layout: string;
    exportSvg: string;
    exportPng: string;
    back: string;
    legend: string;
    negative: string;
    opportunity: string;
    members: string;
    laidOut: string;
    layingOut: string;
    empty: string;
    degree: string;
    betweenness: string;
    community: string;
    status: string;
    kind: string;
    zone: string;
    ties: string;
}

export namespace ToPreview {
    /** A new picture: after an edit, a view change or a drill-down. */
    export interface Update {
        type: 'update';
        /** What is shown: the view's title, or the workspace. */
        title: string;
        graph: PositionedGraph;
        /** The best synergy opportunities among the actors shown (drawn when the overlay is on). */
        opportunities: ReadonlyArray<{ a: string; b: string; convergence: number; introducers: readonly string[] }>;
        /** Layout algorithms offered for this view, with the reason when one is not usable. */
        layouts: ReadonlyArray<{ algorithm: LayoutAlgorithm; usable: boolean; reason?: string }>;
        /** Whether a drill-down is shown (a `back` button returns to the aggregated view). */
        drilled: boolean;
        strings: PreviewStrings;
    }
    /** Layout under way (shown as progress; the picture stays until the update). */
    export interface Progress {
        type: 'progress';
        message: string;
    }
    /** Show this actor selected (e.g. the editor's cursor is on its declaration). */
    export interface Select {
        type: 'select';
        actor: string;
    }
    /** Send the current picture back for saving (`FromPreview.Export`): the export commands. */
    export interface Export {
        type: 'export';
        format: 'svg' | 'png';
    }
    export type Message = Update | Progress | Select | Export;
}

export namespace FromPreview {
    export interface Ready { type: 'ready' }
    /** A node was clicked: reveal the actor's declaration in the editor. */
    export interface Reveal { type: 'reveal'; actor: string }
    /** A group node of an aggregated view was clicked: show its actors. */
    export interface Drill { type: 'drill'; group: string }
    export interface Back { type: 'back' }
    /** The user chose another layout algorithm. */
    export interface Layout { type: 'layout'; algorithm: LayoutAlgorithm }
    /** Save the current picture: `data` is the SVG text, or a PNG `data:` URL. */
    export interface Export { type: 'export'; format: 'svg' | 'png'; data: string }
    export type Message = Ready | Reveal | Drill | Back | Layout | Export;
}
