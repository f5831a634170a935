import type { BuildOptions, LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { Cancellation, DefaultDocumentBuilder, DocumentState, URI } from 'langium';
import { PRELUDE_URI } from '../prelude.js';

export class TerritoryDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /**
     * Workspace-wide checks (duplicate names, isolated actors, unused interests, repeated ties)
     * make a file's diagnostics depend on every other file: an edit anywhere revalidates all
     * files, while only the changed ones are parsed and relinked again.
     */
    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        for (const document of this.langiumDocuments.all) {
            if (document.state === DocumentState.Validated) {
                this.resetToState(document, DocumentState.IndexedReferences);
            }
        }
        await super.update(changed, deleted, cancelToken);
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
