import type { AstNode, BuildOptions, LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { Cancellation, DefaultDocumentBuilder, DocumentState, URI } from 'langium';
import { PRELUDE_URI } from '../prelude.js';
import { TerritoryIndexManager } from './index-manager.js';
import { dropRelinkPlan, forgetRelinkedStatements, planPartialRelink, relinkPlanOf } from './relink-plans.js';

export class TerritoryDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onBuildPhase(DocumentState.Linked, () => {
            if (this.indexManager instanceof TerritoryIndexManager) this.indexManager.forgetAddedNames();
        });
        this.onBuildPhase(DocumentState.Validated, () => forgetRelinkedStatements());
    }

    /**
     * Only the changed documents are parsed again. Every other document is relinked and
     * revalidated partially (see `RelinkPlan`): its references into the changed documents are
     * resolved again and its statements re-checked where that, or the workspace-wide facts
     * (duplicate names, isolated actors, unused interests, repeated ties), changed.
     */
    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const changedUris = new Set([...changed, ...deleted].map(uri => uri.toString()));
        for (const document of this.langiumDocuments.all) {
            if (changedUris.has(document.uri.toString())) continue;
            // A document in the middle of its first build has no results to update: Langium relinks it.
            const planned = relinkPlanOf(document) !== undefined || document.state === DocumentState.Validated;
            const plan = planned ? planPartialRelink(document, changedUris) : undefined;
            if (!plan) {
                dropRelinkPlan(document);
                continue;
            }
            // Through the linking phase even without a reference to resolve again: names the
            // changed files declare are known only once they are parsed (see `TerritoryLinker.link`).
            if (document.state > DocumentState.ComputedScopes) document.state = DocumentState.ComputedScopes;
            document.diagnostics = undefined;
            this.buildState.delete(document.uri.toString());
        }
        await super.update(changed, deleted, cancelToken);
    }

    /** Planned documents are relinked partially; the others as Langium does. */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (relinkPlanOf(document)) return false;
        return super.shouldRelink(document, changedUris);
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        // A full reset (a changed document, a full relink) replaces any partial plan.
        if (state <= DocumentState.ComputedScopes) dropRelinkPlan(document);
        super.resetToState(document, state);
    }

    /** The prelude is built with whatever is built first, so built-ins always resolve. */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const prelude = this.langiumDocuments.getDocument(URI.parse(PRELUDE_URI));
        const batch = prelude && prelude.state < DocumentState.Validated && !documents.includes(prelude)
            ? [prelude, ...documents]
            : documents;
        await super.buildDocuments(batch, options, cancelToken);
    }
}
