/**
 * The picture on screen: the renderer's SVG turned into DOM, adapted to the panel (no
 * viewBox, everything under one transformable <g>, the legend drawn as HTML instead), and the
 * classes that show filters, selection and search without drawing again.
 */
import type { PositionedGraph, PositionedNode } from '@territory/sociogram';
import { renderSociogram, type RenderOptions } from '@territory/sociogram/src/render.js';
import { SVG_NS, toDom } from './dom.js';
import type { Visibility } from './filters.js';
import type { Bounds } from './zoom-pan.js';

export class SociogramView {
    svg: SVGSVGElement | undefined;
    viewport: SVGGElement | undefined;
    private nodes = new Map<string, SVGGElement>();
    private edges = new Map<string, SVGElement>();
    private opportunities = new Map<string, SVGElement>();
    private graph: PositionedGraph | undefined;
    private byId = new Map<string, PositionedNode>();

    constructor(private readonly host: HTMLElement) {}

    render(graph: PositionedGraph, options: RenderOptions): SVGSVGElement {
        const root = toDom(renderSociogram(graph, options)) as SVGSVGElement;
        // On screen the SVG fills the panel and the transform of one <g> zooms and pans.
        for (const attribute of ['viewBox', 'width', 'height']) root.removeAttribute(attribute);
        // A group, not an image: the nodes inside are buttons a screen reader must reach.
        root.setAttribute('role', 'group');
        const viewport = document.createElementNS(SVG_NS, 'g');
        viewport.setAttribute('class', 'viewport');
        for (const child of Array.from(root.childNodes)) {
            const element = child as Element;
            // The legend is HTML on screen (it wraps and stays put while zooming); the page is the background.
            if (element.classList?.contains('legend') || element.classList?.contains('background')) child.remove();
            else if (element.tagName !== 'defs') viewport.appendChild(child);
        }
        root.appendChild(viewport);
        this.graph = graph;
        this.byId = new Map(graph.nodes.map(node => [node.id, node]));
        this.nodes.clear();
        this.edges.clear();
        this.opportunities.clear();
        for (const node of Array.from(root.querySelectorAll<SVGGElement>('g.node'))) {
            const id = node.getAttribute('data-actor') ?? node.getAttribute('data-group');
            if (id === null) continue;
            this.nodes.set(id, node);
            // The hover card replaces the native tooltip; keyboard users reach nodes with Tab.
            node.querySelector(':scope > title')?.remove();
            node.setAttribute('tabindex', '0');
            node.setAttribute('role', 'button');
            const data = this.byId.get(id);
            node.setAttribute('aria-label', data ? (data.label === id ? id : `${data.label} (${id})`) : id);
        }
        this.markMajor(graph);
        for (const edge of Array.from(root.querySelectorAll<SVGElement>('.edge'))) this.edges.set(edge.getAttribute('data-tie') ?? '', edge);
        for (const line of Array.from(root.querySelectorAll<SVGElement>('.opportunity'))) this.opportunities.set(line.getAttribute('data-opportunity') ?? '', line);
        if (this.svg) this.svg.replaceWith(root);
        else this.host.prepend(root);
        this.svg = root;
        this.viewport = viewport;
        return root;
    }

    /**
     * The actors whose labels stay when zoomed out: the largest nodes (by the view's size
     * figure), about one in eight.
     */
    private markMajor(graph: PositionedGraph): void {
        const ranked = [...graph.nodes].sort((a, b) => b.radius - a.radius || b.degree - a.degree);
        const count = Math.max(8, Math.ceil(graph.nodes.length / 8));
        const major = new Set(ranked.slice(0, count).map(node => node.id));
        for (const [id, element] of this.nodes) element.classList.toggle('major', major.has(id));
    }

    /**
     * Labels follow the zoom, between 9 and 14 px on screen: zoomed out they stop shrinking
     * (their size in the picture grows, up to twice), zoomed in they stop growing (more of
     * them fit); below about 70 % only the major actors' labels remain (and those of
     * selected, matched, hovered or focused actors).
     */
    setZoom(k: number): void {
        if (!this.svg) return;
        const size = k < 1 ? Math.min(22, Math.max(11, 9 / k)) : Math.min(11, 14 / k);
        this.svg.style.setProperty('--label-size', `${Math.round(size * 10) / 10}px`);
        this.svg.classList.toggle('far', 11 * k < 7.5 && this.nodes.size > 12);
    }

    node(id: string): PositionedNode | undefined {
        return this.byId.get(id);
    }

    nodeElement(id: string): SVGGElement | undefined {
        return this.nodes.get(id);
    }

    /** The node element an event happened on, if any. */
    nodeAt(target: EventTarget | null): { element: SVGGElement; node: PositionedNode } | undefined {
        const element = target instanceof Element ? target.closest<SVGGElement>('g.node') : null;
        if (!element || !this.svg?.contains(element)) return undefined;
        const id = element.getAttribute('data-actor') ?? element.getAttribute('data-group');
        const node = id === null ? undefined : this.byId.get(id);
        return node ? { element, node } : undefined;
    }

    applyVisibility(shown: Visibility, opportunitiesOn: boolean): void {
        for (const [id, element] of this.nodes) element.classList.toggle('is-hidden', !shown.nodes.has(id));
        for (const [id, element] of this.edges) element.classList.toggle('is-hidden', !shown.edges.has(id));
        for (const [id, element] of this.opportunities) element.classList.toggle('is-hidden', !opportunitiesOn || !shown.opportunities.has(id));
    }

    /** Highlights an actor's ego network (its visible ties and neighbours); others are dimmed. */
    applySelection(selected: string | undefined, shown: Visibility): void {
        const graph = this.graph;
        const active = !!graph && selected !== undefined && this.nodes.has(selected);
        this.svg?.classList.toggle('has-selection', active);
        const neighbours = new Set<string>();
        const ego = new Set<string>();
        if (active && graph) {
            for (const edge of graph.edges) {
                if (!shown.edges.has(edge.id) || (edge.source !== selected && edge.target !== selected)) continue;
                ego.add(edge.id);
                neighbours.add(edge.source === selected ? edge.target : edge.source);
            }
        }
        for (const [id, element] of this.nodes) {
            element.classList.toggle('selected', active && id === selected);
            element.classList.toggle('neighbour', active && neighbours.has(id));
            if (active && id === selected) element.setAttribute('aria-pressed', 'true');
            else element.removeAttribute('aria-pressed');
        }
        for (const [id, element] of this.edges) element.classList.toggle('ego', ego.has(id));
        for (const [id, element] of this.opportunities) {
            const [a, b] = id.split('|');
            element.classList.toggle('ego', active && (a === selected || b === selected));
        }
    }

    applySearch(matches: ReadonlySet<string>, searching: boolean, current?: string): void {
        this.svg?.classList.toggle('searching', searching);
        for (const [id, element] of this.nodes) {
            element.classList.toggle('match', matches.has(id));
            element.classList.toggle('current-match', id === current);
        }
    }

    /** What is drawn and visible, in graph coordinates (for `fit`). */
    bounds(): Bounds | undefined {
        if (!this.viewport || !this.graph || this.graph.nodes.length === 0) return undefined;
        const box = this.viewport.getBBox();
        if (box.width > 0 && box.height > 0) return { x: box.x, y: box.y, width: box.width, height: box.height };
        return { x: 0, y: 0, width: Math.max(1, this.graph.width), height: Math.max(1, this.graph.height) };
    }
}
