import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils, DocumentState } from 'langium';
import type { Interest, Model, Relation } from '../generated/ast.js';
import { Actor, isInterest, Territory, Tie, Zone } from '../generated/ast.js';
import type { TerritoryServices } from '../territory-module.js';
import { isPreludeUri } from '../prelude.js';
import { compareDocumentUris } from './document-order.js';
import { OrderedMultiMap } from './ordered-multi-map.js';
import { relinkPlanOf, statementOf } from './relink-plans.js';

/** A named declaration, as the workspace-wide checks see it. */
export interface Declaration {
    readonly node: AstNode & { name: string };
    readonly document: LangiumDocument;
    readonly builtin: boolean;
}

/**
 * Facts about the whole model that single-file validation cannot see: which names are
 * declared where, which actors have ties, which interests have stances, which ties repeat.
 * Brought up to date on first use after a change (see `TerritoryModelIndex.get`).
 */
export interface ModelFacts {
    /** The nodes declaring each name, in workspace order: one node, or several (duplicates). */
    readonly declarations: ReadonlyMap<string, AstNode | readonly AstNode[]>;
    readonly tieCount: ReadonlyMap<Actor, number>;
    /** Of those, the ties of a negative relation (conflict, rejection…). */
    readonly negativeTieCount: ReadonlyMap<Actor, number>;
    readonly stanceCount: ReadonlyMap<Interest, number>;
    /** Ties that repeat an earlier tie (same endpoints, relation and direction), with the first one. */
    readonly repeatedTies: ReadonlyMap<Tie, Tie>;
    /** For each pair of actors joined in the sociogram, the first positive or neutral tie joining them. */
    readonly firstPositiveTies: ReadonlySet<Tie>;
    /** Every territory declaration, in workspace order; only the first one counts. */
    readonly territories: readonly Territory[];
    /** The names declared more than once. */
    readonly duplicateNames: ReadonlySet<string>;
}

/** The declarations of `name`, in workspace order. */
export function declarationsOf(facts: ModelFacts, name: string): Declaration[] {
    const found = facts.declarations.get(name);
    const nodes = found === undefined ? [] : Array.isArray(found) ? found : [found as AstNode];
    return nodes.map(node => {
        const document = AstUtils.getDocument(node);
        return { node: node as AstNode & { name: string }, document, builtin: isPreludeUri(document.uri) };
    });
}

/** What one top-level statement adds to the facts, kept to be taken back when it changes. */
interface Contribution {
    /** The refresh that last found the statement in its document. */
    generation: number;
    /** The statement's name and those of the zones nested in it. */
    readonly declared: ReadonlyArray<readonly [string, AstNode]>;
    readonly tie?: TieContribution;
    /** An actor's stances: the interests they resolve to. */
    readonly interests?: readonly (Interest | undefined)[];
}

interface TieContribution {
    readonly source?: Actor;
    readonly target?: Actor;
    readonly relation?: Relation;
    readonly negative: boolean;
    /** The pair of actors, and the pair with relation and direction (a repeated tie has the same key). */
    readonly pair?: number;
    readonly key?: number;
}

export class TerritoryModelIndex {
    private readonly documents: LangiumDocuments;
    /** Declarations by name, in workspace order: the facts' `declarations` are its map. */
    private declarations = new OrderedMultiMap<string, AstNode>(compareInWorkspace);
    private facts: MutableFacts = emptyFacts(this.declarations);
    /** By document URI: the root the contributions were read from, and each statement's contribution. */
    private readonly contributions = new Map<string, { root: AstNode; statements: Map<AstNode, Contribution> }>();
    /** Each actor's ties (either end); made the first time they are asked for (rarely needed). */
    private tiesByActor: Map<Actor, Set<Tie>> | undefined;
    /** Ties by key (endpoints, relation, direction), and positive or neutral ties by pair, in workspace order. */
    private readonly tiesByKey = new OrderedMultiMap<number, Tie>(compareInWorkspace);
    private readonly positiveTiesByPair = new OrderedMultiMap<number, Tie>(compareInWorkspace);
    /** Whether to note the affected statements: not on the first refresh, where every statement is checked anyway. */
    private tracking = false;
    /** Ids of actor and relation nodes, in order of first sight, for number keys (cheaper than strings). */
    private actorIds = new WeakMap<AstNode, number>();
    private relationIds = new WeakMap<AstNode, number>();
    private actorCount = 0;
    private relationCount = 0;
    private generation = 0;
    private stale = true;
    private readonly affected = new Set<AstNode>();

