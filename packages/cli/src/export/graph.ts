import type { ActorMetrics, AnalysisResult, TerritoryModel } from '@territory/analysis';
import { COMMITMENT_STATUSES, compareNames } from '@territory/analysis';
import type { PositionedGraph, ViewGraph, ViewSpec } from '@territory/sociogram';
import { groupColours, LIGHT_THEME, radii, relationColours } from '@territory/sociogram';

/**
 * The graph every export format writes: the actors a view selects (or all of them) with their
 * description and every per-actor figure of the analysis, and the ties of the view, merged as
 * the preview draws them (one edge per pair of actors, relation and direction).
 */

/** `strings` is a list of words (an actor's tags). */
export type AttributeType = 'string' | 'integer' | 'double' | 'boolean' | 'strings';
export type AttributeValue = string | number | boolean | readonly string[] | null;

export interface AttributeSpec {
    readonly name: string;
    readonly type: AttributeType;
}

export interface ExportNode {
    /** The actor's name. */
    readonly id: string;
    /** Every attribute of `ExportGraph.nodeAttributes`, null where the actor has no value. */
    readonly attributes: Readonly<Record<string, AttributeValue>>;
    /** The colour of the actor's group in the view (community by default), as the preview draws it. */
    readonly colour: string;
    /** The node's radius in the preview (from the view's `size by` figure). */
    readonly size: number;
}

export interface ExportEdge {
    /** `From|relation|To`, the preview's `data-tie`. */
    readonly id: string;
    readonly source: string;
    readonly target: string;
    readonly directed: boolean;
    readonly attributes: Readonly<Record<string, AttributeValue>>;
    /** The relation's colour in the preview. */
    readonly colour: string;
}

export interface ExportGraph {
    /** The view's title (or name), else the territory's title, else "Sociogram". */
    readonly title: string;
    /** The view exported, if any. */
    readonly view?: string;
    readonly nodeAttributes: readonly AttributeSpec[];
    readonly edgeAttributes: readonly AttributeSpec[];
    readonly nodes: readonly ExportNode[];
    readonly edges: readonly ExportEdge[];
    /** `directed` when every edge is, `undirected` when none is (or there is no edge), else `mixed`. */
    readonly direction: 'directed' | 'undirected' | 'mixed';
}

const INTEGER_FIGURES = ['degree', 'inDegree', 'outDegree', 'strength'] as const;
const DOUBLE_FIGURES = ['betweenness', 'closeness', 'pagerank', 'eigenvector', 'clustering', 'constraint'] as const;
const BROKERAGE_ROLES = ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'] as const;
const MACTOR_FIGURES = ['influence', 'dependence', 'rStar'] as const;

/** Node attributes, in the order every format writes them (commitment statuses are added per model). */
const ACTOR_ATTRIBUTES: readonly AttributeSpec[] = [
    { name: 'label', type: 'string' },
    { name: 'kind', type: 'string' },
    { name: 'zone', type: 'string' },
    { name: 'power', type: 'integer' },
    { name: 'tags', type: 'strings' },
    { name: 'description', type: 'string' },
    ...INTEGER_FIGURES.map(name => ({ name, type: 'integer' as const })),
    ...DOUBLE_FIGURES.map(name => ({ name, type: 'double' as const })),
    { name: 'community', type: 'integer' },
    { name: 'status', type: 'string' },
    { name: 'likedBy', type: 'integer' },
    { name: 'rejectedBy', type: 'integer' },
    ...BROKERAGE_ROLES.map(role => ({ name: `brokerage.${role}`, type: 'integer' as const })),
    ...MACTOR_FIGURES.map(name => ({ name, type: 'double' as const })),
    { name: 'workshops', type: 'integer' }
];

export const EDGE_ATTRIBUTES: readonly AttributeSpec[] = [
    { name: 'relation', type: 'string' },
    { name: 'polarity', type: 'string' },
    { name: 'weight', type: 'integer' },
    { name: 'directed', type: 'boolean' },
    { name: 'ties', type: 'integer' },
    { name: 'note', type: 'string' }
];

/** Builds the exported graph of a selected view (`selectView` of the whole model's analysis). */
export function exportGraph(model: TerritoryModel, analysis: AnalysisResult, view: ViewGraph, spec: ViewSpec): ExportGraph {
    const actors = new Map(model.actors.map(actor => [actor.name, actor]));
    const statuses = commitmentStatuses(view, analysis);
    const nodeAttributes = [...ACTOR_ATTRIBUTES, ...statuses.map(status => ({ name: `commitments.${status}`, type: 'integer' as const }))];
    const colours = groupColours({ nodes: view.nodes } as unknown as PositionedGraph, LIGHT_THEME);
    const sizes = radii(view.nodes);
    const nodes = view.nodes.map((node, i): ExportNode => {
        const actor = actors.get(node.id)!;
        const figures: ActorMetrics = analysis.actors[node.id];
        const attributes: Record<string, AttributeValue> = {
            label: node.label,
            kind: actor.kind ?? null,
            zone: actor.zone ?? null,
            power: actor.power ?? null,
            tags: actor.tags.length > 0 ? [...actor.tags] : null,
            description: node.description ?? null
        };
        for (const name of [...INTEGER_FIGURES, ...DOUBLE_FIGURES]) attributes[name] = figures[name] ?? null;
        attributes.community = figures.community;
        attributes.status = figures.status;
        attributes.likedBy = figures.likedBy;
        attributes.rejectedBy = figures.rejectedBy;
        for (const role of BROKERAGE_ROLES) attributes[`brokerage.${role}`] = figures.brokerage[role];
        for (const name of MACTOR_FIGURES) attributes[name] = figures[name];
        attributes.workshops = figures.workshops;
        for (const status of statuses) attributes[`commitments.${status}`] = figures.commitments[status] ?? 0;
        return { id: node.id, attributes, colour: colours.get(node.group) ?? LIGHT_THEME.palette[0], size: round(sizes[i]) };
    });
    const edgeColours = relationColours(view, LIGHT_THEME);
    const edges = view.edges.map((edge): ExportEdge => {
        const notes = edge.notes;
        return {
            id: edge.id,
            source: edge.source,
            target: edge.target,
            directed: edge.directed,
            attributes: {
                relation: edge.relation,
                polarity: edge.polarity,
                weight: edge.weight,
                directed: edge.directed,
                ties: edge.ties ?? 1,
                note: notes && notes.length > 0 ? notes.join('\n') : null
            },
            colour: edge.polarity === 'negative' ? LIGHT_THEME.negative : edgeColours.get(edge.relation) ?? LIGHT_THEME.edge
        };
    });
    const directed = edges.filter(edge => edge.directed).length;
    const territory = model.places.find(place => place.parent === undefined);
    return {
        title: spec.name ? spec.title ?? spec.name : territory?.title ?? territory?.name ?? 'Sociogram',
        view: spec.name,
        nodeAttributes,
        edgeAttributes: EDGE_ATTRIBUTES,
        nodes,
        edges,
        direction: edges.length > 0 && directed === edges.length ? 'directed' : directed === 0 ? 'undirected' : 'mixed'
    };
}

/** The language's statuses, in its order, then any other status the exported actors' commitments use. */
function commitmentStatuses(view: ViewGraph, analysis: AnalysisResult): string[] {
    const known = COMMITMENT_STATUSES.map(status => status.word);
    const others = new Set<string>();
    for (const node of view.nodes) {
        for (const status of Object.keys(analysis.actors[node.id]?.commitments ?? {})) if (!known.includes(status)) others.add(status);
    }
    return [...known, ...[...others].sort(compareNames)];
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
