import type { AstNode, LangiumDocument, Reference } from 'langium';
import { isReference } from 'langium';

/**
 * What an unchanged document must redo after other documents changed, instead of being
 * relinked and revalidated from scratch (Langium's default, which costs seconds on models of
 * tens of thousands of statements):
 * - only its references into the changed documents (and the unresolved ones, which may
 *   resolve now) are resolved again;
 * - only the statements holding those references are validated again, plus the statements
 *   whose workspace facts changed (duplicates, isolates, repeated ties…; see
 *   `TerritoryDocumentValidator`).
 * A plan lives from the update that makes it until the document is validated again; a newer
 * update before that extends it.
 */
export interface RelinkPlan {
    /** References reset and waiting to be resolved again (by the linker). */
    pendingLinks: Reference[];
    /** The top-level statements holding a reference that was resolved again. */
    readonly statements: Set<AstNode>;
}

const plans = new WeakMap<LangiumDocument, RelinkPlan>();

/** Every statement any plan added since the last complete build (checks read across statements). */
let relinked = new WeakSet<AstNode>();

export function wasRelinked(statement: AstNode): boolean {
    return relinked.has(statement);
}

export function forgetRelinkedStatements(): void {
    relinked = new WeakSet();
}

export function relinkPlanOf(document: LangiumDocument): RelinkPlan | undefined {
    return plans.get(document);
}

export function dropRelinkPlan(document: LangiumDocument): void {
    plans.delete(document);
}

/**
 * Plans the partial relink of an unchanged document after `changedUris` changed: resets its
 * references into them and its unresolved references. Returns the plan (possibly with no
 * reference to relink: the document is then only revalidated), or undefined when the
 * document cannot be relinked partially and needs Langium's full relink.
 */
export function planPartialRelink(document: LangiumDocument, changedUris: ReadonlySet<string>): RelinkPlan | undefined {
    // A changed URI may be a folder (files moved or deleted with it).
    const folders = [...changedUris].map(uri => `${uri}/`);
    const isChanged = (uri: string) => changedUris.has(uri) || folders.some(folder => uri.startsWith(folder));
    const resettable = document.references.every(reference => isReference(reference) && '_ref' in reference && reference.$refNode?.astNode);
    if (!resettable) return undefined; // multi-references are not in this grammar; recovered ones without a node: relink all
    const plan = plans.get(document) ?? { pendingLinks: [], statements: new Set<AstNode>() };
    plans.set(document, plan);
    resetReferences(document, plan, reference => {
        const target = reference.$nodeDescription?.documentUri.toString();
        return reference.error !== undefined || target === undefined || isChanged(target);
    });
    return plan;
}

/** Resets the document's resolved references that `stale` selects and adds them to the plan. */
export function resetReferences(document: LangiumDocument, plan: RelinkPlan, stale: (reference: Reference) => boolean): void {
    const kept: LangiumDocument['references'] = [];
    for (const reference of document.references) {
        if (!isReference(reference) || !stale(reference)) {
            kept.push(reference);
            continue;
        }
        const resolved = reference as unknown as { _ref?: unknown; _nodeDescription?: unknown };
        resolved._ref = undefined;
        delete resolved._nodeDescription;
        plan.pendingLinks.push(reference);
        const statement = statementOf(reference.$refNode!.astNode);
        plan.statements.add(statement);
        relinked.add(statement);
    }
    document.references = kept;
}

/** The top-level statement (child of the document's root) that contains `node`. */
export function statementOf(node: AstNode): AstNode {
    let current = node;
    while (current.$container?.$container) current = current.$container;
    return current;
}