    constructor(services: TerritoryServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        const builder = services.shared.workspace.DocumentBuilder;
        // Stale after any change, and again once references are resolved: hover may ask in between.
        builder.onUpdate((changed, deleted) => {
            if (changed.length + deleted.length > 0) this.stale = true;
        });
        builder.onBuildPhase(DocumentState.Linked, () => { this.stale = true; });
        builder.onBuildPhase(DocumentState.Validated, () => this.affected.clear());
    }

    /**
     * The statements whose facts changed since the workspace was last validated: those
     * declaring a name whose declarations changed, the actors and interests whose counts
     * changed, the ties whose repetition or first-positive status changed. Only these (and the
     * statements that changed themselves) may need checking again.
     */
    affectedStatements(): ReadonlySet<AstNode> {
        if (this.stale) this.refresh();
        return this.affected;
    }

    /**
     * The facts of the current model. After a change, only the statements that changed, or
     * whose references now resolve elsewhere, are taken back and added again: recomputing
     * the facts of every statement took 100–200 ms per edit on a model of 15,500 actors, and
     * even looking for what changed in every statement took 40 ms.
     */
    get(): ModelFacts {
        if (this.stale) this.refresh();
        return this.facts;
    }

    /** The model's documents in a stable order (by URI), the prelude first. */
    orderedDocuments(): LangiumDocument[] {
        return this.documents.all
            .filter(document => isPreludeUri(document.uri) || document.uri.path.endsWith('.territory'))
            .toArray()
            .sort((a, b) => compareDocumentUris(a.uri.toString(), b.uri.toString()));
    }

    /** Changes each time the facts are brought up to date. */
    version(): number {
        if (this.stale) this.refresh();
        return this.generation;
    }

    /** The ties of an actor, at either end. */
    tiesOf(actor: Actor): ReadonlySet<Tie> {
        if (this.stale) this.refresh();
        if (!this.tiesByActor) {
            this.tiesByActor = new Map();
            for (const { statements } of this.contributions.values()) {
                for (const [statement, contribution] of statements) if (contribution.tie) addTie(this.tiesByActor, contribution.tie, statement as Tie);
            }
        }
        return this.tiesByActor.get(actor) ?? NO_TIES;
    }

    private refresh(): void {
        this.stale = false;
        // Keys need ids below their bounds: a long session that made that many nodes starts afresh.
        if (this.actorCount >= ACTOR_SPACE || this.relationCount >= RELATION_SPACE) this.reset();
        const generation = ++this.generation;
        this.tracking = this.contributions.size > 0;
        const present = new Set<string>();
        for (const document of this.orderedDocuments()) {
            const uri = document.uri.toString();
            present.add(uri);
            const root = document.parseResult.value;
            let known = this.contributions.get(uri);
            const plan = relinkPlanOf(document);
            if (known?.root === root && plan && !plan.edited) {
                // Relinked partially and not edited: only the statements whose references were
                // resolved again may contribute something else (a plan lives until its document
                // is validated, which reads the facts first, so no refresh misses one).
                for (const statement of plan.statements) this.update(known.statements, statement, generation);
                continue;
            }
            if (known && known.root !== root) this.forget(uri);
            if (!known || known.root !== root) this.contributions.set(uri, known = { root, statements: new Map() });
            for (const statement of (root as Model).statements) this.update(known.statements, statement, generation);
            for (const [statement, contribution] of known.statements) {
                if (contribution.generation === generation) continue;
                this.takeBack(statement, contribution);
                known.statements.delete(statement);
            }
        }
        for (const uri of [...this.contributions.keys()]) if (!present.has(uri)) this.forget(uri);
    }

    /** Takes back what the statement contributed and adds what it contributes now, unless that is the same. */
    private update(contributions: Map<AstNode, Contribution>, statement: AstNode, generation: number): void {
        const before = contributions.get(statement);
        if (before && unchanged(before, statement)) {
            before.generation = generation;
            return;
        }
        if (before) this.takeBack(statement, before);
        const contribution = this.contributionOf(statement, generation);
        this.add(statement, contribution);
        contributions.set(statement, contribution);
    }

    /** Takes back everything a document contributed (deleted, or parsed again whole). */
    private forget(uri: string): void {
        const known = this.contributions.get(uri);
        if (!known) return;
        for (const [statement, contribution] of known.statements) this.takeBack(statement, contribution);
        this.contributions.delete(uri);
    }

    private reset(): void {
        this.declarations = new OrderedMultiMap<string, AstNode>(compareInWorkspace);
        this.facts = emptyFacts(this.declarations);
        this.contributions.clear();
        this.tiesByActor = undefined;
        this.tiesByKey.clear();
        this.positiveTiesByPair.clear();
        this.actorIds = new WeakMap();
        this.relationIds = new WeakMap();
        this.actorCount = 0;
        this.relationCount = 0;
    }

    private actorId(actor: AstNode): number {
        let value = this.actorIds.get(actor);
        if (value === undefined) this.actorIds.set(actor, value = this.actorCount++);
        return value;
    }

