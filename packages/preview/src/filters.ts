/**
 * The filter panel's model: which relations, kinds, zones and interests the picture holds,
 * and which nodes and edges stay visible for the user's choices. Filtering hides elements of
 * the laid-out picture; it never asks for a new layout.
 */
import type { PositionedGraph, PositionedNode } from '@territory/sociogram';
import { FACETS, type Facet, type UiState } from './state.js';

/** The value standing for "none" (an actor without a kind, zone or interest). */
export const NONE = '—';

export interface FacetValue {
    readonly value: string;
    /** Nodes (for relations: edges) with this value. */
    readonly count: number;
}

export interface Facets {
    readonly relations: readonly FacetValue[];
    readonly kinds: readonly FacetValue[];
    readonly zones: readonly FacetValue[];
    readonly interests: readonly FacetValue[];
    /** The heaviest edge: the minimum-weight slider goes from 0 to it. */
    readonly maxWeight: number;
}

function count(values: Iterable<string>): FacetValue[] {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts]
        .map(([value, n]) => ({ value, count: n }))
        .sort((a, b) => (a.value === NONE ? 1 : 0) - (b.value === NONE ? 1 : 0) || a.value.localeCompare(b.value));
}

export function nodeValues(node: PositionedNode, facet: Exclude<Facet, 'relations'>): string[] {
    switch (facet) {
        case 'kinds': return [node.kind ?? NONE];
        case 'zones': return [node.zone ?? NONE];
        case 'interests': return node.interests && node.interests.length > 0 ? [...node.interests] : [NONE];
    }
}

export function facetsOf(graph: PositionedGraph): Facets {
    return {
        relations: count(graph.edges.map(edge => edge.relation)),
        kinds: count(graph.nodes.flatMap(node => nodeValues(node, 'kinds'))),
        zones: count(graph.nodes.flatMap(node => nodeValues(node, 'zones'))),
        interests: count(graph.nodes.flatMap(node => nodeValues(node, 'interests'))),
        maxWeight: Math.max(0, ...graph.edges.map(edge => edge.weight))
    };
}

/** A facet is offered (and applied) only when it tells something apart: two values or more. */
export function offered(facets: Facets, facet: Facet): boolean {
    return facets[facet].length >= 2;
}

export interface Visibility {
    readonly nodes: ReadonlySet<string>;
    readonly edges: ReadonlySet<string>;
    /** Opportunities are visible when both their actors are (and the overlay is on). */
    readonly opportunities: ReadonlySet<string>;
    /** Whether anything is filtered out at all. */
    readonly filtered: boolean;
}

export function effectiveMinWeight(state: Pick<UiState, 'minWeight'>, facets: Facets): number {
    return Math.min(state.minWeight, facets.maxWeight);
}

export function visibility(graph: PositionedGraph, opportunities: ReadonlyArray<{ a: string; b: string }>, state: Pick<UiState, 'hidden' | 'minWeight'>): Visibility {
    const facets = facetsOf(graph);
    const hidden = Object.fromEntries(FACETS.map(facet => [facet, offered(facets, facet) ? new Set(state.hidden[facet]) : new Set<string>()])) as Record<Facet, Set<string>>;
    const nodes = new Set<string>();
    for (const node of graph.nodes) {
        const shown = (['kinds', 'zones'] as const).every(facet => !hidden[facet].has(nodeValues(node, facet)[0]))
            // An actor stays while one of its interests is shown.
            && nodeValues(node, 'interests').some(value => !hidden.interests.has(value));
        if (shown) nodes.add(node.id);
    }
    const minWeight = effectiveMinWeight(state, facets);
    const edges = new Set<string>();
    for (const edge of graph.edges) {
        if (nodes.has(edge.source) && nodes.has(edge.target) && !hidden.relations.has(edge.relation) && edge.weight >= minWeight) edges.add(edge.id);
    }
    const shownOpportunities = new Set(opportunities.filter(o => nodes.has(o.a) && nodes.has(o.b)).map(o => `${o.a}|${o.b}`));
    return { nodes, edges, opportunities: shownOpportunities, filtered: nodes.size < graph.nodes.length || edges.size < graph.edges.length };
}

/** The picture without what the filters hide: what an export shows. */
export function visibleGraph(graph: PositionedGraph, shown: Visibility): PositionedGraph {
    return {
        ...graph,
        nodes: graph.nodes.filter(node => shown.nodes.has(node.id)),
        edges: graph.edges.filter(edge => shown.edges.has(edge.id))
    };
}
