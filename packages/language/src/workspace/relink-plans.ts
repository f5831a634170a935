import type { AstNode, LangiumDocument, Reference } from 'langium';
import { AstUtils, isReference } from 'langium';
import type { StatementEdit } from './statement-reparse.js';

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
    /** Whether statements were parsed again in place (added, removed or moved; see `planStatementEdit`). */
    edited: boolean;
}

const plans = new WeakMap<LangiumDocument, RelinkPlan>();

/** Every statement any plan added since the last complete build (checks read across statements). */
const relinked = new Set<AstNode>();

export function wasRelinked(statement: AstNode): boolean {
    return relinked.has(statement);
}

export function relinkedStatements(): ReadonlySet<AstNode> {
    return relinked;
}

export function forgetRelinkedStatements(): void {
    relinked.clear();
}

export function relinkPlanOf(document: LangiumDocument): RelinkPlan | undefined {
    return plans.get(document);
}

export function dropRelinkPlan(document: LangiumDocument): void {
    plans.delete(document);
}

/**
 * Plans the partial relink of a document after `changedUris` were parsed again and the
 * declarations `removedNodes` were replaced (statements parsed again, see
 * `reparseStatements`): resets its references into those documents or to those nodes, and,
 * when any declaration came or went (`declarationsChanged`), its unresolved references. Returns
 * the plan (possibly with no reference to relink: the document is then only revalidated), or
 * undefined when the document cannot be relinked partially and needs Langium's full relink.
 */
export function planPartialRelink(document: LangiumDocument, changedUris: ReadonlySet<string>, removedNodes: ReadonlySet<unknown>, declarationsChanged: boolean): RelinkPlan | undefined {
    // No declaration came or went (an edit inside a tie, say): no reference to scan.
    if (!declarationsChanged) return planOf(document);
    // A changed URI may be a folder (files moved or deleted with it).
    const folders = [...changedUris].map(uri => `${uri}/`);
    const isChanged = (uri: string) => changedUris.has(uri) || folders.some(folder => uri.startsWith(folder));
    const resettable = document.references.every(reference => isReference(reference) && '_ref' in reference && reference.$refNode !== undefined);
    if (!resettable) return undefined; // multi-references are not in this grammar; recovered ones without a node: relink all
    const plan = planOf(document);
    resetReferences(document, plan, reference => {
        // Unresolved ones too: their "did you mean" depends on the names declared.
        if (reference.error !== undefined || removedNodes.has((reference as unknown as { _ref?: unknown })._ref)) return true;
        if (changedUris.size === 0) return false;
        const target = reference.$nodeDescription?.documentUri.toString();
        return target === undefined || isChanged(target);
    });
    return plan;
}

/**
 * Plans the relink of a document whose statements `edit` replaced: the references in the
 * removed statements are gone, those of the added statements wait to be resolved.
 */
export function planStatementEdit(document: LangiumDocument, edit: StatementEdit): void {
    const plan = planOf(document);
    plan.edited = true;
    // The removed statements' own references, to look up (a reference's node climbs to its AST node: slower over a whole file).
    const gone = new Set<unknown>();
    for (const node of edit.removedNodes) for (const info of AstUtils.streamReferences(node)) gone.add(info.reference);
    const removed = (reference: unknown) => gone.has(reference);
    if (edit.removedStatements.length > 0) {
        document.references = document.references.filter(reference => !removed(reference));
        plan.pendingLinks = plan.pendingLinks.filter(reference => !removed(reference));
        for (const statement of edit.removedStatements) plan.statements.delete(statement);
    }
    for (const statement of edit.addedStatements) {
        plan.statements.add(statement);
        relinked.add(statement);
        for (const node of AstUtils.streamAst(statement)) {
            for (const info of AstUtils.streamReferences(node)) plan.pendingLinks.push(info.reference as Reference);
        }
    }
}

function planOf(document: LangiumDocument): RelinkPlan {
    let plan = plans.get(document);
    if (!plan) plans.set(document, plan = { pendingLinks: [], statements: new Set<AstNode>(), edited: false });
    return plan;
}

/** Resets the document's resolved references that `stale` selects and adds them to the plan. */
export function resetReferences(document: LangiumDocument, plan: RelinkPlan, stale: (reference: Reference) => boolean): void {
    // In place: this runs over every reference of every document on each edit.
    const references = document.references;
    let kept = 0;
    for (const reference of references) {
        if (!isReference(reference) || !stale(reference)) {
            references[kept++] = reference;
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
    references.length = kept;
}

/** The top-level statement (child of the document's root) that contains `node`. */
export function statementOf(node: AstNode): AstNode {
    let current = node;
    while (current.$container?.$container) current = current.$container;
    return current;
}
