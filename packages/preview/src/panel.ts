/**
 * The preview's HTML around the picture: a toolbar (back, title, search, zoom, layout,
 * opportunities overlay, filters, export), the filter panel, the legend, a notice for the
 * layout's note and a status line. Every word comes from the update's strings and is set with
 * textContent; colours come from the theme through the CSSOM.
 */
import type { LayoutAlgorithm, PositionedGraph } from '@territory/sociogram';
import { groupColours, colourByTitle, relationColours, type Theme } from '@territory/sociogram/src/render.js';
import type { PreviewStrings, ToPreview } from './protocol.js';
import type { Facet, UiState } from './state.js';
import { html, svg } from './dom.js';
import { NONE, effectiveMinWeight, offered, type Facets } from './filters.js';

export interface PanelHandlers {
    back(): void;
    zoomIn(): void;
    zoomOut(): void;
    fit(): void;
    search(text: string): void;
    /** Enter in the search box: centre the next match (the previous one with Shift). */
    searchNext(backwards: boolean): void;
    layout(algorithm: LayoutAlgorithm): void;
    opportunities(on: boolean): void;
    filter(facet: Facet, value: string, shown: boolean): void;
    showAll(facet: Facet): void;
    minWeight(weight: number): void;
    filtersOpen(open: boolean): void;
    legendOpen(open: boolean): void;
    export(format: 'svg' | 'png'): void;
}

const FACET_WORDS: Record<Facet, keyof PreviewStrings> = { relations: 'relations', kinds: 'kinds', zones: 'zones', interests: 'interests' };

export class Panel {
    readonly app: HTMLDivElement;
    readonly canvas: HTMLDivElement;
    readonly searchInput: HTMLInputElement;
    private readonly backButton: HTMLButtonElement;
    private readonly title: HTMLHeadingElement;
    private readonly searchCount: HTMLSpanElement;
    private readonly zoomOutButton: HTMLButtonElement;
    private readonly zoomInButton: HTMLButtonElement;
    private readonly fitButton: HTMLButtonElement;
    private readonly layoutLabel: HTMLSpanElement;
    private readonly layoutSelect: HTMLSelectElement;
    private readonly opportunitiesBox: HTMLInputElement;
    private readonly opportunitiesLabel: HTMLSpanElement;
    private readonly filtersButton: HTMLButtonElement;
    private readonly svgButton: HTMLButtonElement;
    private readonly pngButton: HTMLButtonElement;
    private readonly notice: HTMLDivElement;
    private readonly filters: HTMLElement;
    private readonly legend: HTMLDivElement;
    private readonly legendButton: HTMLButtonElement;
    private readonly legendBody: HTMLDivElement;
    private readonly empty: HTMLDivElement;
    private readonly status: HTMLDivElement;
    private filtersKey = '';
    private strings: PreviewStrings | undefined;

