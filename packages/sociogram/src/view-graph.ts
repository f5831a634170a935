import type { AnalysisResult, TerritoryModel } from '@territory/analysis';
import { compareNames } from '@territory/analysis';

/** What a `view` declaration selects (the workspace preview without a view selects everything). */
export interface ViewSpec {
    readonly name?: string;
    readonly title?: string;
    readonly zones?: readonly string[];
    readonly kinds?: readonly string[];
    readonly interests?: readonly string[];
    readonly actors?: readonly string[];
    readonly egos?: ReadonlyArray<{ readonly actor: string; readonly depth: number }>;
    /** Only ties of these relations (all when absent). */
    readonly relations?: readonly string[];
    readonly colorBy?: ColorBy;
    readonly sizeBy?: string;
    readonly layout?: string;
}

export type ColorBy =
    | { readonly kind: 'community' | 'kind' | 'zone' | 'status' }
    | { readonly kind: 'stance'; readonly interest: string };

export interface ViewNode {
    readonly id: string;
    readonly label: string;
    readonly kind?: string;
    readonly zone?: string;
    readonly community: number;
    readonly status: string;
    /** The value of the `size by` figure (undefined until computed, e.g. betweenness on a large model). */
    readonly size?: number;
    /** The colour group: a community number, kind, zone, status or stance, as text. */
    readonly group: string;
    readonly degree: number;
    readonly betweenness: number | null;
    readonly description?: string;
    /** The interests the actor takes a position on. */
    readonly interests?: readonly string[];
    /** Members, for a node that stands for a group of actors (aggregated views). */
    readonly members?: number;
}

export interface ViewEdge {
    /** `From|relation|To`, the hook `data-tie` of the preview. */
    readonly id: string;
    readonly source: string;
    readonly target: string;
    readonly relation: string;
    readonly polarity: 'positive' | 'neutral' | 'negative';
    readonly directed: boolean;
    readonly weight: number;
    /** How many tie statements the edge stands for. */
    readonly ties?: number;
    /** The notes of those tie statements, in statement order. */
    readonly notes?: readonly string[];
}

export interface ViewGraph {
    readonly nodes: readonly ViewNode[];
    readonly edges: readonly ViewEdge[];
    readonly colorBy: ColorBy;
    readonly sizeBy: string;
    /** Whether nodes stand for groups of actors rather than actors. */
    readonly aggregated?: 'community' | 'zone';
}

/**
 * The actors and ties a view shows. Includes add up (an actor matching any include is in);
 * a view without includes shows every actor. An actor is in a zone when its zone is that zone
 * or lies inside it; in an interest when it supports or opposes it; `ego A depth N` takes the
 * actors within N ties of A in the sociogram (any relation of the view).
 */
export function selectView(model: TerritoryModel, analysis: AnalysisResult | undefined, spec: ViewSpec = {}): ViewGraph {
    const relations = spec.relations && spec.relations.length > 0 ? new Set(spec.relations) : undefined;
    const ties = model.ties.filter(tie => !relations || relations.has(tie.relation));
    const selected = selectActors(model, ties, spec);
    const colorBy: ColorBy = spec.colorBy ?? { kind: 'community' };
    const sizeBy = spec.sizeBy ?? 'degree';
    const degree = new Map<string, number>();
    for (const tie of ties) {
        if (!selected.has(tie.source) || !selected.has(tie.target)) continue;
        degree.set(tie.source, (degree.get(tie.source) ?? 0) + 1);
        degree.set(tie.target, (degree.get(tie.target) ?? 0) + 1);
    }
    const nodes: ViewNode[] = model.actors.filter(actor => selected.has(actor.name)).map(actor => {
        const figures = analysis?.actors[actor.name];
        return {
            id: actor.name,
            label: actor.title ?? actor.name,
            kind: actor.kind,
            zone: actor.zone,
            community: figures?.community ?? 0,
            status: figures?.status ?? 'average',
            size: sizeValue(sizeBy, actor.power, figures as unknown as Record<string, unknown> | undefined),
            group: groupOf(colorBy, actor, figures?.community, figures?.status),
            degree: figures?.degree ?? degree.get(actor.name) ?? 0,
            interests: actor.positions.map(p => p.interest),
            description: actor.description,
            betweenness: figures?.betweenness ?? null
        };
    });
    const edges = mergeTies(ties.filter(tie => selected.has(tie.source) && selected.has(tie.target)));
    return { nodes, edges, colorBy, sizeBy };
}

