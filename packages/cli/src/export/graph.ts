import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { ActorMetrics, AnalysisResult, TerritoryModel } from '@territory/analysis';
import { COMMITMENT_STATUSES, compareNames } from '@territory/analysis';
import type { View } from '@territory/language';
import { isActor, isPreludeUri, isTie, isView } from '@territory/language';
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

/** What the export needs from the AST beyond the analysis' model: descriptions and notes. */
export interface ModelTexts {
    readonly descriptions: ReadonlyMap<string, string>;
    /** The notes of the tie statements merged into each edge (by edge id), in statement order. */
    readonly notes: ReadonlyMap<string, readonly string[]>;
}

/** The `view` declaration of that name in the model's files (not the prelude's). */
export function findView(documents: readonly LangiumDocument[], name: string): View | undefined {
    for (const document of documents) {
        if (isPreludeUri(document.uri)) continue;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (isView(node) && node.name === name) return node;
        }
    }
    return undefined;
}

/** Every view's name, for the message about an unknown one. */
export function viewNames(documents: readonly LangiumDocument[]): string[] {
    const names = new Set<string>();
    for (const document of documents) {
        if (isPreludeUri(document.uri)) continue;
        for (const node of AstUtils.streamAst(document.parseResult.value)) if (isView(node) && node.name) names.add(node.name);
    }
    return [...names].sort(compareNames);
}

/**
 * The edge a tie statement is drawn as: the key `selectView` merges ties by (a one-way tie
 * keeps its direction; a two-way one is written in name order).
 */
export function edgeIdOf(source: string, relation: string, target: string, directed: boolean): string {
    const [from, to] = directed || compareNames(source, target) <= 0 ? [source, target] : [target, source];
    return `${from}|${relation}|${to}`;
}

/**
 * Actors' descriptions and ties' notes, read from the linked documents in the order
 * `modelFromDocuments` reads them (files by URI, first declaration of an actor wins).
 */
export function modelTexts(documents: readonly LangiumDocument[]): ModelTexts {
    const descriptions = new Map<string, string>();
    const notes = new Map<string, string[]>();
    const ordered = [...documents].sort((a, b) => compareNames(a.uri.toString(), b.uri.toString()));
    for (const document of ordered) {
        if (isPreludeUri(document.uri)) continue;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (isActor(node)) {
                if (node.name && node.description !== undefined && !descriptions.has(node.name)) descriptions.set(node.name, node.description);
            } else if (isTie(node)) {
                const source = node.source?.ref?.name;
                const target = node.target?.ref?.name;
                const relation = node.relation?.ref?.name;
                if (!source || !target || !relation || node.note === undefined || node.note === '') continue;
                const id = edgeIdOf(source, relation, target, node.arrow === '->');
                notes.set(id, [...(notes.get(id) ?? []), node.note]);
            }
        }
    }
    return { descriptions, notes };
}

/** Builds the exported graph of a selected view (`selectView` of the whole model's analysis). */
export function exportGraph(model: TerritoryModel, analysis: AnalysisResult, view: ViewGraph, spec: ViewSpec, texts: ModelTexts): ExportGraph {
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
            description: texts.descriptions.get(node.id) ?? null
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
        const notes = texts.notes.get(edge.id);
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