    constructor(parent: HTMLElement, private readonly handlers: PanelHandlers) {
        this.app = html('div', 'app waiting');
        const toolbar = html('header', 'toolbar');
        toolbar.setAttribute('role', 'toolbar');

        this.backButton = button('back', () => handlers.back());
        this.backButton.hidden = true;
        this.title = html('h1', 'title');
        this.title.dir = 'auto';

        const search = html('div', 'search');
        this.searchInput = html('input', 'search-input');
        this.searchInput.type = 'search';
        this.searchInput.spellcheck = false;
        this.searchInput.addEventListener('input', () => handlers.search(this.searchInput.value));
        this.searchInput.addEventListener('keydown', event => {
            if (event.key === 'Enter') {
                event.preventDefault();
                handlers.searchNext(event.shiftKey);
            } else if (event.key === 'Escape' && this.searchInput.value) {
                event.preventDefault();
                event.stopPropagation();
                this.searchInput.value = '';
                handlers.search('');
            }
        });
        this.searchCount = html('span', 'search-count');
        this.searchCount.setAttribute('aria-live', 'polite');
        search.append(this.searchInput, this.searchCount);

        const zoom = html('div', 'group zoom');
        this.zoomOutButton = button('zoom-out', () => handlers.zoomOut(), '−');
        this.zoomInButton = button('zoom-in', () => handlers.zoomIn(), '+');
        this.fitButton = button('fit', () => handlers.fit());
        zoom.append(this.zoomOutButton, this.zoomInButton, this.fitButton);

        const layout = html('label', 'layout');
        this.layoutLabel = html('span', 'label-text');
        this.layoutSelect = html('select', 'layout-select');
        this.layoutSelect.addEventListener('change', () => handlers.layout(this.layoutSelect.value as LayoutAlgorithm));
        layout.append(this.layoutLabel, this.layoutSelect);

        const overlay = html('label', 'toggle opportunities-toggle');
        this.opportunitiesBox = html('input');
        this.opportunitiesBox.type = 'checkbox';
        this.opportunitiesBox.addEventListener('change', () => handlers.opportunities(this.opportunitiesBox.checked));
        this.opportunitiesLabel = html('span');
        const dots = svg('svg', { class: 'line-swatch opportunity-swatch', width: 22, height: 10, 'aria-hidden': 'true' });
        dots.appendChild(svg('line', { x1: 2, y1: 5, x2: 20, y2: 5 }));
        overlay.append(this.opportunitiesBox, dots, this.opportunitiesLabel);

        this.filtersButton = button('filters-toggle', () => handlers.filtersOpen(this.filtersButton.getAttribute('aria-expanded') !== 'true'));
        this.filtersButton.setAttribute('aria-controls', 'territory-filters');

        const exports = html('div', 'group export');
        this.svgButton = button('export-svg', () => handlers.export('svg'));
        this.pngButton = button('export-png', () => handlers.export('png'));
        exports.append(this.svgButton, this.pngButton);

        toolbar.append(this.backButton, this.title, search, zoom, layout, overlay, this.filtersButton, exports);

        this.notice = html('div', 'notice');
        this.notice.setAttribute('role', 'note');
        this.notice.hidden = true;

        const body = html('div', 'body');
        this.filters = html('aside', 'filters');
        this.filters.id = 'territory-filters';
        this.filters.hidden = true;
        this.canvas = html('div', 'canvas');
        this.canvas.tabIndex = 0;
        this.canvas.setAttribute('role', 'group');

        this.legend = html('div', 'legend-box');
        this.legendButton = button('legend-toggle', () => handlers.legendOpen(this.legendButton.getAttribute('aria-expanded') !== 'true'));
        this.legendButton.setAttribute('aria-controls', 'territory-legend');
        this.legendBody = html('div', 'legend-body');
        this.legendBody.id = 'territory-legend';
        this.legend.append(this.legendButton, this.legendBody);
        this.empty = html('div', 'empty');
        this.empty.hidden = true;
        this.canvas.append(this.legend, this.empty);
        body.append(this.filters, this.canvas);

        this.status = html('div', 'status');
        this.status.setAttribute('role', 'status');
        this.status.setAttribute('aria-live', 'polite');

        this.app.append(toolbar, this.notice, body, this.status);
        parent.appendChild(this.app);
    }

    /** Words of the UI: set on every update (the extension may change language). */
    setStrings(strings: PreviewStrings): void {
        this.strings = strings;
        this.app.classList.remove('waiting');
        label(this.backButton, `← ${strings.back}`, strings.back);
        this.searchInput.placeholder = strings.search;
        this.searchInput.setAttribute('aria-label', strings.search);
        this.searchInput.title = strings.search;
        label(this.zoomOutButton, '−', strings.zoomOut);
        label(this.zoomInButton, '+', strings.zoomIn);
        label(this.fitButton, strings.fit, strings.fit);
        this.layoutLabel.textContent = strings.layout;
        this.opportunitiesLabel.textContent = strings.opportunities;
        this.opportunitiesBox.title = strings.opportunities;
        label(this.filtersButton, strings.filters, strings.filters);
        label(this.svgButton, strings.exportSvg, strings.exportSvg);
        label(this.pngButton, strings.exportPng, strings.exportPng);
        this.filters.setAttribute('aria-label', strings.filters);
        this.legend.setAttribute('aria-label', strings.legend);
        label(this.legendButton, strings.legend, strings.legend);
        this.empty.textContent = strings.empty;
    }

