import type { AstNode, LangiumDocument, ValidationAcceptor, ValidationChecks } from 'langium';
import { AstUtils } from 'langium';
import { keywordOf, ownCstNodes } from '../cst.js';
import type {
    Actor, Commitment, Dialogue, EgoInclusion, Interest, Kind, Place, Relation, Territory, TerritoryAstType,
    Tie, View, Workshop, Zone
} from '../generated/ast.js';
import { isDialogue, isTerritory, isZone } from '../generated/ast.js';
import { closestNames, hasBidiControl, invalidNameCharacter } from '../names.js';
import { isPreludeUri } from '../prelude.js';
import type { TerritoryServices } from '../territory-module.js';
import {
    CLOSED_STATUSES, COLOR_CHOICES, COMMITMENT_STATUSES, DEFAULT_COMMITMENT_STATUS, LAYOUTS, positionAgreement, SIZE_METRICS, words
} from '@territory/analysis';
import type { ModelFacts, TerritoryModelIndex } from '../workspace/model-index.js';
import { declarationsOf } from '../workspace/model-index.js';
import { relinkedStatements, statementOf, wasRelinked } from '../workspace/relink-plans.js';
import { isCalendarDate, today } from './dates.js';
import { IssueCodes } from './issue-codes.js';

export function registerValidationChecks(services: TerritoryServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.TerritoryValidator;
    const checks: ValidationChecks<TerritoryAstType> = {
        Territory: validator.checkTerritory,
        Zone: validator.checkZone,
        Kind: validator.checkKind,
        Relation: validator.checkNamed,
        Interest: validator.checkInterest,
        Actor: validator.checkActor,
        Tie: validator.checkTie,
        Workshop: validator.checkWorkshop,
        Dialogue: validator.checkDialogue,
        Commitment: validator.checkCommitment,
        View: validator.checkView,
        EgoInclusion: validator.checkEgoInclusion
    };
    registry.register(checks, validator);
}

type NamedNode = AstNode & { name: string };

/**
 * An actor's positions (+intensity supports, −intensity opposes): on each interest it takes a
 * stance on, in the order of its first stance on it, the position of its last.
 */
function positionsOf(actor: Actor): { interests: Interest[]; positions: number[] } {
    const interests: Interest[] = [];
    const positions: number[] = [];
    for (const stance of actor.stances) {
        const interest = stance.interest?.ref;
        if (!interest) continue;
        const position = (stance.position === 'opposes' ? -1 : 1) * (/^[0-9]+$/.test(stance.intensity ?? '') ? Number(stance.intensity) : 1);
        const at = interests.indexOf(interest);
        if (at < 0) {
            interests.push(interest);
            positions.push(position);
        } else positions[at] = position;
    }
    return { interests, positions };
}

/** Options of a diagnostic: its issue code in `code` and in `data.code`, plus data for quick fixes. */
function issue(code: string, data: Record<string, unknown> = {}): { code: string; data: Record<string, unknown> } {
    return { code, data: { code, ...data } };
}

// Properties that hold one value: given twice, the last one silently wins, so we say so.
const SINGLE_VALUED = new Set(['population', 'asOf', 'description', 'color', 'kind', 'zone', 'power', 'outcome', 'from', 'size', 'layout']);

const NOTHING: ReadonlySet<AstNode> = new Set();

export class TerritoryValidator {
    private readonly modelIndex: TerritoryModelIndex;
    /** `statementsToRecheck` by document, for one version of the facts. */
    private recheck?: { version: number; byDocument: Map<LangiumDocument, Set<AstNode>> };

    constructor(services: TerritoryServices) {
        this.modelIndex = services.references.ModelIndex;
    }

    private facts(): ModelFacts {
        return this.modelIndex.get();
    }

