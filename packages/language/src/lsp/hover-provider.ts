import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type {
    Actor, Commitment, Dialogue, Interest, Kind, Relation, Territory, Workshop, Zone
} from '../generated/ast.js';
import {
    isActor, isCommitment, isDialogue, isInterest, isKind, isRelation, isTerritory, isView, isWorkshop, isZone
} from '../generated/ast.js';
import { isPreludeUri } from '../prelude.js';
import type { TerritoryServices } from '../territory-module.js';
import type { TerritoryModelIndex } from '../workspace/model-index.js';
import type { TerritoryAnalysisService } from '../analysis/analysis-service.js';
import { parentOf, relationDirection } from '../validation/territory-validator.js';
import type { ActorMetrics, StructuralActorMetrics } from '@territory/analysis';
import { DEFAULT_COMMITMENT_STATUS, escapeMarkdown as md } from '@territory/analysis';

/**
 * Hover on a declaration or a reference: what the element is, in the words of the model
 * (its title, kind, zone, description), and for an actor how many ties it has.
 */
export class TerritoryHoverProvider extends AstNodeHoverProvider {
    protected readonly modelIndex: TerritoryModelIndex;
    protected readonly analysis: TerritoryAnalysisService;

    constructor(services: TerritoryServices) {
        super(services);
        this.modelIndex = services.references.ModelIndex;
        this.analysis = services.analysis.AnalysisService;
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        const lines = this.describe(node);
        if (!lines) return undefined;
        if (isPreludeUri(AstUtils.getDocument(node).uri)) lines.push('_Built in._');
        return lines.join('\n\n');
    }

    protected describe(node: AstNode): string[] | undefined {
        if (isActor(node)) return this.describeActor(node);
        if (isKind(node)) return describeKind(node);
        if (isRelation(node)) return describeRelation(node);
        if (isInterest(node)) return this.describeInterest(node);
        if (isZone(node) || isTerritory(node)) return describePlace(node);
        if (isWorkshop(node)) return describeWorkshop(node);
        if (isDialogue(node)) return describeDialogue(node);
        if (isCommitment(node)) return describeCommitment(node);
        if (isView(node)) return [heading('view', node.name, node.title), ...optional(node.description)];
        return undefined;
    }

    protected describeActor(actor: Actor): string[] {
        const ties = this.modelIndex.get().tieCount.get(actor) ?? 0;
        const negative = this.modelIndex.get().negativeTieCount.get(actor) ?? 0;
        const facts = [
            actor.kind?.ref ? `kind: ${md(actor.kind.ref.title ?? actor.kind.ref.name)}` : undefined,
            actor.zone?.ref ? `zone: ${md(actor.zone.ref.title ?? actor.zone.ref.name)}` : undefined,
            actor.power !== undefined ? `power: ${md(actor.power)}/5` : undefined,
            `${ties === 1 ? '1 tie statement' : `${ties} tie statements`}${negative ? ` (${negative} negative)` : ''}`
        ].filter(isText);
        const stances = actor.stances
            .filter(stance => stance.interest?.ref)
            .map(stance => `${stance.position} ${md(stance.interest!.ref!.name)} (${md(stance.intensity ?? '1')})`);
        return [
            heading('actor', actor.name, actor.title),
            facts.join(' · '),
            ...(stances.length ? [stances.join(' · ')] : []),
            ...(actor.tags.length ? [`tags: ${actor.tags.map(md).join(', ')}`] : []),
            ...optional(actor.description),
            ...this.actorAnalysis(actor.name)
        ];
    }

    /** The actor's place in the sociogram, from the latest analysis (nothing before the first one). */
    protected actorAnalysis(name: string): string[] {
        const snapshot = this.analysis.current();
        const figures = snapshot?.result.actors[name];
        if (!figures) return [];
        const lines = [`**In the sociogram** — ${actorFigures(figures, snapshot?.estimate?.betweenness[name])}`];
        // Here "ties" are the actor's distinct positive or neutral contacts (its degree).
        const convergent = this.analysis.mostConvergent(name);
        if (!convergent) {
            lines.push('Converges most with: …');
        } else if (convergent.length) {
            lines.push(`Converges most with: ${convergent.map(pair => `${md(pair.a === name ? pair.b : pair.a)} (${pair.convergence})`).join(', ')}`);
        }
        return lines;
    }

    protected describeInterest(interest: Interest): string[] {
        const stances = this.modelIndex.get().stanceCount.get(interest) ?? 0;
        const facts = [
            interest.sdgs.length ? `SDG ${interest.sdgs.map(md).join(', ')}` : undefined,
            interest.zone?.ref ? `zone: ${md(interest.zone.ref.title ?? interest.zone.ref.name)}` : undefined,
            stances === 1 ? '1 actor takes a position' : `${stances} actors take a position`
        ].filter(isText);
        const mobilisation = this.analysis.current()?.result.interests[interest.name];
        const positions = mobilisation ? [
            `Supported by: ${mobilisation.supporters.length ? mobilisation.supporters.map(md).join(', ') : 'nobody'}`,
            `Opposed by: ${mobilisation.opponents.length ? mobilisation.opponents.map(md).join(', ') : 'nobody'}`,
            `Mobilisation ${figure(mobilisation.mobilisation)} (support ${figure(mobilisation.support)}, opposition ${figure(mobilisation.opposition)}, weighted by MACTOR power)`
        ] : [];
        return [heading('interest', interest.name, interest.title), facts.join(' · '), ...positions, ...optional(interest.description)];
    }
}