    private relationId(relation: AstNode): number {
        let value = this.relationIds.get(relation);
        if (value === undefined) this.relationIds.set(relation, value = this.relationCount++);
        return value;
    }

    private contributionOf(statement: AstNode, generation: number): Contribution {
        const declared: Array<readonly [string, AstNode]> = [];
        for (const node of declaredElements(statement)) {
            const name = (node as { name?: unknown }).name;
            if (typeof name === 'string' && name) declared.push([name, node]);
        }
        // `$type` rather than the reflection's `isTie`…: these types have no subtypes, and
        // this runs for every statement of a changed file.
        if (statement.$type === Tie.$type) {
            const tie = statement as Tie;
            const source = tie.source?.ref;
            const target = tie.target?.ref;
            const relation = tie.relation?.ref;
            const negative = relation?.polarity === 'negative';
            let pair: number | undefined;
            let key: number | undefined;
            if (source && target && relation) {
                const [a, b] = [this.actorId(source), this.actorId(target)];
                pair = a < b ? a * ACTOR_SPACE + b : b * ACTOR_SPACE + a;
                // Endpoints, relation and direction; a mutual tie is the same whichever way it is written.
                key = ((tie.arrow === '--' ? pair : a * ACTOR_SPACE + b) * RELATION_SPACE + this.relationId(relation)) * 2 + (tie.arrow === '--' ? 1 : 0);
            }
            return { generation, declared, tie: { source, target, relation, negative, pair, key } };
        }
        if (statement.$type === Actor.$type) {
            return { generation, declared, interests: (statement as Actor).stances.map(stance => stance.interest?.ref) };
        }
        return { generation, declared };
    }

    private add(statement: AstNode, contribution: Contribution): void {
        const facts = this.facts;
        for (const [name, node] of contribution.declared) {
            this.declarations.add(name, node);
            if (this.tracking) this.affect(this.declarations.all(name));
        }
        if (statement.$type === Territory.$type) insertInOrder(facts.territories, statement as Territory);
        const tie = contribution.tie;
        if (tie) {
            this.countTie(tie, 1);
            if (this.tiesByActor) addTie(this.tiesByActor, tie, statement as Tie);
            if (tie.key !== undefined) this.changeTies(this.tiesByKey, tie.key, statement as Tie, 1);
            if (tie.pair !== undefined && !tie.negative) this.changeTies(this.positiveTiesByPair, tie.pair, statement as Tie, 1);
        }
        for (const interest of contribution.interests ?? []) if (isInterest(interest)) this.count(facts.stanceCount, interest, 1);
    }

    private takeBack(statement: AstNode, contribution: Contribution): void {
        const facts = this.facts;
        for (const [name, node] of contribution.declared) {
            this.declarations.remove(name, node);
            if (this.tracking) this.affect(this.declarations.all(name));
        }
        if (statement.$type === Territory.$type) remove(facts.territories, statement as Territory);
        const tie = contribution.tie;
        if (tie) {
            this.countTie(tie, -1);
            if (this.tiesByActor) {
                for (const actor of tie.source === tie.target ? [tie.source] : [tie.source, tie.target]) {
                    const ties = actor && this.tiesByActor.get(actor);
                    if (!ties) continue;
                    ties.delete(statement as Tie);
                    if (ties.size === 0) this.tiesByActor.delete(actor!);
                }
            }
            if (tie.key !== undefined) this.changeTies(this.tiesByKey, tie.key, statement as Tie, -1);
            if (tie.pair !== undefined && !tie.negative) this.changeTies(this.positiveTiesByPair, tie.pair, statement as Tie, -1);
        }
        for (const interest of contribution.interests ?? []) if (isInterest(interest)) this.count(facts.stanceCount, interest, -1);
    }

    private affect(nodes: readonly AstNode[]): void {
        if (this.tracking) for (const node of nodes) this.affected.add(statementOf(node));
    }

    private countTie(tie: TieContribution, delta: number): void {
        this.countEnds(this.facts.tieCount, tie, delta);
        if (tie.negative) this.countEnds(this.facts.negativeTieCount, tie, delta);
    }

    private countEnds(counts: Map<Actor, number>, { source, target }: TieContribution, delta: number): void {
        if (source) this.count(counts, source, delta);
        if (target && target !== source) this.count(counts, target, delta);
    }

    private count<T extends AstNode>(counts: Map<T, number>, key: T, delta: number): void {
        const value = (counts.get(key) ?? 0) + delta;
        if (value === 0) counts.delete(key); else counts.set(key, value);
        if (this.tracking) this.affected.add(key);
    }

