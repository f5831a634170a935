import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import type { Actor, Interest, Model, Territory, Tie, Zone } from '../generated/ast.js';
import { isActor, isInterest, isTerritory, isTie, isZone } from '../generated/ast.js';
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
    readonly declarations: ReadonlyMap<string, readonly Declaration[]>;
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
        const declarations = new Map<string, Declaration[]>();
        const tieCount = new Map<Actor, number>();
        const negativeTieCount = new Map<Actor, number>();
        const stanceCount = new Map<Interest, number>();
        const repeatedTies = new Map<Tie, Tie>();
        const firstTie = new Map<string, Tie>();
        const territories: Territory[] = [];
        const firstPositiveTies = new Set<Tie>();
        const joinedPairs = new Set<string>();
        for (const document of this.orderedDocuments()) {
            const builtin = isPreludeUri(document.uri);
            const model = document.parseResult.value as Model;
            for (const node of declaredElements(model)) {
                const name = (node as { name?: unknown }).name;
                if (typeof name === 'string' && name) {
                    const list = declarations.get(name) ?? [];
                    list.push({ node: node as AstNode & { name: string }, document, builtin });
                    declarations.set(name, list);
                }
                if (isTerritory(node)) territories.push(node);
                if (isTie(node)) {
                    const source = node.source?.ref;
                    const target = node.target?.ref;
                    const negative = node.relation?.ref?.polarity === 'negative';
                    for (const actor of source === target ? [source] : [source, target]) {
                        if (!actor) continue;
                        tieCount.set(actor, (tieCount.get(actor) ?? 0) + 1);
                        if (negative) negativeTieCount.set(actor, (negativeTieCount.get(actor) ?? 0) + 1);
                    }
                    const relation = node.relation?.ref;
                    if (source && target && relation && relation.polarity !== 'negative') {
                        const pair = source.name < target.name ? `${source.name}\u0000${target.name}` : `${target.name}\u0000${source.name}`;
                        if (!joinedPairs.has(pair)) {
                            joinedPairs.add(pair);
                            firstPositiveTies.add(node);
                        }
                    }
                    const key = tieKey(node);
                    if (key) {
                        const first = firstTie.get(key);
                        if (first) repeatedTies.set(node, first); else firstTie.set(key, node);
                    }
                }
                if (isActor(node)) {
                    for (const stance of node.stances) {
                        const interest = stance.interest?.ref;
                        if (isInterest(interest)) stanceCount.set(interest, (stanceCount.get(interest) ?? 0) + 1);
                    }
                }
            }
        }
        return { declarations, tieCount, negativeTieCount, stanceCount, repeatedTies, firstPositiveTies, territories };
    }
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

/** Endpoints, relation and direction; a mutual tie is the same whichever way it is written. */
function tieKey(tie: Tie): string | undefined {
    const source = tie.source?.ref?.name;
    const target = tie.target?.ref?.name;
    const relation = tie.relation?.ref?.name;
    if (!source || !target || !relation) return undefined;
    if (tie.arrow === '--') {
        const [a, b] = source < target ? [source, target] : [target, source];
        return `${a}\u0000--\u0000${b}\u0000${relation}`;
    }
    return `${source}\u0000->\u0000${target}\u0000${relation}`;
}

