import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { compareNames } from '@territory/analysis';
import { forceLayout } from './force-layout.js';
import type { ViewEdge, ViewGraph, ViewNode } from './view-graph.js';

export type LayoutAlgorithm = 'clusters' | 'layered' | 'radial' | 'force' | 'stress';
export const LAYOUT_ALGORITHMS: readonly LayoutAlgorithm[] = ['clusters', 'layered', 'radial', 'force', 'stress'];

/**
 * The largest view each ELK algorithm lays out within about a second on these machines
 * (docs/performance.md, shared/guides/elk-measurements.md); above it the preview draws
 * clusters and says why.
 */
export const ALGORITHM_LIMITS: Record<Exclude<LayoutAlgorithm, 'clusters'>, number> = {
    layered: 120,
    radial: 400,
    force: 60,
    stress: 50
};

export interface PositionedNode extends ViewNode {
    readonly x: number;
    readonly y: number;
    readonly radius: number;
}

export interface PositionedGroup {
    readonly id: string;
    readonly label: string;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export interface PositionedGraph {
    readonly nodes: readonly PositionedNode[];
    readonly edges: readonly ViewEdge[];
    readonly groups: readonly PositionedGroup[];
    readonly width: number;
    readonly height: number;
    readonly colorBy: ViewGraph['colorBy'];
    readonly sizeBy: string;
    readonly aggregated?: ViewGraph['aggregated'];
    /** The algorithm used, and why it differs from the one asked for, if it does. */
    readonly layout: { readonly requested: LayoutAlgorithm; readonly used: LayoutAlgorithm; readonly note?: string };
}

export interface LayoutOptions {
    readonly algorithm?: LayoutAlgorithm;
    /** For `radial`: the actor at the centre (default: the best-connected one). */
    readonly root?: string;
    /** Positions from the previous picture: unchanged actors stay near where they were. */
    readonly previous?: ReadonlyMap<string, { x: number; y: number }>;
}

const MIN_RADIUS = 7;
const MAX_RADIUS = 26;
const SPACING = 70;
const GROUP_PADDING = 40;

/** Node radius from the view's `size by` figure, relative to the largest value in view. */
export function radii(nodes: readonly ViewNode[]): number[] {
    const max = Math.max(0, ...nodes.map(node => node.size ?? 0));
    return nodes.map(node => (max > 0 && node.size !== undefined ? MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.max(0, node.size) / max) : MIN_RADIUS + 3));
}

/**
 * Lays out a view: ELK's algorithm when the view is small enough for it, otherwise clusters
 * (communities or zones, each laid out by a fast force layout, the clusters packed by ELK's
 * `box` layout). Deterministic: the same graph gives the same coordinates.
 */
export async function layoutView(graph: ViewGraph, options: LayoutOptions = {}): Promise<PositionedGraph> {
    const requested = options.algorithm ?? 'clusters';
    let used: LayoutAlgorithm = requested;
    let note: string | undefined;
    if (requested !== 'clusters' && graph.nodes.length > ALGORITHM_LIMITS[requested]) {
        used = 'clusters';
        note = `${requested} takes seconds above ${ALGORITHM_LIMITS[requested]} actors; this view has ${graph.nodes.length}: showing clusters. Narrow the view (include, ego, relations) to use ${requested}.`;
    }
    const r = radii(graph.nodes);
    const positioned = used === 'clusters'
        ? await clusterLayout(graph, r, options.previous)
        : await elkLayout(graph, r, used, options.root);
    return { ...positioned, edges: graph.edges, colorBy: graph.colorBy, sizeBy: graph.sizeBy, aggregated: graph.aggregated, layout: { requested, used, note } };
}

type Placed = Pick<PositionedGraph, 'nodes' | 'groups' | 'width' | 'height'>;

function clusterKey(graph: ViewGraph, node: ViewNode): string {
    if (graph.aggregated) return 'all';
    return graph.colorBy.kind === 'zone' ? node.zone ?? '—' : String(node.community);
}

