import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils } from 'langium';
import type { Interest, Model, Zone } from '../generated/ast.js';
import { Actor, isInterest, isTerritory, isZone, Territory, Tie } from '../generated/ast.js';
import type { TerritoryServices } from '../territory-module.js';
import { isPreludeUri } from '../prelude.js';
import { compareDocumentUris } from './document-order.js';

/** A named declaration, as the workspace-wide checks see it. */
export interface Declaration {
    readonly node: AstNode & { name: string };
    readonly document: LangiumDocument;
    readonly builtin: boolean;
}

/**
 * Facts about the whole model that single-file validation cannot see: which names are
 * declared where, which actors have ties, which interests have stances, which ties repeat.
 * Computed once per workspace build (on first use) and dropped when any document changes.
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

export class TerritoryModelIndex {
    private readonly documents: LangiumDocuments;
    private facts?: ModelFacts;

    constructor(services: TerritoryServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        services.shared.workspace.DocumentBuilder.onUpdate(() => { this.facts = undefined; });
    }

    get(): ModelFacts {
        return this.facts ??= this.compute();
    }

    /** The model's documents in a stable order (by URI), the prelude first. */
    orderedDocuments(): LangiumDocument[] {
        return this.documents.all
            .filter(document => isPreludeUri(document.uri) || document.uri.path.endsWith('.territory'))
            .toArray()
            .sort((a, b) => compareDocumentUris(a.uri.toString(), b.uri.toString()));
    }

    private compute(): ModelFacts {
        const declarations = new Map<string, AstNode | AstNode[]>();
        const tieCount = new Map<Actor, number>();
        const negativeTieCount = new Map<Actor, number>();
        const stanceCount = new Map<Interest, number>();
        const repeatedTies = new Map<Tie, Tie>();
        const territories: Territory[] = [];
        const firstPositiveTies = new Set<Tie>();
        // Pairs and ties are keyed by numbers (actor and relation ids in order of first
        // sight): tens of thousands of string keys per build cost more than the rest.
        const actorIds = new Map<AstNode, number>();
        const relationIds = new Map<AstNode, number>();
        const id = (ids: Map<AstNode, number>, node: AstNode) => {
            let value = ids.get(node);
            if (value === undefined) ids.set(node, value = ids.size);
            return value;
        };
        const firstTie = new Map<number, Tie>();
        const joinedPairs = new Set<number>();
        for (const document of this.orderedDocuments()) {
            const model = document.parseResult.value as Model;
            for (const node of declaredElements(model)) {
                const name = (node as { name?: unknown }).name;
                if (typeof name === 'string' && name) {
                    // One node per name but for duplicates: no list per name on every build.
                    const earlier = declarations.get(name);
                    if (earlier === undefined) declarations.set(name, node);
                    else if (Array.isArray(earlier)) earlier.push(node);
                    else declarations.set(name, [earlier as AstNode, node]);
                }
                // `$type` rather than the reflection's `isTie`…: these types have no subtypes, and
                // this loop visits every statement of the model on every build.
                if (node.$type === Territory.$type) territories.push(node as Territory);
                if (node.$type === Tie.$type) {
                    const tie = node as Tie;
                    const source = tie.source?.ref;
                    const target = tie.target?.ref;
                    const relation = tie.relation?.ref;
                    const negative = relation?.polarity === 'negative';
                    if (source) count(tieCount, source);
                    if (target && target !== source) count(tieCount, target);
                    if (negative) {
                        if (source) count(negativeTieCount, source);
                        if (target && target !== source) count(negativeTieCount, target);
                    }
                    if (source && target && relation) {
                        const [a, b] = [id(actorIds, source), id(actorIds, target)];
                        const pair = a < b ? a * PAIR_SPACE + b : b * PAIR_SPACE + a;
                        if (!negative && !joinedPairs.has(pair)) {
                            joinedPairs.add(pair);
                            firstPositiveTies.add(tie);
                        }
                        // Endpoints, relation and direction; a mutual tie is the same whichever way it is written.
                        const key = ((tie.arrow === '--' ? pair : a * PAIR_SPACE + b) * RELATION_SPACE + id(relationIds, relation)) * 2 + (tie.arrow === '--' ? 1 : 0);
                        const first = firstTie.get(key);
                        if (first) repeatedTies.set(tie, first); else firstTie.set(key, tie);
                    }
                }
                if (node.$type === Actor.$type) {
                    for (const stance of (node as Actor).stances) {
                        const interest = stance.interest?.ref;
                        if (isInterest(interest)) count(stanceCount, interest);
                    }
                }
            }
        }
        return { declarations, tieCount, negativeTieCount, stanceCount, repeatedTies, firstPositiveTies, territories };
    }
}

// Actor ids stay below 2^21 (two million actors), relation ids below 2^10: pair, relation and
// direction fit in a double's 53 bits.
const PAIR_SPACE = 2 ** 21;
const RELATION_SPACE = 2 ** 10;

function count<T>(counts: Map<T, number>, key: T): void {
    counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * The statements of a model and the zones nested in them: every element that can carry a
 * global name, or count in the workspace checks. Walks only where such elements can be
 * (cheaper than visiting every node, on models of tens of thousands of statements).
 */
function* declaredElements(model: Model): Generator<AstNode> {
    const zones = function* (children: readonly Zone[]): Generator<AstNode> {
        for (const zone of children) {
            yield zone;
            yield* zones(zone.zones);
        }
    };
    for (const statement of model.statements) {
        yield statement;
        if (isZone(statement) || isTerritory(statement)) yield* zones(statement.zones);
    }
}