    /**
     * Adds (`delta` 1) or removes a tie among those of its key, and keeps the repeated ties and
     * the first positive ties in step.
     */
    private changeTies(ties: OrderedMultiMap<number, Tie>, key: number, tie: Tie, delta: 1 | -1): void {
        const firstBefore = ties.first(key);
        if (delta === 1) ties.add(key, tie); else ties.remove(key, tie);
        const first = ties.first(key);
        if (this.tracking) {
            if (firstBefore) this.affected.add(statementOf(firstBefore));
            this.affect(ties.all(key));
        }
        if (ties === this.positiveTiesByPair) {
            if (delta === -1) this.facts.firstPositiveTies.delete(tie);
            if (firstBefore !== first) {
                if (firstBefore) this.facts.firstPositiveTies.delete(firstBefore);
                if (first) this.facts.firstPositiveTies.add(first);
            }
            return;
        }
        const repeated = this.facts.repeatedTies;
        if (delta === -1) repeated.delete(tie);
        if (first) repeated.delete(first);
        if (!ties.repeated.has(key)) return;
        const list = ties.all(key);
        for (let i = 1; i < list.length; i++) repeated.set(list[i], list[0]);
    }
}

/** Whether the statement still contributes what it did: the same node, its references resolved to the same nodes. */
function unchanged(before: Contribution, statement: AstNode): boolean {
    if (before.tie) {
        const tie = statement as Tie;
        return tie.source?.ref === before.tie.source && tie.target?.ref === before.tie.target && tie.relation?.ref === before.tie.relation;
    }
    if (before.interests) {
        const stances = (statement as Actor).stances;
        return stances.length === before.interests.length && stances.every((stance, i) => stance.interest?.ref === before.interests![i]);
    }
    return true;
}

type MutableFacts = {
    readonly declarations: Map<string, AstNode | AstNode[]>;
    readonly tieCount: Map<Actor, number>;
    readonly negativeTieCount: Map<Actor, number>;
    readonly stanceCount: Map<Interest, number>;
    readonly repeatedTies: Map<Tie, Tie>;
    readonly firstPositiveTies: Set<Tie>;
    readonly territories: Territory[];
    readonly duplicateNames: ReadonlySet<string>;
};

function emptyFacts(declarations: OrderedMultiMap<string, AstNode>): MutableFacts {
    return {
        declarations: declarations.map, tieCount: new Map(), negativeTieCount: new Map(), stanceCount: new Map(), repeatedTies: new Map(),
        firstPositiveTies: new Set(), territories: [], duplicateNames: declarations.repeated
    };
}

const NO_TIES: ReadonlySet<Tie> = new Set();

function addTie(tiesByActor: Map<Actor, Set<Tie>>, { source, target }: TieContribution, tie: Tie): void {
    for (const actor of source === target ? [source] : [source, target]) {
        if (!actor) continue;
        let ties = tiesByActor.get(actor);
        if (!ties) tiesByActor.set(actor, ties = new Set());
        ties.add(tie);
    }
}

// Actor ids below 2^21, relation ids below 2^10: pair, relation and direction fit in a double's 53 bits.
const ACTOR_SPACE = 2 ** 21;
const RELATION_SPACE = 2 ** 10;

/** Where a node comes in workspace order: its document, its statement, its place in the statement. */
function compareInWorkspace(a: AstNode, b: AstNode): number {
    const documentA = AstUtils.getDocument(a).uri.toString();
    const documentB = AstUtils.getDocument(b).uri.toString();
    if (documentA !== documentB) return compareDocumentUris(documentA, documentB);
    const statementA = statementIndex(a);
    const statementB = statementIndex(b);
    return statementA - statementB || (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0);
}

function statementIndex(node: AstNode): number {
    return statementOf(node).$containerIndex ?? 0;
}

/** Inserts `node` into a list in workspace order (lists of duplicates and repeats: a few nodes). */
function insertInOrder<T extends AstNode>(list: T[], node: T): void {
    let at = list.length;
    while (at > 0 && compareInWorkspace(list[at - 1], node) > 0) at--;
    list.splice(at, 0, node);
}

function remove<T>(list: T[], item: T): void {
    const at = list.indexOf(item);
    if (at >= 0) list.splice(at, 1);
}

/**
 * A statement and the zones nested in it: the elements that can carry a global name. Most
 * statements are only themselves (this runs for every statement on opening a workspace).
 */
export function declaredElements(statement: AstNode): readonly AstNode[] {
    if (statement.$type !== Zone.$type && statement.$type !== Territory.$type) return [statement];
    const found: AstNode[] = [statement];
    const visit = (zones: readonly Zone[]) => {
        for (const zone of zones) {
            found.push(zone);
            visit(zone.zones);
        }
    };
    visit((statement as Zone | Territory).zones);
    return found;
}