async function clusterLayout(graph: ViewGraph, r: number[], previous?: ReadonlyMap<string, { x: number; y: number }>): Promise<Placed> {
    const known = previous ? graph.nodes.filter(node => previous.has(node.id)).length : 0;
    if (previous && !graph.aggregated && known > 0 && known >= 0.8 * graph.nodes.length) return adjustLayout(graph, r, previous);
    const index = new Map(graph.nodes.map((node, i) => [node.id, i]));
    const clusters = new Map<string, number[]>();
    graph.nodes.forEach((node, i) => {
        const key = clusterKey(graph, node);
        clusters.set(key, [...(clusters.get(key) ?? []), i]);
    });
    const boxes: Array<{ key: string; members: number[]; local: Array<{ x: number; y: number }>; minX: number; minY: number; width: number; height: number }> = [];
    for (const [key, members] of [...clusters].sort(([a, p], [b, q]) => q.length - p.length || compareNames(a, b))) {
        const position = new Map(members.map((node, i) => [node, i]));
        const edges: Array<[number, number, number]> = [];
        for (const edge of graph.edges) {
            const a = position.get(index.get(edge.source)!);
            const b = position.get(index.get(edge.target)!);
            if (a !== undefined && b !== undefined && edge.polarity !== 'negative') edges.push([a, b, edge.weight]);
        }
        const spacing = graph.aggregated ? SPACING * 2.5 : SPACING;
        const local = forceLayout({ ids: members.map(i => graph.nodes[i].id), edges, previous, spacing });
        let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        local.forEach((p, i) => {
            const radius = r[members[i]];
            // The label below the node is wider than the node: the box holds it.
            const half = Math.max(radius, labelWidth(graph.nodes[members[i]].label) / 2);
            minX = Math.min(minX, p.x - half); minY = Math.min(minY, p.y - radius);
            maxX = Math.max(maxX, p.x + half); maxY = Math.max(maxY, p.y + radius + 14);
        });
        boxes.push({ key, members, local, minX, minY, width: maxX - minX + 2 * GROUP_PADDING, height: maxY - minY + 2 * GROUP_PADDING });
    }
    // ELK packs the clusters' boxes, largest first, into rows of a compact rectangle
    // (`box`: ~20 ms for dozens of clusters, where `rectpacking` takes 100–1000 ms).
    const packed: ElkNode = await elk().layout({
        id: 'clusters',
        layoutOptions: {
            'elk.algorithm': 'box',
            'elk.aspectRatio': '1.6',
            'elk.spacing.nodeNode': '30',
            'elk.padding': '[top=20,left=20,bottom=20,right=20]'
        },
        children: boxes.map((box, i) => ({ id: `c${i}`, width: box.width, height: box.height }))
    });
    const nodes: PositionedNode[] = new Array(graph.nodes.length);
    const groups: PositionedGroup[] = [];
    boxes.forEach((box, i) => {
        const placed = packed.children!.find(child => child.id === `c${i}`)!;
        const offsetX = (placed.x ?? 0) + GROUP_PADDING - box.minX;
        const offsetY = (placed.y ?? 0) + GROUP_PADDING - box.minY;
        box.members.forEach((member, j) => {
            nodes[member] = { ...graph.nodes[member], x: round(box.local[j].x + offsetX), y: round(box.local[j].y + offsetY), radius: round(r[member]) };
        });
        if (!graph.aggregated) {
            groups.push({ id: box.key, label: groupLabel(graph, box.key, box.members.map(i => graph.nodes[i])), x: round(placed.x ?? 0), y: round(placed.y ?? 0), width: round(box.width), height: round(box.height) });
        }
    });
    return { nodes, groups, width: round(packed.width ?? 0), height: round(packed.height ?? 0) };
}

/**
 * After an edit, the picture the reader knows stays put: known actors keep their positions,
 * new ones go next to the actors they are tied to (or below the picture), and the cluster
 * backgrounds are redrawn around their members. A fresh layout (the toolbar's layout choice)
 * starts from scratch.
 */
