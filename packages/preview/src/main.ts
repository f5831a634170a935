/**
 * The sociogram preview, a webview app. It says `ready`, then draws every `update` the
 * extension sends, keeping the user's zoom, selection, filters and search across updates
 * (and, through `vscode.setState`, across a revived panel). Clicks reveal actors in the
 * editor or drill into groups; exports go back to the extension as SVG text or a PNG URL.
 */
import type { PositionedGraph, PositionedNode } from '@territory/sociogram';
import type { RenderOptions } from '@territory/sociogram/src/render.js';
import type { FromPreview, ToPreview } from './protocol.js';
import './vscode-api.js';
import { restoreState, type UiState } from './state.js';
import { readTheme, observeTheme } from './theme.js';
import { ZoomPan } from './zoom-pan.js';
import { Panel } from './panel.js';
import { SociogramView } from './view.js';
import { Tooltip } from './tooltip.js';
import { facetsOf, visibility, visibleGraph, type Visibility } from './filters.js';
import { searchNodes } from './search.js';
import { exportPng, exportSvg } from './export.js';

const vscode = acquireVsCodeApi<UiState>();
const state = restoreState(vscode.getState());

let update: ToPreview.Update | undefined;
let theme = readTheme();
let themeKey = JSON.stringify(theme);
let shown: Visibility | undefined;
let matches: PositionedNode[] = [];
let matchIndex = -1;
/** The first update (or a new scene) frames the picture once the panel has a size. */
let fitPending = false;
/** An actor to select once the picture arrives (a `select` before the first `update`). */
let pendingSelect: string | undefined;

function post(message: FromPreview.Message): void {
    vscode.postMessage(message);
}

let saveQueued = false;
function save(): void {
    if (saveQueued) return;
    saveQueued = true;
    queueMicrotask(() => {
        saveQueued = false;
        vscode.setState(state);
    });
}

const panel = new Panel(document.body, {
    back: () => post({ type: 'back' }),
    zoomIn: () => zoom.zoomBy(1.25),
    zoomOut: () => zoom.zoomBy(0.8),
    fit: () => fit(),
    search: text => {
        state.search = text;
        matchIndex = -1;
        applySearch();
        save();
    },
    searchNext: backwards => {
        if (matches.length === 0) return;
        matchIndex = (matchIndex + (backwards ? -1 : 1) + matches.length) % matches.length;
        applySearch();
        const node = matches[matchIndex];
        zoom.centreOn(node.x, node.y);
    },
    layout: algorithm => {
        post({ type: 'layout', algorithm });
        if (update) panel.setStatus(update.strings.layingOut, true);
    },
    opportunities: on => {
        state.opportunities = on;
        applyFilters();
        save();
    },
    filter: (facet, value, visible) => {
        const hidden = new Set(state.hidden[facet]);
        if (visible) hidden.delete(value);
        else hidden.add(value);
        state.hidden[facet] = [...hidden];
        applyFilters();
        save();
    },
    showAll: facet => {
        state.hidden[facet] = [];
        applyFilters();
        save();
    },
    minWeight: weight => {
        state.minWeight = weight;
        applyFilters();
        save();
    },
    filtersOpen: open => {
        state.filtersOpen = open;
        applyFilters();
        save();
    },
    legendOpen: open => {
        state.legendOpen = open;
        panel.setLegendOpen(open);
        save();
    },
    export: format => void exportPicture(format)
});

const view = new SociogramView(panel.canvas);
const tooltip = new Tooltip(document.body);
const zoom = new ZoomPan(panel.canvas, {
    isBackground: target => !view.nodeAt(target) && !(target instanceof Element && target.closest('.legend-box')),
    onBackgroundClick: () => select(undefined),
    onChange: transform => {
        state.transform = transform;
        save();
    },
    onScale: k => view.setZoom(k)
});

// --- Messages from the extension ---------------------------------------------------------

