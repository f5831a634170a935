import type { AstNode, AstNodeDescription, LangiumDocument, LangiumSharedCoreServices, ReferenceDescription, ReferenceInfo, Stream } from 'langium';
import { Cancellation, DefaultIndexManager, DefaultReferenceDescriptionProvider, isReference, stream, URI } from 'langium';
import type { LangiumCoreServices } from 'langium';
import { compareDocumentUris } from './document-order.js';
import { OrderedMultiMap } from './ordered-multi-map.js';
import { forEachNode, forEachReference } from '../ast-walk.js';

/** Workspace order of two descriptions: their documents' (`compareDocumentUris`), then their place in the document. */
function compareInWorkspace(a: AstNodeDescription, b: AstNodeDescription): number {
    return compareDocumentUris(a.documentUri.toString(), b.documentUri.toString()) || (a.node?.$cstNode?.offset ?? 0) - (b.node?.$cstNode?.offset ?? 0);
}

/** Reference descriptions, one reference at a time (for partially relinked documents). */
export class TerritoryReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    constructor(services: LangiumCoreServices) {
        super(services);
    }

    describe(info: ReferenceInfo): ReferenceDescription[] {
        return this.createInfoDescriptions(info);
    }

    /**
     * The target's path is computed from the node, not copied from the description the
     * reference was resolved with: statements parsed in place (`reparseStatements`) move the
     * statements after them, and their paths (`/statements@N`) with them.
     */
    protected override createInfoDescriptions(info: ReferenceInfo): ReferenceDescription[] {
        const descriptions = super.createInfoDescriptions(info);
        const target = descriptions.length > 0 && isReference(info.reference) ? info.reference.ref : undefined;
        return target ? descriptions.map(description => ({ ...description, targetPath: this.nodeLocator.getAstNodePath(target) })) : descriptions;
    }
}

/**
 * Exports in workspace order, and reference descriptions (what find-references and rename
 * read) computed on demand: describing every reference of every file on each build (an AST
 * path per reference) costs more than linking them, and only those requests need them.
 */
export class TerritoryIndexManager extends DefaultIndexManager {
    /** Names each removed document exported, until it is indexed again. */
    private readonly exportedBefore = new Map<string, Set<string>>();
    private added = new Set<string>();
    /**
     * Every exported description by name, in workspace order, kept up to date one document at
     * a time: the global scope looks names up here (see `TerritoryScopeProvider`), instead of a
     * map of every name made again after each keystroke (10 ms at 15,500 actors, 50 at 50,000).
     */
    private readonly byName = new OrderedMultiMap<string, AstNodeDescription>(compareInWorkspace);

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /** Called once every document is linked: the names added are resolved wherever they are written. */
    forgetAddedNames(): void {
        this.added = new Set();
    }

    override remove(uri: URI): void {
        super.remove(uri);
        this.exportedBefore.delete(uri.toString());
    }

    /**
     * Names that changed documents declare and did not declare before the current build: a
     * reference elsewhere to such a name may now resolve there (see `TerritoryLinker.link`).
     */
    get addedNames(): ReadonlySet<string> {
        return this.added;
    }

    /**
     * Names that statements parsed in place declare (see `reparseStatements`), new or not to
     * their document: a declaration typed above another of the same name now comes first.
     */
    noteDeclaredNames(names: Iterable<string>): void {
        for (const name of names) this.added.add(name);
    }

    override removeContent(uri: URI): void {
        const key = uri.toString();
        const exported = this.symbolIndex.get(key);
        if (exported && !this.exportedBefore.has(key)) this.exportedBefore.set(key, new Set(exported.map(description => description.name)));
        for (const description of exported ?? []) this.byName.remove(description.name, description);
        super.removeContent(uri);
    }

    override async updateContent(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const key = document.uri.toString();
        const previous = this.symbolIndex.get(key);
        await super.updateContent(document, cancelToken);
        for (const description of previous ?? []) this.byName.remove(description.name, description);
        const before = this.exportedBefore.get(key);
        this.exportedBefore.delete(key);
        for (const description of this.symbolIndex.get(key) ?? []) {
            this.byName.add(description.name, description);
            if (!before?.has(description.name)) this.added.add(description.name);
        }
    }

    /** The first description of `name` in workspace order whose type is `type` or one of its subtypes. */
    firstNamed(name: string, type: string): AstNodeDescription | undefined {
        const found = this.byName.map.get(name);
        if (found === undefined) return undefined;
        if (!Array.isArray(found)) return this.astReflection.isSubtype(found.type, type) ? found : undefined;
        return found.find(description => this.astReflection.isSubtype(description.type, type));
    }

    /** Exported symbols in workspace order (`compareDocumentUris`), not in the order files were indexed. */
    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        const documentUris = [...this.symbolIndex.keys()].filter(uri => !uris || uris.has(uri)).sort(compareDocumentUris);
        return stream(documentUris).flatMap(uri => this.getFileDescriptions(uri, nodeType));
    }

    /** Documents linked since their references were last described. */
    private readonly undescribed = new Set<string>();

    override async updateReferences(document: LangiumDocument): Promise<void> {
        const key = document.uri.toString();
        this.referenceIndex.delete(key);
        this.undescribed.add(key);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.undescribed.delete(uri.toString());
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        this.describeLinkedDocuments();
        return super.findAllReferences(targetNode, astNodePath);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.describeLinkedDocuments();
        return super.isAffected(document, changedUris);
    }

    private describeLinkedDocuments(): void {
        for (const key of this.undescribed) {
            const document = this.documents.getDocument(URI.parse(key));
            const provider = document && this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
            if (document && provider instanceof TerritoryReferenceDescriptionProvider) {
                const descriptions: ReferenceDescription[] = [];
                forEachNode(document.parseResult.value, node => forEachReference(node, info => descriptions.push(...provider.describe(info))));
                this.referenceIndex.set(key, descriptions);
            }
            this.undescribed.delete(key);
        }
    }
}
