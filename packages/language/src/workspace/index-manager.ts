import type { AstNode, AstNodeDescription, LangiumDocument, LangiumSharedCoreServices, Reference, ReferenceDescription, ReferenceInfo, Stream } from 'langium';
import { AstUtils, Cancellation, DefaultIndexManager, DefaultReferenceDescriptionProvider, stream } from 'langium';
import type { LangiumCoreServices } from 'langium';
import { compareDocumentUris } from './document-order.js';
import { dropRelinkPlan, relinkPlanOf } from './relink-plans.js';

/** Reference descriptions, one reference at a time (for partially relinked documents). */
export class TerritoryReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    constructor(services: LangiumCoreServices) {
        super(services);
    }

    describe(info: ReferenceInfo): ReferenceDescription[] {
        return this.createInfoDescriptions(info);
    }
}

/**
 * A partially relinked document keeps the reference descriptions of its references that
 * were not resolved again, and describes only the others: re-describing every reference of
 * a large file (an AST path per reference) costs more than the relink itself.
 */
export class TerritoryIndexManager extends DefaultIndexManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /** Exported symbols in workspace order (`compareDocumentUris`), not in the order files were indexed. */
    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        const documentUris = [...this.symbolIndex.keys()].filter(uri => !uris || uris.has(uri)).sort(compareDocumentUris);
        return stream(documentUris).flatMap(uri => this.getFileDescriptions(uri, nodeType));
    }

    override async updateReferences(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const plan = relinkPlanOf(document);
        const previous = this.referenceIndex.get(document.uri.toString());
        if (!plan || !previous) return super.updateReferences(document, cancelToken);
        const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        if (!(provider instanceof TerritoryReferenceDescriptionProvider)) {
            dropRelinkPlan(document);
            return super.updateReferences(document, cancelToken);
        }
        const redescribed = new Set<Reference>(plan.pendingIndex);
        // Descriptions of the references resolved again are replaced, wherever they pointed.
        const offsets = new Set([...redescribed].map(reference => reference.$refNode?.offset));
        const kept = previous.filter(description =>
            !offsets.has(description.segment.offset) && !plan.changedUris.has(description.targetUri.toString()) && !isUnder(description.targetUri.toString(), plan.changedUris));
        const added: ReferenceDescription[] = [];
        for (const reference of redescribed) {
            if (reference.error) continue;
            const container = (reference as unknown as { node?: AstNode }).node ?? reference.$refNode!.astNode;
            const info = AstUtils.streamReferences(container).find(candidate => candidate.reference === reference);
            if (info) added.push(...provider.describe(info));
        }
        this.referenceIndex.set(document.uri.toString(), [...kept, ...added]);
        plan.pendingIndex = [];
    }
}

function isUnder(uri: string, folders: ReadonlySet<string>): boolean {
    for (const folder of folders) if (uri.startsWith(`${folder}/`)) return true;
    return false;
}