    /**
     * What the checks of a top-level statement read from the workspace-wide facts and from
     * statements of other files, as a string. After an edit elsewhere, a statement whose
     * signature and references are unchanged keeps its diagnostics (incremental
     * revalidation, see `TerritoryDocumentValidator`); a check that starts reading something
     * new must add it here. Undefined: always check again (the territory and zones, whose
     * chains of parents cross files).
     */
    workspaceSignature(statement: AstNode): string | undefined {
        if (statement.$type === 'Territory' || statement.$type === 'Zone') return undefined;
        const facts = this.facts();
        let signature = '';
        const name = (statement as { name?: unknown }).name;
        if (typeof name === 'string') {
            signature = facts.declarations.get(name) === statement
                ? 'unique'
                : declarationsOf(facts, name).map(d => d.node === statement ? 'self' : `${d.builtin ? 'builtin ' : ''}${d.node.$type}@${d.document.uri.toString()}:${line(d.node)}`).join(',');
        }
        switch (statement.$type) {
            case 'Actor': return signature + (facts.tieCount.get(statement as Actor) ? '|tied' : '|isolated');
            case 'Interest': return signature + (facts.stanceCount.get(statement as Interest) ? '|held' : '|unheld');
            case 'Tie': {
                const first = facts.repeatedTies.get(statement as Tie);
                const repeats = first ? `|repeats ${AstUtils.getDocument(first).uri.toString()}:${line(first)}` : '';
                return `${facts.firstPositiveTies.has(statement as Tie) ? 'first' : ''}${repeats}`;
            }
            case 'Dialogue': return `${signature}|${this.referenceDate()}`;
            default: return signature;
        }
    }

    /**
     * Whether the checks of a statement read the content of statements whose references were
     * resolved again: a tie's tension check reads both actors' stances.
     */
    readsRelinked(statement: AstNode): boolean {
        if (statement.$type !== 'Tie' || !this.facts().firstPositiveTies.has(statement as Tie)) return false;
        const tie = statement as Tie;
        return [tie.source?.ref, tie.target?.ref].some(actor => actor !== undefined && wasRelinked(actor));
    }

    /**
     * The statements of `document` whose workspace signature, or what their checks read from
     * other statements, may have changed since the workspace was last validated (besides the
     * territory, zones and dialogues, always checked again, and the statements relinked
     * themselves): those whose facts changed, duplicates and repeated ties (they name each
     * other's lines, which move), and the ties whose tension check reads an actor whose
     * stances were resolved again. Found from those few, not by asking every statement.
     */
    statementsToRecheck(document: LangiumDocument): ReadonlySet<AstNode> {
        const version = this.modelIndex.version();
        if (this.recheck?.version !== version) this.recheck = { version, byDocument: this.groupStatementsToRecheck() };
        return this.recheck.byDocument.get(document) ?? NOTHING;
    }

    private groupStatementsToRecheck(): Map<LangiumDocument, Set<AstNode>> {
        const facts = this.facts();
        const statements = new Set<AstNode>(this.modelIndex.affectedStatements());
        for (const name of facts.duplicateNames) for (const declaration of declarationsOf(facts, name)) statements.add(statementOf(declaration.node));
        for (const tie of facts.repeatedTies.keys()) statements.add(tie);
        for (const statement of relinkedStatements()) {
            if (statement.$type !== 'Actor') continue;
            for (const tie of this.modelIndex.tiesOf(statement as Actor)) if (facts.firstPositiveTies.has(tie)) statements.add(tie);
        }
        const byDocument = new Map<LangiumDocument, Set<AstNode>>();
        for (const statement of statements) {
            const document = AstUtils.findRootNode(statement).$document;
            if (!document) continue;
            let set = byDocument.get(document);
            if (!set) byDocument.set(document, set = new Set());
            set.add(statement);
        }
        return byDocument;
    }

    private isBuiltin(node: AstNode): boolean {
        return isPreludeUri(AstUtils.getDocument(node).uri);
    }