function adjustLayout(graph: ViewGraph, r: number[], previous: ReadonlyMap<string, { x: number; y: number }>): Placed {
    const neighbours = new Map<string, string[]>();
    for (const edge of graph.edges) {
        neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
        neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
    }
    const placed = new Map<string, { x: number; y: number }>();
    for (const node of graph.nodes) {
        const position = previous.get(node.id);
        if (position) placed.set(node.id, position);
    }
    let maxY = Math.max(...[...placed.values()].map(p => p.y));
    let minX = Math.min(...[...placed.values()].map(p => p.x));
    let newcomers = 0;
    const golden = Math.PI * (3 - Math.sqrt(5));
    for (const node of graph.nodes) {
        if (placed.has(node.id)) continue;
        const anchors = (neighbours.get(node.id) ?? []).map(id => placed.get(id)).filter((p): p is { x: number; y: number } => p !== undefined);
        newcomers++;
        if (anchors.length > 0) {
            const x = anchors.reduce((sum, p) => sum + p.x, 0) / anchors.length;
            const y = anchors.reduce((sum, p) => sum + p.y, 0) / anchors.length;
            placed.set(node.id, { x: x + SPACING * 0.7 * Math.cos(newcomers * golden), y: y + SPACING * 0.7 * Math.sin(newcomers * golden) });
        } else {
            placed.set(node.id, { x: minX + (newcomers - 1) * SPACING * 1.6, y: maxY + SPACING });
        }
    }
    const nodes: PositionedNode[] = graph.nodes.map((node, i) => ({ ...node, x: round(placed.get(node.id)!.x), y: round(placed.get(node.id)!.y), radius: round(r[i]) }));
    // Keep everything at positive coordinates (a newcomer may land left of or above the rest).
    minX = Math.min(...nodes.map((n, i) => n.x - Math.max(r[i], labelWidth(n.label) / 2)));
    const minY = Math.min(...nodes.map((n, i) => n.y - r[i]));
    const dx = minX < GROUP_PADDING ? GROUP_PADDING - minX : 0;
    const dy = minY < GROUP_PADDING ? GROUP_PADDING - minY : 0;
    const shifted = dx || dy ? nodes.map(n => ({ ...n, x: round(n.x + dx), y: round(n.y + dy) })) : nodes;
    const groups: PositionedGroup[] = [];
    const members = new Map<string, PositionedNode[]>();
    for (const node of shifted) members.set(clusterKey(graph, node), [...(members.get(clusterKey(graph, node)) ?? []), node]);
    for (const [key, list] of [...members].sort(([a], [b]) => compareNames(a, b))) {
        const x0 = Math.min(...list.map(n => n.x - Math.max(n.radius, labelWidth(n.label) / 2))) - GROUP_PADDING / 2;
        const y0 = Math.min(...list.map(n => n.y - n.radius)) - GROUP_PADDING / 2;
        const x1 = Math.max(...list.map(n => n.x + Math.max(n.radius, labelWidth(n.label) / 2))) + GROUP_PADDING / 2;
        const y1 = Math.max(...list.map(n => n.y + n.radius + 14)) + GROUP_PADDING / 2;
        groups.push({ id: key, label: groupLabel(graph, key, list), x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) });
    }
    maxY = Math.max(...groups.map(g => g.y + g.height), ...shifted.map(n => n.y + n.radius + 20));
    const maxX = Math.max(...groups.map(g => g.x + g.width), ...shifted.map(n => n.x + n.radius));
    return { nodes: shifted, groups, width: round(maxX + GROUP_PADDING / 2), height: round(maxY + GROUP_PADDING / 2) };
}

const ELK_OPTIONS: Record<Exclude<LayoutAlgorithm, 'clusters'>, Record<string, string>> = {
    // Lighter crossing minimisation and node placement: about 3× faster than the defaults.
    layered: {
        'elk.algorithm': 'layered',
        'elk.direction': 'DOWN',
        'elk.layered.thoroughness': '1',
        'elk.layered.nodePlacement.strategy': 'SIMPLE',
        'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
        'elk.edgeRouting': 'POLYLINE',
        'elk.layered.compaction.postCompaction.strategy': 'NONE',
        'elk.spacing.nodeNode': '30',
        'elk.layered.spacing.nodeNodeBetweenLayers': '60'
    },
    radial: { 'elk.algorithm': 'radial', 'elk.spacing.nodeNode': '30' },
    force: { 'elk.algorithm': 'force', 'elk.force.iterations': '100', 'elk.spacing.nodeNode': '40' },
    stress: { 'elk.algorithm': 'stress', 'elk.stress.desiredEdgeLength': '120' }
};

