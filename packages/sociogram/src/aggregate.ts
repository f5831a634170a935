import { compareNames } from '@territory/analysis';
import type { ViewEdge, ViewGraph, ViewNode } from './view-graph.js';

/** The id of the meta-node standing for a group. */
export function groupNodeId(by: 'community' | 'zone', group: string): string {
    return `${by}:${group}`;
}

/**
 * One node per community (or zone), sized by its number of members; one edge per pair of
 * groups joined by ties, weights summed. Used above the visible-node threshold; a click on a
 * group drills into it.
 */
export function aggregate(graph: ViewGraph, by: 'community' | 'zone'): ViewGraph {
    const groupOf = (node: ViewNode) => (by === 'community' ? String(node.community) : node.zone ?? '—');
    const members = new Map<string, ViewNode[]>();
    for (const node of graph.nodes) members.set(groupOf(node), [...(members.get(groupOf(node)) ?? []), node]);
    const nodeGroup = new Map(graph.nodes.map(node => [node.id, groupOf(node)]));
    const nodes: ViewNode[] = [...members].map(([group, list]) => ({
        id: groupNodeId(by, group),
        label: by === 'community' ? `Community ${group}` : group,
        community: by === 'community' ? Number(group) : list[0].community,
        status: 'average',
        group,
        size: list.length,
        degree: 0,
        betweenness: null,
        members: list.length,
        zone: by === 'zone' ? group : undefined
    })).sort((p, q) => compareNames(p.id, q.id));
    const edges = new Map<string, ViewEdge>();
    for (const edge of graph.edges) {
        const a = nodeGroup.get(edge.source)!;
        const b = nodeGroup.get(edge.target)!;
        if (a === b) continue;
        const [source, target] = compareNames(a, b) <= 0 ? [groupNodeId(by, a), groupNodeId(by, b)] : [groupNodeId(by, b), groupNodeId(by, a)];
        const polarity = edge.polarity === 'negative' ? 'negative' : 'positive';
        const id = `${source}|${polarity}|${target}`;
        const existing = edges.get(id);
        edges.set(id, existing
            ? { ...existing, weight: existing.weight + edge.weight, ties: (existing.ties ?? 1) + (edge.ties ?? 1) }
            : { id, source, target, relation: polarity === 'negative' ? 'conflict' : 'ties', polarity, directed: false, weight: edge.weight, ties: edge.ties ?? 1 });
    }
    return { nodes, edges: [...edges.values()].sort((p, q) => compareNames(p.id, q.id)), colorBy: graph.colorBy, sizeBy: 'members', aggregated: by };
}

/** The actors of one group, with the ties among them: a drill-down into an aggregated view. */
export function drillInto(graph: ViewGraph, by: 'community' | 'zone', group: string): ViewGraph {
    const inside = new Set(graph.nodes.filter(node => (by === 'community' ? String(node.community) : node.zone ?? '—') === group).map(node => node.id));
    return {
        ...graph,
        nodes: graph.nodes.filter(node => inside.has(node.id)),
        edges: graph.edges.filter(edge => inside.has(edge.source) && inside.has(edge.target))
    };
}