    setTitle(title: string): void {
        this.title.textContent = title;
        this.title.title = title;
        this.canvas.setAttribute('aria-label', title);
    }

    setDrilled(drilled: boolean): void {
        this.backButton.hidden = !drilled;
    }

    setLayouts(layouts: ToPreview.Update['layouts'], requested: LayoutAlgorithm): void {
        const options = layouts.map(({ algorithm, usable, reason }) => {
            const option = html('option', undefined, algorithm);
            option.value = algorithm;
            option.disabled = !usable;
            if (reason) option.title = reason;
            option.selected = algorithm === requested;
            return option;
        });
        this.layoutSelect.replaceChildren(...options);
        const reasons = layouts.filter(layout => !layout.usable && layout.reason).map(layout => `${layout.algorithm}: ${layout.reason}`);
        const words = this.strings?.layout ?? '';
        this.layoutSelect.title = [words, ...reasons].join('\n');
        this.layoutSelect.setAttribute('aria-label', words);
        this.layoutSelect.disabled = layouts.length === 0;
    }

    setOpportunities(on: boolean, available: number): void {
        this.opportunitiesBox.checked = on;
        this.opportunitiesBox.disabled = available === 0;
    }

    setNotice(text: string | undefined): void {
        this.notice.textContent = text ?? '';
        this.notice.hidden = !text;
    }

    setStatus(text: string, busy = false): void {
        this.status.textContent = text;
        this.status.classList.toggle('busy', busy);
        this.app.setAttribute('aria-busy', String(busy));
    }

    setEmpty(empty: boolean): void {
        this.empty.hidden = !empty;
    }

    setSearch(text: string, current: number, matches: number): void {
        if (this.searchInput.value !== text) this.searchInput.value = text;
        this.searchCount.textContent = text.trim() ? (matches > 0 && current >= 0 ? `${current + 1}/${matches}` : String(matches)) : '';
        this.searchInput.classList.toggle('no-match', !!text.trim() && matches === 0);
    }

    setFiltersOpen(open: boolean, active: boolean): void {
        this.filters.hidden = !open;
        this.filtersButton.setAttribute('aria-expanded', String(open));
        this.filtersButton.classList.toggle('active', active);
    }

    /** The height the legend takes at the bottom of the canvas (0 when folded). */
    legendHeight(): number {
        return this.legendBody.hidden ? 0 : this.legend.offsetHeight;
    }

    setLegendOpen(open: boolean): void {
        this.legendBody.hidden = !open;
        this.legendButton.setAttribute('aria-expanded', String(open));
    }

