import type { PositionedGraph, PositionedNode } from './layout.js';

/**
 * A renderer-neutral SVG tree: the preview turns it into DOM nodes (text as text nodes), the
 * CLI and the export into a string (escaped). One drawing code for both, so an exported SVG
 * is the picture the preview shows.
 */
export interface SvgElement {
    readonly tag: string;
    readonly attrs: Readonly<Record<string, string | number>>;
    readonly children: ReadonlyArray<SvgElement | string>;
}

export function el(tag: string, attrs: Record<string, string | number | undefined>, children: Array<SvgElement | string> = []): SvgElement {
    const clean: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(attrs)) if (value !== undefined) clean[key] = value;
    return { tag, attrs: clean, children };
}

/** Concrete colours: the preview reads them from VS Code's theme, the CLI uses the light defaults. */
export interface Theme {
    readonly background: string;
    readonly foreground: string;
    readonly muted: string;
    readonly edge: string;
    readonly negative: string;
    readonly opportunity: string;
    readonly highlight: string;
    readonly groupFill: string;
    readonly font: string;
    /** Categorical colours for groups (communities, kinds, zones…). */
    readonly palette: readonly string[];
}

export const LIGHT_THEME: Theme = {
    background: '#ffffff',
    foreground: '#1f1f1f',
    muted: '#6b6b6b',
    edge: '#8a8a8a',
    negative: '#d32f2f',
    opportunity: '#2e7d32',
    highlight: '#f9a825',
    groupFill: 'rgba(127,127,127,0.07)',
    font: 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif',
    // Okabe–Ito and Tableau colours: distinguishable for colour-blind readers.
    palette: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f7f7f', '#bcbd22', '#8c564b', '#17becf', '#9467bd', '#f0e442',
        '#aec7e8', '#ffbb78', '#98df8a', '#ff9896', '#c5b0d5', '#c49c94']
};

/** Fixed colours for statuses and stances, whose meaning does not change between models. */
const MEANINGFUL_COLOURS: Record<string, string> = {
    popular: '#2e7d32', rejected: '#c62828', neglected: '#9e9e9e', controversial: '#ef6c00', average: '#1976d2', unclassified: '#7e57c2',
    supports: '#2e7d32', opposes: '#c62828', 'no position': '#9e9e9e'
};

export interface RenderOptions {
    readonly theme?: Theme;
    /** Synergy opportunities to draw as dotted edges between actors not yet tied. */
    readonly opportunities?: ReadonlyArray<{ a: string; b: string; convergence: number }>;
    /** Words of the legend, in the user's language (the colour titles default to the English figure names). */
    readonly strings?: Partial<Record<'legend' | 'negative' | 'opportunity' | 'members' | 'community' | 'kind' | 'zone' | 'status' | 'interests', string>>;
    /** Longest label drawn in full; longer ones end with "…" (the full text is in the tooltip). */
    readonly maxLabel?: number;
}

/** The colour of each group of the view, stable for a given set of groups. */
export function groupColours(graph: PositionedGraph, theme: Theme): Map<string, string> {
    const groups = [...new Set(graph.nodes.map(node => node.group))].sort((a, b) => {
        const na = Number(a), nb = Number(b);
        return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a < b ? -1 : a > b ? 1 : 0;
    });
    const colours = new Map<string, string>();
    groups.forEach((group, i) => colours.set(group, MEANINGFUL_COLOURS[group] ?? theme.palette[i % theme.palette.length]));
    return colours;
}

/**
 * Whether a text reads right to left: its first strong character is Hebrew, Arabic, Syriac,
 * Thaana, N'Ko… (the rule of `unicode-bidi: plaintext`). Written as an explicit `direction`
 * too, for SVG viewers that ignore `plaintext`.
 */
export function isRightToLeft(text: string): boolean {
    const strong = /[\p{L}]/u.exec(text);
    return !!strong && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}]|[\u{1E800}-\u{1EFFF}]/u.test(strong[0]);
}

/** Attributes of a label: its direction, and a halo in the background colour so it reads over edges. */
function labelAttrs(text: string, theme: Theme): Record<string, string | number | undefined> {
    return {
        class: 'label',
        fill: theme.foreground,
        stroke: theme.background,
        'stroke-width': 3,
        'stroke-linejoin': 'round',
        'stroke-opacity': 0.85,
        'paint-order': 'stroke',
        direction: isRightToLeft(text) ? 'rtl' : undefined,
        style: 'unicode-bidi: plaintext'
    };
}