window.addEventListener('message', event => {
    const message = event.data as ToPreview.Message | undefined;
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
        case 'update':
            if (Array.isArray(message.graph?.nodes) && Array.isArray(message.graph.edges) && message.strings) onUpdate(message);
            break;
        case 'progress':
            panel.setStatus(String(message.message), true);
            break;
        case 'select':
            if (update) select(message.actor, true);
            else pendingSelect = message.actor;
            break;
        case 'export':
            // The export commands: send the picture back as the buttons do.
            void exportPicture(message.format === 'png' ? 'png' : 'svg');
            break;
    }
});

/** What a transform belongs to: a new drill-down, view or layout is framed afresh; an edit is not. */
function sceneKey(message: ToPreview.Update): string {
    return JSON.stringify([message.title, message.drilled, message.graph.aggregated ?? '', message.graph.layout.used]);
}

function onUpdate(message: ToPreview.Update): void {
    update = message;
    const scene = sceneKey(message);
    draw();
    if (state.transform && state.scene === scene) {
        zoom.set(state.transform, false);
    } else {
        state.scene = scene;
        fitPending = true;
        fit();
    }
    if (pendingSelect !== undefined) {
        select(pendingSelect, true);
        pendingSelect = undefined;
    }
    const { graph, strings } = message;
    const counts = graph.aggregated ? `${graph.nodes.length}` : `${graph.nodes.length} ${strings.members}`;
    panel.setStatus(`${strings.laidOut} (${graph.layout.used}) · ${counts} · ${graph.edges.length} ${strings.ties}`);
    save();
}

// --- Drawing ----------------------------------------------------------------------------

function renderOptions(message: ToPreview.Update, opportunities: boolean): RenderOptions {
    const s = message.strings;
    return {
        theme,
        opportunities: opportunities ? message.opportunities : undefined,
        strings: { legend: s.legend, negative: s.negative, opportunity: s.opportunity, members: s.members, community: s.community, kind: s.kind, zone: s.zone, status: s.status, interests: s.interests }
    };
}

/** Draws the current update (after an update or a theme change), then restores every class. */
function draw(): void {
    if (!update) return;
    const { graph, strings } = update;
    panel.setStrings(strings);
    panel.setTitle(update.title);
    panel.setDrilled(update.drilled);
    panel.setLayouts(update.layouts, graph.layout.requested);
    panel.setNotice(graph.layout.note);
    panel.setEmpty(graph.nodes.length === 0);
    panel.setLegendOpen(state.legendOpen);
    panel.canvas.style.setProperty('--territory-highlight', theme.highlight);
    panel.canvas.style.setProperty('--territory-opportunity', theme.opportunity);
    // Opportunities are always drawn on screen; the overlay toggle shows or hides them.
    view.render(graph, renderOptions(update, true));
    zoom.setViewport(view.viewport!);
    view.setZoom(zoom.get().k);
    if (state.selected !== undefined && !view.node(state.selected)) state.selected = undefined;
    applyFilters();
}

function applyFilters(): void {
    if (!update) return;
    const { graph, strings, opportunities } = update;
    const facets = facetsOf(graph);
    shown = visibility(graph, opportunities, state);
    view.applyVisibility(shown, state.opportunities);
    panel.setOpportunities(state.opportunities, opportunities.length);
    panel.renderFilters(facets, state, strings);
    panel.setFiltersOpen(state.filtersOpen, shown.filtered);
    panel.renderLegend(graph, theme, strings, state.opportunities && shown.opportunities.size > 0);
    view.applySelection(state.selected, shown);
    applySearch();
}

function applySearch(): void {
    if (!update || !shown) return;
    const visible = shown.nodes;
    matches = searchNodes(update.graph.nodes, state.search).filter(node => visible.has(node.id));
    if (matchIndex >= matches.length) matchIndex = -1;
    const current = matchIndex >= 0 ? matches[matchIndex]?.id : undefined;
    view.applySearch(new Set(matches.map(node => node.id)), state.search.trim() !== '', current);
    panel.setSearch(state.search, matchIndex, matches.length);
}

function fit(): void {
    const bounds = view.bounds();
    // The legend floats over the bottom-left corner: the framed picture stays above it.
    const legend = panel.legendHeight();
    if (bounds && zoom.fit(bounds, { bottom: legend > 0 ? legend + 16 : 24 })) fitPending = false;
}