    /** The filter panel's lists: rebuilt only when the values or words change (keeps the focus). */
    renderFilters(facets: Facets, state: Pick<UiState, 'hidden' | 'minWeight'>, strings: PreviewStrings): void {
        const key = JSON.stringify([facets, state.hidden, state.minWeight, strings]);
        if (key === this.filtersKey) return;
        this.filtersKey = key;
        const focused = document.activeElement instanceof HTMLElement && this.filters.contains(document.activeElement) ? document.activeElement.dataset.focusKey : undefined;
        const sections: HTMLElement[] = [];
        for (const facet of ['relations', 'kinds', 'zones', 'interests'] as const) {
            if (!offered(facets, facet)) continue;
            const section = html('fieldset', 'facet');
            section.dataset.facet = facet;
            const legend = html('legend', undefined, strings[FACET_WORDS[facet]]);
            const all = button('show-all', () => this.handlers.showAll(facet), '✓');
            all.title = all.ariaLabel = `${strings[FACET_WORDS[facet]]}: ✓`;
            all.dataset.focusKey = `${facet}:*`;
            all.disabled = state.hidden[facet].length === 0;
            const header = html('div', 'facet-header');
            header.append(legend, all);
            section.appendChild(header);
            const hidden = new Set(state.hidden[facet]);
            for (const { value, count } of facets[facet]) {
                const row = html('label', 'facet-value');
                const box = html('input');
                box.type = 'checkbox';
                box.checked = !hidden.has(value);
                box.value = value;
                box.dataset.focusKey = `${facet}:${value}`;
                box.addEventListener('change', () => this.handlers.filter(facet, value, box.checked));
                const name = html('span', 'facet-name', value === NONE ? '—' : value);
                name.dir = 'auto';
                row.append(box, name, html('span', 'facet-count', String(count)));
                section.appendChild(row);
            }
            sections.push(section);
        }
        const weight = html('fieldset', 'facet weight');
        const minimum = effectiveMinWeight(state, facets);
        const weightLegend = html('legend', undefined, strings.minimumWeight);
        const slider = html('input', 'weight-slider');
        slider.type = 'range';
        slider.min = '0';
        slider.max = String(Math.max(1, Math.ceil(facets.maxWeight)));
        slider.step = '1';
        slider.value = String(minimum);
        slider.disabled = facets.maxWeight <= 1;
        slider.setAttribute('aria-label', strings.minimumWeight);
        slider.dataset.focusKey = 'weight';
        const output = html('output', 'weight-value', String(minimum));
        slider.addEventListener('input', () => {
            output.textContent = slider.value;
            this.handlers.minWeight(Number(slider.value));
        });
        const row = html('div', 'weight-row');
        row.append(slider, output);
        weight.append(weightLegend, row);
        sections.push(weight);
        this.filters.replaceChildren(...sections);
        if (focused) (this.filters.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus();
    }

    /** The legend: what colours, sizes and line styles mean. */
    renderLegend(graph: PositionedGraph, theme: Theme, strings: PreviewStrings, opportunitiesShown: boolean): void {
        const entries: HTMLElement[] = [];
        const title = html('div', 'legend-title', colourByTitle(graph, { strings }));
        entries.push(title);
        const list = html('ul', 'legend-list');
        for (const [group, colour] of groupColours(graph, theme)) {
            const item = html('li');
            const swatch = html('span', 'swatch');
            swatch.style.backgroundColor = colour;
            const name = html('span', undefined, graph.colorBy.kind === 'community' ? `#${group}` : group);
            name.dir = 'auto';
            item.append(swatch, name);
            list.appendChild(item);
        }
        entries.push(list);
        const lines = html('ul', 'legend-list legend-lines');
        const sizeWord = (strings as unknown as Record<string, string | undefined>)[graph.sizeBy] ?? graph.sizeBy;
        const sizes = html('li');
        const circles = svg('svg', { class: 'size-swatch', width: 26, height: 16, 'aria-hidden': 'true' });
        circles.append(svg('circle', { cx: 5, cy: 10, r: 3 }), svg('circle', { cx: 18, cy: 8, r: 7 }));
        sizes.append(circles, html('span', undefined, sizeWord));
        lines.appendChild(sizes);
        for (const [relation, colour] of relationColours(graph, theme)) {
            if (colour !== theme.negative) lines.appendChild(lineEntry('relation-swatch', relation, colour));
        }
        lines.appendChild(lineEntry('negative-swatch', strings.negative, theme.negative));
        if (opportunitiesShown) lines.appendChild(lineEntry('opportunity-swatch', strings.opportunity, theme.opportunity));
        entries.push(lines);
        this.legendBody.replaceChildren(...entries);
    }
}

function button(className: string, onClick: () => void, text?: string): HTMLButtonElement {
    const element = html('button', className, text);
    element.type = 'button';
    element.addEventListener('click', onClick);
    return element;
}

function label(element: HTMLElement, text: string, description: string): void {
    element.textContent = text;
    element.title = description;
    element.setAttribute('aria-label', description);
}

function lineEntry(className: string, text: string, colour: string): HTMLLIElement {
    const item = html('li');
    const line = svg('svg', { class: `line-swatch ${className}`, width: 26, height: 10, 'aria-hidden': 'true' });
    const stroke = svg('line', { x1: 2, y1: 5, x2: 24, y2: 5 });
    stroke.style.stroke = colour;
    line.appendChild(stroke);
    item.append(line, html('span', undefined, text));
    return item;
}