    /** Checks every named declaration shares: its name, duplicates, built-ins, repeated properties. */
    checkNamed(node: NamedNode, accept: ValidationAcceptor): void {
        if (this.isBuiltin(node)) return;
        this.checkName(node, accept);
        this.checkRepeatedProperties(node, accept);
        if (this.facts().declarations.get(node.name) === node) return; // the only declaration of its name
        const declarations = declarationsOf(this.facts(), node.name);
        const builtin = declarations.find(declaration => declaration.builtin);
        if (builtin) {
            accept('error', `'${node.name}' is a built-in ${builtin.node.$type.toLowerCase()} and cannot be redeclared; choose another name.`,
                { node, property: 'name', ...issue(IssueCodes.RedeclaredBuiltin) });
            return;
        }
        const others = declarations.filter(declaration => declaration.node !== node);
        if (others.length > 0) {
            const where = others.map(other => `${other.node.$type.toLowerCase()} in ${fileName(other.document.uri.path)}:${line(other.node)}`).join(', ');
            accept('error', `Duplicate name '${node.name}': also declared as ${where}.`,
                { node, property: 'name', ...issue(IssueCodes.DuplicateName) });
        }
    }

    private checkName(node: NamedNode, accept: ValidationAcceptor): void {
        if (!node.name) return; // a statement the parser recovered without its name: the syntax error says so
        if (hasBidiControl(node.name)) {
            accept('error', `The name '${node.name}' contains invisible bidirectional control characters, which make different names look the same; remove them.`,
                { node, property: 'name', ...issue(IssueCodes.BidiControlInName) });
            return;
        }
        const invalid = invalidNameCharacter(node.name);
        if (invalid) {
            accept('error', `'${invalid}' cannot be part of a name: names are letters of any script, combining marks, digits and '_', starting with a letter or '_'.`,
                { node, property: 'name', ...issue(IssueCodes.InvalidName) });
        }
    }