/**
 * The colour of each relation's edges. Built-in relations keep one colour in every model
 * (a coach learns them once); declared ones take the remaining colours in name order.
 * Negative relations are always the theme's red, drawn dashed.
 */
const RELATION_COLOURS: Record<string, string> = {
    collaboration: '#4c78a8', trust: '#2ca02c', information: '#17becf', advice: '#9467bd',
    funding: '#e0a100', authority: '#8c564b', influence: '#ff7f0e', membership: '#7f7f7f',
    // the summed ties between groups of an aggregated view
    ties: '#8a8a8a'
};
const OTHER_RELATION_COLOURS = ['#e377c2', '#bcbd22', '#1f77b4', '#98df8a', '#c49c94', '#aec7e8'];

export function relationColours(graph: Pick<PositionedGraph, 'edges'>, theme: Theme): Map<string, string> {
    const relations = [...new Set(graph.edges.map(edge => edge.relation))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const colours = new Map<string, string>();
    let next = 0;
    for (const relation of relations) {
        const negative = graph.edges.some(edge => edge.relation === relation && edge.polarity === 'negative');
        colours.set(relation, negative ? theme.negative : RELATION_COLOURS[relation] ?? OTHER_RELATION_COLOURS[next++ % OTHER_RELATION_COLOURS.length]);
    }
    return colours;
}

export function truncate(label: string, max: number): string {
    const chars = Array.from(label);
    return chars.length <= max ? label : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The sociogram as an SVG tree, with a `data-actor` hook on every node and `data-tie` on every edge. */
export function renderSociogram(graph: PositionedGraph, options: RenderOptions = {}): SvgElement {
    const theme = options.theme ?? LIGHT_THEME;
    const maxLabel = options.maxLabel ?? 28;
    const colours = groupColours(graph, theme);
    const edgeColours = relationColours(graph, theme);
    const byId = new Map(graph.nodes.map(node => [node.id, node]));
    const maxWeight = Math.max(1, ...graph.edges.map(edge => edge.weight));
    const box = extent(graph, maxLabel);
    const legend = renderLegend(graph, colours, theme, options, box);
    const legendHeight = Number(legend.attrs['data-height']);
    const top = box.minY - legendHeight;
    const width = round(box.maxX - box.minX);
    const height = round(box.maxY - top);

    const groups = graph.groups.map(group => el('g', { class: 'group', 'data-group': group.id }, [
        el('rect', { x: group.x, y: group.y, width: group.width, height: group.height, rx: 12, fill: theme.groupFill, stroke: 'none' }),
        el('text', { class: 'group-label', x: round(group.x + 10), y: round(group.y + 16), fill: theme.muted, 'font-size': 12, style: 'unicode-bidi: plaintext' },
            [truncate(group.label, Math.max(6, Math.floor(group.width / 7.5)))])
    ]));
    const edges = graph.edges.flatMap(edge => {
        const source = byId.get(edge.source);
        const target = byId.get(edge.target);
        if (!source || !target) return [];
        const [x1, y1, x2, y2] = clip(source, target, edge.directed);
        const negative = edge.polarity === 'negative';
        return [el('line', {
            class: negative ? 'edge negative' : 'edge',
            'data-tie': edge.id,
            'data-relation': edge.relation,
            'data-weight': edge.weight,
            x1, y1, x2, y2,
            stroke: negative ? theme.negative : edgeColours.get(edge.relation) ?? theme.edge,
            'stroke-width': round(0.8 + 2.7 * (edge.weight / maxWeight)),
            'stroke-dasharray': negative ? '6 4' : undefined,
            // Ties between clusters are drawn lighter: the eye follows the clusters first.
            'stroke-opacity': source.group === target.group ? 0.8 : 0.2,
            'marker-end': edge.directed ? (negative ? 'url(#arrow-negative)' : 'url(#arrow)') : undefined
        }, [el('title', {}, [`${edge.source} → ${edge.relation} → ${edge.target}${edge.ties && edge.ties > 1 ? ` (${edge.ties})` : ''}, weight ${edge.weight}`])])];
    });
    const opportunities = (options.opportunities ?? []).flatMap(o => {
        const a = byId.get(o.a);
        const b = byId.get(o.b);
        if (!a || !b) return [];
        const [x1, y1, x2, y2] = clip(a, b, false);
        return [el('line', {
            class: 'opportunity', 'data-opportunity': `${o.a}|${o.b}`, x1, y1, x2, y2,
            stroke: theme.opportunity, 'stroke-width': 2, 'stroke-dasharray': '2 5', 'stroke-linecap': 'round'
        }, [el('title', {}, [`${options.strings?.opportunity ?? 'Synergy opportunity'}: ${o.a} — ${o.b} (${o.convergence})`])])];
    });
    const nodes = graph.nodes.map(node => renderNode(node, colours.get(node.group) ?? theme.palette[0], theme, maxLabel, options));
    return el('svg', {
        xmlns: 'http://www.w3.org/2000/svg',
        class: 'sociogram',
        viewBox: `${round(box.minX)} ${round(top)} ${width} ${height}`,
        width,
        height,
        'font-family': theme.font,
        'font-size': 11
    }, [
        el('defs', {}, [arrow('arrow', theme.edge), arrow('arrow-negative', theme.negative)]),
        el('rect', { class: 'background', x: round(box.minX), y: round(top), width, height, fill: theme.background }),
        legend,
        el('g', { class: 'groups' }, groups),
        el('g', { class: 'edges' }, edges),
        el('g', { class: 'opportunities' }, opportunities),
        el('g', { class: 'nodes' }, nodes)
    ]);
}

function renderNode(node: PositionedNode, colour: string, theme: Theme, maxLabel: number, options: RenderOptions): SvgElement {
    const tooltip = node.members !== undefined
        ? `${node.label}: ${node.members} ${options.strings?.members ?? 'actors'}`
        : `${node.label}${node.label !== node.id ? ` (${node.id})` : ''}${node.kind ? ` · ${node.kind}` : ''}${node.zone ? ` · ${node.zone}` : ''}`;
    return el('g', {
        class: node.members !== undefined ? 'node group-node' : 'node',
        'data-actor': node.members === undefined ? node.id : undefined,
        'data-group': node.members !== undefined ? node.id : undefined,
        'data-kind': node.kind,
        'data-zone': node.zone,
        'data-colour-group': node.group,
        'data-interests': node.interests?.join(' '),
        transform: `translate(${node.x},${node.y})`
    }, [
        el('title', {}, [tooltip]),
        el('circle', { r: node.radius, fill: colour, stroke: theme.background, 'stroke-width': 1.5 }),
        // `plaintext`: each label takes its direction from its own first letter (Arabic labels read right to left).
        el('text', { ...labelAttrs(node.label, theme), y: round(node.radius + 12), 'text-anchor': 'middle' }, [truncate(node.label, maxLabel)])
    ]);
}

/** Average advance of a character at 11 px, to estimate a label's width without a font. */
const CHAR_WIDTH = 6.5;

interface Extent {
    readonly minX: number;
    readonly minY: number;
    readonly maxX: number;
    readonly maxY: number;
}

/** The layout's box, widened to the labels (centred under their nodes) that overflow it. */
function extent(graph: PositionedGraph, maxLabel: number): Extent {
    let minX = 0, minY = 0, maxX = Math.max(graph.width, 320), maxY = graph.height;
    for (const node of graph.nodes) {
        const half = Math.max(node.radius + 2, (CHAR_WIDTH * Array.from(truncate(node.label, maxLabel)).length) / 2 + 4);
        minX = Math.min(minX, node.x - half);
        maxX = Math.max(maxX, node.x + half);
        minY = Math.min(minY, node.y - node.radius - 4);
        maxY = Math.max(maxY, node.y + node.radius + 18);
    }
    return { minX, minY, maxX, maxY };
}

function renderLegend(graph: PositionedGraph, colours: Map<string, string>, theme: Theme, options: RenderOptions, box: Extent): SvgElement {
    // Entries flow left to right and wrap within the picture's width (a kind or zone legend can be long).
    const maxWidth = box.maxX - box.minX - 12;
    const rowHeight = 18;
    const entries: SvgElement[] = [];
    let x = 12;
    let row = 0;
    const place = (width: number): number => {
        if (x > 12 && x + width > maxWidth) {
            x = 12;
            row++;
        }
        const at = x;
        x += width;
        return at;
    };
    const y = () => 18 + row * rowHeight;
    const textWidth = (text: string) => CHAR_WIDTH * Array.from(text).length;
    const colourTitle = colourByTitle(graph, options);
    const title = `${colourTitle}:`;
    entries.push(el('text', { x: place(textWidth(title) + 10), y: y() + 4, fill: theme.muted }, [title]));
    for (const [group, colour] of [...colours].slice(0, 30)) {
        const name = truncate(graph.colorBy.kind === 'community' ? `#${group}` : group, 18);
        const at = place(24 + textWidth(name));
        entries.push(el('circle', { cx: at + 5, cy: y(), r: 5, fill: colour }));
        entries.push(el('text', { ...legendText(), x: at + 14, y: y() + 4, fill: theme.foreground }, [name]));
    }
    if (colours.size > 30) entries.push(el('text', { x: place(30), y: y() + 4, fill: theme.muted }, ['…']));
    let at: number;
    for (const [relation, colour] of relationColours(graph, theme)) {
        if (colour === theme.negative) continue;
        at = place(44 + textWidth(relation));
        entries.push(el('line', { x1: at + 4, y1: y(), x2: at + 28, y2: y(), stroke: colour, 'stroke-width': 2 }));
        entries.push(el('text', { ...legendText(), x: at + 32, y: y() + 4, fill: theme.foreground }, [relation]));
    }
    const negative = options.strings?.negative ?? 'negative tie';
    at = place(44 + textWidth(negative));
    entries.push(el('line', { x1: at + 4, y1: y(), x2: at + 28, y2: y(), stroke: theme.negative, 'stroke-width': 2, 'stroke-dasharray': '6 4' }));
    entries.push(el('text', { ...legendText(), x: at + 32, y: y() + 4, fill: theme.foreground }, [negative]));
    if (options.opportunities?.length) {
        const opportunity = options.strings?.opportunity ?? 'synergy opportunity';
        at = place(44 + textWidth(opportunity));
        entries.push(el('line', { x1: at + 4, y1: y(), x2: at + 28, y2: y(), stroke: theme.opportunity, 'stroke-width': 2, 'stroke-dasharray': '2 5', 'stroke-linecap': 'round' }));
        entries.push(el('text', { ...legendText(), x: at + 32, y: y() + 4, fill: theme.foreground }, [opportunity]));
    }
    const height = 36 + row * rowHeight;
    // The legend sits above the picture, its first row 18 below the top.
    return el('g', { class: 'legend', 'data-height': height, transform: `translate(${round(box.minX)},${round(box.minY - height)})` }, entries);
}

/** The legend's title for the view's colours, in the user's language when given. */
export function colourByTitle(graph: Pick<PositionedGraph, 'colorBy'>, options: Pick<RenderOptions, 'strings'> = {}): string {
    const words = options.strings ?? {};
    switch (graph.colorBy.kind) {
        case 'stance': return words.interests ? `${words.interests}: ${graph.colorBy.interest}` : `stance on ${graph.colorBy.interest}`;
        default: return words[graph.colorBy.kind] ?? graph.colorBy.kind;
    }
}

// No explicit `direction` here: it would turn `text-anchor: start` into "ends at x" and
// overlap the entry before; `plaintext` still orders the letters of a right-to-left name.
function legendText(): Record<string, string | undefined> {
    return { style: 'unicode-bidi: plaintext' };
}

function arrow(id: string, colour: string): SvgElement {
    return el('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [
        el('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: colour })
    ]);
}

/** The segment between two nodes' circles (so arrows end at the circle's edge). */
function clip(a: PositionedNode, b: PositionedNode, directed: boolean): [number, number, number, number] {
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.sqrt(dx * dx + dy * dy) || 1;
    const ux = dx / length;
    const uy = dy / length;
    const end = b.radius + (directed ? 2 : 0);
    return [round(a.x + ux * a.radius), round(a.y + uy * a.radius), round(b.x - ux * end), round(b.y - uy * end)];
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeXml(text: string): string {
    // Control characters other than tab and line breaks are not allowed in XML at all.
    return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD').replace(/[&<>"']/g, char => ESCAPES[char]);
}

/** A standalone SVG document: every model text escaped, styles inline. */
export function toSvgString(element: SvgElement): string {
    const write = (node: SvgElement | string): string => {
        if (typeof node === 'string') return escapeXml(node);
        const attrs = Object.entries(node.attrs).map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`).join('');
        return node.children.length === 0 ? `<${node.tag}${attrs}/>` : `<${node.tag}${attrs}>${node.children.map(write).join('')}</${node.tag}>`;
    };
    return `<?xml version="1.0" encoding="UTF-8"?>\n${write(element)}\n`;
}
