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
    /** References resolved again whose reference descriptions are not yet re-indexed. */
    pendingIndex: Reference[];
    /** URIs of the changed or deleted documents: index entries pointing there are stale. */
    readonly changedUris: Set<string>;
    /** The top-level statements holding a reference that was resolved again. */
    readonly statements: Set<AstNode>;
}

const plans = new WeakMap<LangiumDocument, RelinkPlan>();

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
    const isChanged = (uri: string) => changedUris.has(uri) || [...changedUris].some(changed => uri.startsWith(`${changed}/`));
    const resettable = document.references.every(reference => isReference(reference) && '_ref' in reference && reference.$refNode?.astNode);
    if (!resettable) return undefined; // multi-references are not in this grammar; recovered ones without a node: relink all
    const plan = plans.get(document) ?? { pendingLinks: [], pendingIndex: [], changedUris: new Set<string>(), statements: new Set<AstNode>() };
    changedUris.forEach(uri => plan.changedUris.add(uri));
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
        plan.statements.add(statementOf(reference.$refNode!.astNode));
    }
    document.references = kept;
}

/** The top-level statement (child of the document's root) that contains `node`. */
export function statementOf(node: AstNode): AstNode {
    let current = node;
    while (current.$container?.$container) current = current.$container;
    return current;
}