function selectActors(model: TerritoryModel, ties: TerritoryModel['ties'], spec: ViewSpec): Set<string> {
    const hasIncludes = [spec.zones, spec.kinds, spec.interests, spec.actors, spec.egos].some(list => list && list.length > 0);
    if (!hasIncludes) return new Set(model.actors.map(actor => actor.name));
    const selected = new Set<string>();
    const zones = spec.zones?.length ? placesWithin(model, spec.zones) : undefined;
    const kinds = spec.kinds?.length ? new Set(spec.kinds) : undefined;
    const interests = spec.interests?.length ? new Set(spec.interests) : undefined;
    for (const actor of model.actors) {
        if ((zones && actor.zone && zones.has(actor.zone))
            || (kinds && actor.kind && kinds.has(actor.kind))
            || (interests && actor.positions.some(p => interests.has(p.interest)))) {
            selected.add(actor.name);
        }
    }
    const known = new Set(model.actors.map(actor => actor.name));
    for (const name of spec.actors ?? []) if (known.has(name)) selected.add(name);
    if (spec.egos?.length) {
        const neighbours = new Map<string, Set<string>>();
        const link = (a: string, b: string) => {
            neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
        };
        for (const tie of ties) {
            link(tie.source, tie.target);
            link(tie.target, tie.source);
        }
        for (const { actor, depth } of spec.egos) {
            if (!known.has(actor)) continue;
            let frontier = [actor];
            selected.add(actor);
            for (let step = 0; step < depth; step++) {
                const next: string[] = [];
                for (const name of frontier) {
                    for (const other of neighbours.get(name) ?? []) {
                        if (!selected.has(other)) {
                            selected.add(other);
                            next.push(other);
                        }
                    }
                }
                frontier = next;
            }
        }
    }
    return selected;
}

/** The given places and every place inside them. */
export function placesWithin(model: TerritoryModel, roots: readonly string[]): Set<string> {
    const children = new Map<string, string[]>();
    for (const place of model.places) {
        if (place.parent) children.set(place.parent, [...(children.get(place.parent) ?? []), place.name]);
    }
    const result = new Set<string>();
    const visit = (name: string) => {
        if (result.has(name)) return;
        result.add(name);
        (children.get(name) ?? []).forEach(visit);
    };
    roots.forEach(visit);
    return result;
}

/**
 * Ties with the same endpoints and relation are drawn as one edge, weights summed (a mutual
 * tie and a directed one of the same relation make a mutual edge).
 */
function mergeTies(ties: TerritoryModel['ties']): ViewEdge[] {
    const edges = new Map<string, ViewEdge>();
    for (const tie of ties) {
        const [source, target] = tie.directed || compareNames(tie.source, tie.target) <= 0 ? [tie.source, tie.target] : [tie.target, tie.source];
        const id = `${source}|${tie.relation}|${target}`;
        const existing = edges.get(id);
        const notes = tie.note ? [...(existing?.notes ?? []), tie.note] : existing?.notes;
        edges.set(id, existing
            ? { ...existing, directed: existing.directed && tie.directed, weight: existing.weight + tie.weight, ties: (existing.ties ?? 1) + 1, notes }
            : { id, source, target, relation: tie.relation, polarity: tie.polarity, directed: tie.directed, weight: tie.weight, notes });
    }
    return [...edges.values()].sort((p, q) => compareNames(p.id, q.id));
}

function groupOf(colorBy: ColorBy, actor: TerritoryModel['actors'][number], community: number | undefined, status: string | undefined): string {
    switch (colorBy.kind) {
        case 'community': return String(community ?? 0);
        case 'kind': return actor.kind ?? '—';
        case 'zone': return actor.zone ?? '—';
        case 'status': return status ?? 'average';
        case 'stance': {
            const position = actor.positions.find(p => p.interest === colorBy.interest)?.position ?? 0;
            return position > 0 ? 'supports' : position < 0 ? 'opposes' : 'no position';
        }
    }
}

function sizeValue(sizeBy: string, power: number | undefined, figures: Record<string, unknown> | undefined): number | undefined {
    if (sizeBy === 'power') return power ?? 0;
    const value = figures?.[sizeBy];
    return typeof value === 'number' ? value : undefined;
}