async function elkLayout(graph: ViewGraph, r: number[], algorithm: Exclude<LayoutAlgorithm, 'clusters'>, root?: string): Promise<Placed> {
    const labelWidth = 110;
    const children = graph.nodes.map((node, i) => ({ id: node.id, width: Math.max(2 * r[i], labelWidth), height: 2 * r[i] + 16 }));
    // radial lays out trees: a breadth-first spanning tree from the root, other ties drawn over it.
    const edges = algorithm === 'radial' ? spanningTree(graph, root) : graph.edges.map(edge => ({ id: edge.id, sources: [edge.source], targets: [edge.target] }));
    const input: ElkNode = {
        id: 'view',
        layoutOptions: { ...ELK_OPTIONS[algorithm], 'elk.randomSeed': '1', 'elk.padding': '[top=30,left=30,bottom=30,right=30]' },
        children,
        edges
    };
    const result = await elk().layout(input);
    const byId = new Map((result.children ?? []).map(child => [child.id, child]));
    const nodes = graph.nodes.map((node, i) => {
        const placed = byId.get(node.id)!;
        return { ...node, x: round((placed.x ?? 0) + (placed.width ?? 0) / 2), y: round((placed.y ?? 0) + r[i]), radius: round(r[i]) };
    });
    return { nodes, groups: [], width: round(result.width ?? 0), height: round(result.height ?? 0) };
}

function spanningTree(graph: ViewGraph, root?: string): Array<{ id: string; sources: string[]; targets: string[] }> {
    const neighbours = new Map<string, string[]>();
    for (const edge of graph.edges) {
        neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
        neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
    }
    const degree = (id: string) => neighbours.get(id)?.length ?? 0;
    const start = root && neighbours.has(root) ? root : [...graph.nodes].sort((a, b) => degree(b.id) - degree(a.id) || compareNames(a.id, b.id))[0]?.id;
    const tree: Array<{ id: string; sources: string[]; targets: string[] }> = [];
    const seen = new Set<string>(start ? [start] : []);
    const queue = start ? [start] : [];
    // Actors out of the root's reach hang from a virtual ring: they are joined to the root too.
    for (let head = 0; head < queue.length; head++) {
        for (const next of [...(neighbours.get(queue[head]) ?? [])].sort(compareNames)) {
            if (seen.has(next)) continue;
            seen.add(next);
            queue.push(next);
            tree.push({ id: `t${tree.length}`, sources: [queue[head]], targets: [next] });
        }
    }
    for (const node of graph.nodes) {
        if (!seen.has(node.id) && start) tree.push({ id: `t${tree.length}`, sources: [start], targets: [node.id] });
    }
    return tree;
}

let instance: InstanceType<typeof ELK> | undefined;
function elk(): InstanceType<typeof ELK> {
    return (instance ??= new ELK());
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}

/**
 * What a cluster is called on the picture: a zone's name, or for a community the zone most
 * of its members belong to ("Berkane", "Nador +2 zones") — words a coach recognises, where
 * community numbers mean nothing.
 */
function groupLabel(graph: ViewGraph, key: string, members: readonly ViewNode[]): string {
    if (graph.colorBy.kind === 'zone') return key;
    const counts = new Map<string, number>();
    for (const member of members) if (member.zone) counts.set(member.zone, (counts.get(member.zone) ?? 0) + 1);
    const ranked = [...counts].sort(([a, p], [b, q]) => q - p || compareNames(a, b));
    if (ranked.length === 0) return `#${key}`;
    return ranked.length === 1 ? ranked[0][0] : `${ranked[0][0]} +${ranked.length - 1}`;
}

/** About how wide a label is drawn (11 px text, truncated at 28 characters). */
function labelWidth(label: string): number {
    return Math.min(28, Array.from(label).length) * 6.2;
}