// The panel may have no size yet at the first update (a hidden tab): frame it when it does.
new ResizeObserver(() => {
    if (fitPending) fit();
}).observe(panel.canvas);

// --- Selection and interaction ----------------------------------------------------------

function select(actor: string | undefined, centre = false): void {
    const node = actor === undefined ? undefined : view.node(actor);
    if (actor !== undefined && (!node || node.members !== undefined)) return;
    state.selected = node?.id;
    if (shown) view.applySelection(state.selected, shown);
    if (node && centre) zoom.centreOn(node.x, node.y);
    save();
}

function activate(node: PositionedNode): void {
    if (node.members !== undefined) {
        post({ type: 'drill', group: node.id });
        return;
    }
    select(node.id);
    post({ type: 'reveal', actor: node.id });
}

panel.canvas.addEventListener('click', event => {
    const hit = view.nodeAt(event.target);
    if (hit) activate(hit.node);
});

panel.canvas.addEventListener('keydown', event => {
    const hit = view.nodeAt(event.target);
    if (hit && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        activate(hit.node);
        return;
    }
    if (event.target instanceof HTMLElement && event.target.closest('.legend-box')) return;
    const step = 60;
    const keys: Record<string, () => void> = {
        '+': () => zoom.zoomBy(1.25),
        '=': () => zoom.zoomBy(1.25),
        '-': () => zoom.zoomBy(0.8),
        '0': () => fit(),
        ArrowLeft: () => zoom.panBy(step, 0),
        ArrowRight: () => zoom.panBy(-step, 0),
        ArrowUp: () => zoom.panBy(0, step),
        ArrowDown: () => zoom.panBy(0, -step)
    };
    const action = keys[event.key];
    if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        action();
    }
});

document.addEventListener('keydown', event => {
    if (event.key !== 'Escape') return;
    tooltip.hide();
    select(undefined);
});

panel.canvas.addEventListener('pointerover', event => {
    const hit = view.nodeAt(event.target);
    if (hit && update && !panel.canvas.classList.contains('panning')) tooltip.show(hit.node, update.strings, { x: event.clientX, y: event.clientY });
});
panel.canvas.addEventListener('pointermove', event => {
    if (!tooltip.element.hidden) tooltip.move({ x: event.clientX, y: event.clientY });
});
panel.canvas.addEventListener('pointerout', event => {
    const from = view.nodeAt(event.target);
    const to = view.nodeAt(event.relatedTarget);
    if (from && from.element !== to?.element) tooltip.hide();
});
panel.canvas.addEventListener('focusin', event => {
    const hit = view.nodeAt(event.target);
    if (!hit || !update) return;
    const box = hit.element.getBoundingClientRect();
    tooltip.show(hit.node, update.strings, { x: box.right, y: box.bottom });
    hit.element.setAttribute('aria-describedby', tooltip.element.id);
});
panel.canvas.addEventListener('focusout', () => tooltip.hide());
panel.canvas.addEventListener('wheel', () => tooltip.hide(), { passive: true });

// --- Theme ------------------------------------------------------------------------------

observeTheme(() => {
    const next = readTheme();
    const key = JSON.stringify(next);
    if (key === themeKey) return;
    theme = next;
    themeKey = key;
    draw();
});

// --- Export -----------------------------------------------------------------------------

async function exportPicture(format: 'svg' | 'png'): Promise<void> {
    if (!update || !shown) return;
    const graph: PositionedGraph = visibleGraph(update.graph, shown);
    const visible = shown.opportunities;
    const options = renderOptions({ ...update, opportunities: update.opportunities.filter(o => visible.has(`${o.a}|${o.b}`)) }, state.opportunities);
    const text = exportSvg(graph, options);
    if (format === 'svg') {
        post({ type: 'export', format: 'svg', data: text });
        return;
    }
    try {
        post({ type: 'export', format: 'png', data: await exportPng(text) });
    } catch (error) {
        panel.setStatus(error instanceof Error ? error.message : String(error));
    }
}

post({ type: 'ready' });