/**
 * The figures shown for an actor in hovers and code lenses: ties, betweenness, community,
 * status. Until the exact betweenness is known, its sampled estimate if there is one (≈);
 * `…` for what is still being computed (on large models the communities come after the
 * structural figures).
 */
export function actorFigures(figures: ActorMetrics | StructuralActorMetrics, estimatedBetweenness?: number): string {
    const betweenness = figures.betweenness !== null ? `betweenness ${figure(figures.betweenness)}`
        : estimatedBetweenness !== undefined ? `betweenness ≈${figure(estimatedBetweenness)}`
        : 'betweenness …';
    const parts = [
        figures.degree === 1 ? '1 tie' : `${figures.degree} ties`,
        betweenness,
        'community' in figures ? `community ${figures.community}` : 'community …',
        figures.status
    ];
    return parts.join(' · ');
}

function figure(value: number): string {
    return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

function heading(keyword: string, name: string, title: string | undefined): string {
    return `**${keyword}** \`${name.replace(/`/g, '')}\`${title ? ` — ${md(title)}` : ''}`;
}

function optional(text: string | undefined): string[] {
    return text ? [md(text)] : [];
}

function isText(value: string | undefined): value is string {
    return value !== undefined;
}

function describeKind(kind: Kind): string[] {
    return [heading('kind', kind.name, kind.title), ...(kind.color ? [`colour ${md(kind.color)}`] : []), ...optional(kind.description)];
}

function describeRelation(relation: Relation): string[] {
    const polarity = relation.polarity ?? 'positive';
    return [heading('relation', relation.name, relation.title), `${relationDirection(relation)}, ${polarity}`, ...optional(relation.description)];
}

function describePlace(place: Zone | Territory): string[] {
    if (isTerritory(place)) {
        const facts = [
            place.population ? `population ${md(place.population)}` : undefined,
            place.asOf ? `as of ${md(place.asOf)}` : undefined
        ].filter(isText);
        return [heading('territory', place.name, place.title), ...(facts.length ? [facts.join(' · ')] : []), ...optional(place.description)];
    }
    const parent = parentOf(place);
    const facts = [
        parent ? `in ${md(parent.title ?? parent.name)}` : undefined,
        place.population ? `population ${md(place.population)}` : undefined
    ].filter(isText);
    return [heading('zone', place.name, place.title), ...(facts.length ? [facts.join(' · ')] : []), ...optional(place.description)];
}

function describeWorkshop(workshop: Workshop): string[] {
    const facts = [
        workshop.date ? `on ${md(workshop.date)}` : 'not yet dated',
        workshop.place?.ref ? `in ${md(workshop.place.ref.title ?? workshop.place.ref.name)}` : undefined,
        `${workshop.participants.length} participants`,
        workshop.interests.length ? `about ${workshop.interests.map(i => md(i.$refText)).join(', ')}` : undefined
    ].filter(isText);
    return [heading('workshop', workshop.name, workshop.title), facts.join(' · '), ...optional(workshop.outcome), ...optional(workshop.description)];
}

function describeDialogue(dialogue: Dialogue): string[] {
    const byStatus = new Map<string, number>();
    for (const commitment of dialogue.commitments) {
        const status = commitment.status ?? DEFAULT_COMMITMENT_STATUS;
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    }
    const statuses = [...byStatus].map(([status, count]) => `${count} ${md(status)}`).join(', ');
    const facts = [
        dialogue.date ? `on ${md(dialogue.date)}` : undefined,
        `${dialogue.parties.length} parties`,
        `${dialogue.commitments.length} commitments${statuses ? ` (${statuses})` : ''}`
    ].filter(isText);
    return [heading('dialogue', dialogue.name, dialogue.title), facts.join(' · '), ...optional(dialogue.description)];
}

function describeCommitment(commitment: Commitment): string[] {
    const to = commitment.beneficiaries.length ? ` to ${commitment.beneficiaries.map(b => md(b.$refText)).join(', ')}` : '';
    const facts = [
        `${md(commitment.actor?.$refText ?? '?')} commits${to}`,
        commitment.due ? `due ${md(commitment.due)}` : undefined,
        `status ${md(commitment.status ?? DEFAULT_COMMITMENT_STATUS)}`
    ].filter(isText);
    return [heading('commitment', commitment.name, undefined), facts.join(' · '), ...optional(commitment.text)];
}