    private checkRepeatedProperties(node: AstNode, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const child of ownCstNodes(node)) {
            const keyword = keywordOf(child);
            if (!keyword || !SINGLE_VALUED.has(keyword)) continue;
            if (seen.has(keyword)) {
                accept('warning', `'${keyword}' is given more than once; only the last one counts.`,
                    { node, range: child.range, ...issue(IssueCodes.RepeatedProperty) });
            }
            seen.add(keyword);
        }
    }

    checkTerritory(territory: Territory, accept: ValidationAcceptor): void {
        this.checkNamed(territory, accept);
        const first = this.facts().territories[0];
        if (first && first !== territory) {
            accept('error', `A model has one territory; '${first.name}' is already declared in ${fileName(AstUtils.getDocument(first).uri.path)}:${line(first)}. Declare '${territory.name}' as a zone instead.`,
                { node: territory, property: 'name', ...issue(IssueCodes.SecondTerritory) });
        }
        this.checkInteger(territory, 'population', 'population', 0, Number.MAX_SAFE_INTEGER, accept);
        this.checkDate(territory, 'asOf', accept);
    }

    checkZone(zone: Zone, accept: ValidationAcceptor): void {
        this.checkNamed(zone, accept);
        this.checkInteger(zone, 'population', 'population', 0, Number.MAX_SAFE_INTEGER, accept);
        const enclosing = isZone(zone.$container) || isTerritory(zone.$container) ? zone.$container : undefined;
        const declared = zone.parent?.ref;
        if (enclosing && declared && declared !== enclosing) {
            accept('warning', `Zone '${zone.name}' is nested in '${enclosing.name}' but says 'in ${declared.name}'; the nesting gives its parent.`,
                { node: zone, property: 'parent', ...issue(IssueCodes.ConflictingZoneParent) });
        }
        // Walk up the parents: coming back to this zone is a cycle.
        const visited = new Set<Place>([zone]);
        let current: Place | undefined = parentOf(zone);
        while (current && !isTerritory(current)) {
            if (current === zone) {
                accept('error', `Zone '${zone.name}' contains itself: its chain of parents comes back to it.`,
                    { node: zone, property: zone.parent ? 'parent' : 'name', ...issue(IssueCodes.ZoneCycle) });
                return;
            }
            if (visited.has(current)) return; // a cycle further up: reported on its own zones
            visited.add(current);
            current = parentOf(current);
        }
    }

    checkKind(kind: Kind, accept: ValidationAcceptor): void {
        this.checkNamed(kind, accept);
        if (kind.color !== undefined && !/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(kind.color)) {
            accept('warning', `Colours are written "#rrggbb" (e.g. "#1565c0"), not "${kind.color}".`,
                { node: kind, property: 'color', ...issue(IssueCodes.InvalidColor) });
        }
    }

    checkInterest(interest: Interest, accept: ValidationAcceptor): void {
        this.checkNamed(interest, accept);
        interest.sdgs.forEach((_, index) => this.checkInteger(interest, 'sdgs', 'An SDG number', 1, 17, accept, index));
        if (!this.facts().stanceCount.get(interest)) {
            accept('hint', `No actor supports or opposes '${interest.name}'.`,
                { node: interest, property: 'name', ...issue(IssueCodes.InterestWithoutStance) });
        }
    }

    checkActor(actor: Actor, accept: ValidationAcceptor): void {
        this.checkNamed(actor, accept);
        this.checkInteger(actor, 'power', 'power', 0, 5, accept);
        const positions = new Map<Interest, string>();
        actor.stances.forEach(stance => {
            this.checkInteger(stance, 'intensity', 'An intensity', 1, 4, accept);
            const interest = stance.interest?.ref;
            if (!interest) return;
            const earlier = positions.get(interest);
            if (earlier && earlier !== stance.position) {
                accept('error', `'${actor.name}' both supports and opposes '${interest.name}'; keep one position.`,
                    { node: stance, ...issue(IssueCodes.ContradictoryStance) });
            } else if (earlier) {
                accept('warning', `'${actor.name}' already ${stance.position} '${interest.name}'; only one intensity counts.`,
                    { node: stance, ...issue(IssueCodes.RepeatedStance) });
            }
            positions.set(interest, stance.position);
        });
        if (!this.facts().tieCount.get(actor)) {
            accept('hint', `'${actor.name}' has no tie: it is isolated in the sociogram.`,
                { node: actor, property: 'name', ...issue(IssueCodes.IsolatedActor) });
        }
    }

    checkTie(tie: Tie, accept: ValidationAcceptor): void {
        const source = tie.source?.ref;
        const target = tie.target?.ref;
        if (source && source === target) {
            accept('error', `A tie joins two different actors; this one goes from '${source.name}' to itself.`,
                { node: tie, property: 'target', ...issue(IssueCodes.SelfTie) });
        }
        this.checkInteger(tie, 'weight', 'A weight', 1, 5, accept);
        const relation = tie.relation?.ref;
        if (relation) {
            const direction = relationDirection(relation);
            if (direction === 'directed' && tie.arrow === '--') {
                accept('warning', `'${relation.name}' is a directed relation: write the tie with '->'.`,
                    { node: tie, property: 'arrow', ...issue(IssueCodes.DirectionMismatch, { arrow: '->' }) });
            } else if (direction === 'mutual' && tie.arrow === '->') {
                accept('warning', `'${relation.name}' is a mutual relation: write the tie with '--'.`,
                    { node: tie, property: 'arrow', ...issue(IssueCodes.DirectionMismatch, { arrow: '--' }) });
            }
        }
        if (source && target && source !== target && this.facts().firstPositiveTies.has(tie)) {
            this.checkTension(tie, source, target, accept);
        }
        const first = this.facts().repeatedTies.get(tie);
        if (first) {
            accept('warning', `The same tie is already declared in ${fileName(AstUtils.getDocument(first).uri.path)}:${line(first)}.`,
                { node: tie, ...issue(IssueCodes.DuplicateTie) });
        }
    }

    /** A tie between actors whose positions diverge more than they converge (MACTOR 2DAA > 2CAA). */
    private checkTension(tie: Tie, source: Actor, target: Actor, accept: ValidationAcceptor): void {
        // Over lists, not maps: this runs for every tie on opening a workspace, and an actor
        // takes a few stances. An interest held twice counts once, with its last stance.
        let convergence = 0;
        let divergence = 0;
        const divergent: string[] = [];
        const ours = positionsOf(source);
        const theirs = positionsOf(target);
        ours.interests.forEach((interest, index) => {
            const other = theirs.interests.indexOf(interest);
            if (other < 0) return;
            const agreement = positionAgreement(ours.positions[index], theirs.positions[other]);
            convergence += agreement.convergence;
            divergence += agreement.divergence;
            if (agreement.divergence > 0) divergent.push(interest.name);
        });
        if (divergence > convergence) {
            accept('hint', `Tension: '${source.name}' and '${target.name}' are tied but diverge on ${divergent.join(', ')} (divergence ${divergence} > convergence ${convergence}).`,
                { node: tie, ...issue(IssueCodes.Tension) });
        }
    }

    checkWorkshop(workshop: Workshop, accept: ValidationAcceptor): void {
        this.checkNamed(workshop, accept);
        this.checkDate(workshop, 'date', accept);
    }

    checkDialogue(dialogue: Dialogue, accept: ValidationAcceptor): void {
        this.checkNamed(dialogue, accept);
        this.checkDate(dialogue, 'date', accept);
        const origin = dialogue.origin?.ref;
        if (origin?.date && dialogue.date && isCalendarDate(origin.date) && isCalendarDate(dialogue.date) && origin.date > dialogue.date) {
            accept('warning', `Workshop '${origin.name}' (${origin.date}) is dated after this dialogue (${dialogue.date}) which grew out of it.`,
                { node: dialogue, property: 'origin', ...issue(IssueCodes.WorkshopAfterDialogue) });
        }
        const committed = new Set(dialogue.commitments.map(commitment => commitment.actor?.ref).filter(actor => actor));
        dialogue.parties.forEach((party, index) => {
            if (party.ref && !committed.has(party.ref)) {
                accept('hint', `Party '${party.ref.name}' makes no commitment in this dialogue.`,
                    { node: dialogue, property: 'parties', index, ...issue(IssueCodes.PartyWithoutCommitment) });
            }
        });
        const names = new Set<string>();
        for (const commitment of dialogue.commitments) {
            if (names.has(commitment.name)) {
                accept('error', `Dialogue '${dialogue.name}' already has a commitment named '${commitment.name}'.`,
                    { node: commitment, property: 'name', ...issue(IssueCodes.DuplicateCommitment) });
            }
            names.add(commitment.name);
        }
    }

    checkCommitment(commitment: Commitment, accept: ValidationAcceptor): void {
        this.checkName(commitment, accept);
        this.checkDate(commitment, 'due', accept);
        const dialogue = commitment.$container;
        const actor = commitment.actor?.ref;
        if (isDialogue(dialogue) && actor && !dialogue.parties.some(party => party.ref === actor)) {
            accept('warning', `'${actor.name}' is not a party of dialogue '${dialogue.name}'.`,
                { node: commitment, property: 'actor', ...issue(IssueCodes.CommitmentByNonParty, { dialogue: dialogue.name, actor: actor.name }) });
        }
        if (commitment.status !== undefined) {
            this.checkValueWord(commitment, 'status', commitment.status, 'commitment status', words(COMMITMENT_STATUSES), accept);
        }
        const status = commitment.status ?? DEFAULT_COMMITMENT_STATUS;
        const knownStatus = words(COMMITMENT_STATUSES).includes(status);
        const asOf = this.referenceDate();
        if (knownStatus && commitment.due && isCalendarDate(commitment.due) && commitment.due < asOf && !CLOSED_STATUSES.has(status)) {
            accept('warning', `Commitment '${commitment.name}' was due on ${commitment.due} and is still '${status}' (as of ${asOf}).`,
                { node: commitment, property: 'due', ...issue(IssueCodes.CommitmentOverdue) });
        }
    }

    checkView(view: View, accept: ValidationAcceptor): void {
        this.checkNamed(view, accept);
        const choice = view.colorBy;
        if (choice) {
            this.checkValueWord(choice, 'choice', choice.choice, '`color by` choice', words(COLOR_CHOICES), accept);
            if (choice.choice === 'stance' && !choice.interest) {
                accept('error', 'Say which interest: `color by stance INTEREST`.',
                    { node: choice, property: 'choice', ...issue(IssueCodes.StanceNeedsInterest) });
            } else if (choice.choice !== 'stance' && choice.interest) {
                accept('error', `Only \`color by stance\` takes an interest.`,
                    { node: choice, property: 'interest', ...issue(IssueCodes.UnknownValue) });
            }
        }
        if (view.sizeBy !== undefined) this.checkValueWord(view, 'sizeBy', view.sizeBy, '`size by` figure', words(SIZE_METRICS), accept);
        if (view.layout !== undefined) this.checkValueWord(view, 'layout', view.layout, 'layout', words(LAYOUTS), accept);
    }

    checkEgoInclusion(ego: EgoInclusion, accept: ValidationAcceptor): void {
        this.checkInteger(ego, 'depth', 'A depth', 1, 10, accept);
    }

    /** The reference date for due dates: the territory's `asOf`, or today. */
    private referenceDate(): string {
        const asOf = this.facts().territories[0]?.asOf;
        return asOf && isCalendarDate(asOf) ? asOf : today();
    }

    private checkValueWord(node: AstNode, property: string, value: string, what: string, allowed: string[], accept: ValidationAcceptor): void {
        if (allowed.includes(value)) return;
        const suggestions = closestNames(value, allowed);
        const hint = suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : '';
        accept('error', `Unknown ${what} '${value}'. Expected one of: ${allowed.join(', ')}.${hint}`,
            { node, property, ...issue(IssueCodes.UnknownValue, { suggestions }) });
    }

    private checkInteger(node: AstNode, property: string, what: string, min: number, max: number, accept: ValidationAcceptor, index?: number): void {
        const raw = (node as unknown as Record<string, unknown>)[property];
        const text = Array.isArray(raw) ? raw[index ?? 0] : raw;
        if (typeof text !== 'string') return;
        const subject = what.charAt(0).toUpperCase() + what.slice(1);
        const range = max === Number.MAX_SAFE_INTEGER ? `a whole number` : `a whole number from ${min} to ${max}`;
        if (!/^[0-9]+$/.test(text)) {
            accept('error', `${subject} must be ${range}, not '${text}'.`, { node, property, index, ...issue(IssueCodes.NotAnInteger) });
            return;
        }
        const value = Number(text);
        if (value < min || value > max) {
            accept('error', `${subject} must be ${range}, not ${text}.`, { node, property, index, ...issue(IssueCodes.ValueOutOfRange) });
        }
    }

    private checkDate(node: AstNode, property: string, accept: ValidationAcceptor): void {
        const text = (node as unknown as Record<string, unknown>)[property];
        if (typeof text === 'string' && !isCalendarDate(text)) {
            accept('error', `'${text}' is not a calendar date; dates are written YYYY-MM-DD, e.g. 2022-03-15.`,
                { node, property, ...issue(IssueCodes.InvalidDate) });
        }
    }
}

/** The parent of a place: its `in`, else the zone (or territory) it is nested in. */
export function parentOf(place: Place): Place | undefined {
    if (!isZone(place)) return undefined;
    return place.parent?.ref ?? (isZone(place.$container) || isTerritory(place.$container) ? place.$container : undefined);
}

/** A relation's direction, with the spec's default (`mutual`). */
export function relationDirection(relation: Relation): 'directed' | 'mutual' {
    return relation.direction === 'directed' ? 'directed' : 'mutual';
}

function line(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

function fileName(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
}

