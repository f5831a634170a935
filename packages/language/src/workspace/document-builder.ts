import type { AstNode, BuildOptions, LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { AstUtils, Cancellation, DefaultDocumentBuilder, DocumentState, URI } from 'langium';
import { normalizeName } from '../names.js';
import { PRELUDE_URI } from '../prelude.js';
import { TerritoryIndexManager } from './index-manager.js';
import { dropRelinkPlan, forgetRelinkedStatements, planPartialRelink, planStatementEdit, relinkPlanOf } from './relink-plans.js';
import type { StatementEdit } from './statement-reparse.js';
import { reparseStatements } from './statement-reparse.js';
import { TerritoryDocumentValidator } from '../validation/document-validator.js';

export class TerritoryDocumentBuilder extends DefaultDocumentBuilder {
    /** Changed documents of the current update whose edited statements alone were parsed again. */
    private readonly editedInPlace = new Set<LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onBuildPhase(DocumentState.Linked, () => {
            if (this.indexManager instanceof TerritoryIndexManager) this.indexManager.forgetAddedNames();
        });
        this.onBuildPhase(DocumentState.Validated, () => forgetRelinkedStatements());
    }

    /**
     * In a changed document open in the editor, only the statements the edit touched are
     * parsed again where that is safe (see `reparseStatements`); other changed documents are
     * parsed again whole. Every other document, and the statements an edit left alone, are
     * relinked and revalidated partially (see `RelinkPlan`): their references into what was
     * parsed again are resolved again and their statements re-checked where that, or the
     * workspace-wide facts (duplicate names, isolated actors, unused interests, repeated ties),
     * changed.
     */
    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        changed = changed.filter(uri => !this.sameText(uri));
        // Nothing changed: only a build that was interrupted goes on.
        if (changed.length === 0 && deleted.length === 0) return super.update(changed, deleted, cancelToken);
        const removedNodes = new Set<AstNode>();
        let namesDeclared = false;
        for (const uri of changed) {
            const document = this.langiumDocuments.getDocument(uri);
            const edit = document && this.reparseEdited(document);
            if (!document || !edit) continue;
            planStatementEdit(document, edit);
            const names = [...declaredNames(edit.addedStatements)];
            namesDeclared ||= names.length > 0;
            if (this.indexManager instanceof TerritoryIndexManager) this.indexManager.noteDeclaredNames(names);
            // Only declarations (named nodes) are what references resolve to.
            for (const node of edit.removedNodes) if (typeof (node as { name?: unknown }).name === 'string') removedNodes.add(node);
            this.editedInPlace.add(document);
        }
        const edited = new Set([...this.editedInPlace].map(document => document.uri.toString()));
        const changedUris = new Set([...changed, ...deleted].map(uri => uri.toString()).filter(uri => !edited.has(uri)));
        for (const document of this.langiumDocuments.all) {
            if (changedUris.has(document.uri.toString())) continue;
            // A document in the middle of its first build has no results to update: Langium relinks it.
            const planned = relinkPlanOf(document) !== undefined || document.state === DocumentState.Validated;
            const plan = planned ? planPartialRelink(document, changedUris, removedNodes, changedUris.size > 0 || removedNodes.size > 0 || namesDeclared) : undefined;
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
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.editedInPlace.clear();
        }
    }

    /**
     * Whether a changed document is in fact parsed from the text its editor now has: a file
     * opened in the editor as it is on disk. The editor reports it as changed (it opens the file
     * while the workspace is being read, or after): it keeps its build, bound to the editor's
     * text, instead of being parsed again and relinked with every other document.
     */
    private sameText(uri: URI): boolean {
        const key = uri.toString();
        const document = this.langiumDocuments.getDocument(uri);
        const textDocument = this.textDocuments?.get(key);
        if (!document || !textDocument || document.state < DocumentState.Parsed) return false;
        if (document.parseResult.value.$cstNode?.root.fullText !== textDocument.getText()) return false;
        if (document.textDocument !== textDocument) Object.defineProperty(document, 'textDocument', { value: textDocument });
        return true;
    }

    /**
     * Parses again the statements of `document` that its editor's text changed, in place, when
     * the document's last build got far enough to be updated partially.
     */
    private reparseEdited(document: LangiumDocument): StatementEdit | undefined {
        const key = document.uri.toString();
        const textDocument = this.textDocuments?.get(key);
        const updatable = document.state === DocumentState.Validated
            || (relinkPlanOf(document) !== undefined && document.state >= DocumentState.ComputedScopes);
        if (!textDocument || !updatable) return undefined;
        const services = this.serviceRegistry.getServices(document.uri);
        const edit = reparseStatements(document, textDocument.getText(), services.parser.LangiumParser);
        if (!edit) return undefined;
        // As `LangiumDocumentFactory.update` does for the documents it parses.
        if (document.textDocument !== textDocument) Object.defineProperty(document, 'textDocument', { value: textDocument });
        const validator = services.validation.DocumentValidator;
        if (validator instanceof TerritoryDocumentValidator) validator.shiftDiagnostics(document, edit);
        return edit;
    }

    /** Planned documents are relinked partially; the others as Langium does. */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (relinkPlanOf(document)) return false;
        return super.shouldRelink(document, changedUris);
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state === DocumentState.Changed && this.editedInPlace.delete(document)) {
            // Parsed in place: indexed again, its references kept but for those its plan resets.
            this.indexManager.removeContent(document.uri);
            document.localSymbols = undefined;
            this.indexManager.removeReferences(document.uri);
            document.diagnostics = undefined;
            this.buildState.delete(document.uri.toString());
            document.state = DocumentState.Parsed;
            return;
        }
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

/** The names the statements declare, nested zones and commitments included. */
function* declaredNames(statements: readonly AstNode[]): Generator<string> {
    for (const statement of statements) {
        for (const node of AstUtils.streamAst(statement)) {
            const name = (node as { name?: unknown }).name;
            if (typeof name === 'string' && name) yield normalizeName(name);
        }
    }
}
