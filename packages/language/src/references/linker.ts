import type { AstNode, AstNodeDescription, IndexManager, LangiumCoreServices, LangiumDocument, LinkingError, ReferenceInfo } from 'langium';
import { AstUtils, Cancellation, DefaultLinker, interruptAndCheck, WorkspaceCache } from 'langium';
import { TerritoryIndexManager } from '../workspace/index-manager.js';
import { relinkPlanOf, resetReferences } from '../workspace/relink-plans.js';
import { closestNames, normalizeName } from '../names.js';
import { forEachNode, forEachReference } from '../ast-walk.js';

/** A linking error that knows the names the user probably meant. */
export interface UnresolvedReference extends LinkingError {
    readonly suggestions: string[];
}

/** How the model's element types are named in messages. */
export const TYPE_WORDS: Record<string, string> = {
    Actor: 'actor',
    Kind: 'kind',
    Relation: 'relation',
    Interest: 'interest',
    Place: 'zone',
    Zone: 'zone',
    Territory: 'territory',
    Workshop: 'workshop',
    Dialogue: 'dialogue',
    View: 'view'
};

export class TerritoryLinker extends DefaultLinker {
    private readonly indexManager: IndexManager;
    private readonly unresolvedNames: WorkspaceCache<string, { message: string; suggestions: string[] }>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
        this.unresolvedNames = new WorkspaceCache(services.shared);
    }

    /**
     * Resolves every reference of the document, as Langium does, in the same order, with
     * plain loops (`forEachNode`) and a pause per statement rather than per node. A partially
     * relinked document resolves only the references its plan reset.
     */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const plan = relinkPlanOf(document);
        if (!plan) {
            const root = document.parseResult.value;
            forEachReference(root, reference => this.doLink(reference, document));
            for (const statement of AstUtils.streamContents(root)) {
                await interruptAndCheck(cancelToken);
                forEachNode(statement, node => forEachReference(node, reference => this.doLink(reference, document)));
            }
            return;
        }
        // A name a changed file declares now may be a duplicate declared first there: resolve it again.
        const added = this.indexManager instanceof TerritoryIndexManager ? this.indexManager.addedNames : new Set<string>();
        if (added.size > 0) resetReferences(document, plan, reference => added.has(normalizeName(reference.$refText)));
        for (const reference of plan.pendingLinks) {
            await interruptAndCheck(cancelToken);
            const container = (reference as unknown as { node?: AstNode }).node ?? reference.$refNode!.astNode;
            const info = AstUtils.streamReferences(container).find(candidate => candidate.reference === reference);
            if (info) this.doLink(info, document);
        }
        plan.pendingLinks = [];
    }

    /** Names are compared after NFC normalisation: `Saïdia` typed either way is the same name. */
    override getCandidate(refInfo: ReferenceInfo): AstNodeDescription | LinkingError {
        const scope = this.scopeProvider.getScope(refInfo);
        return scope.getElement(normalizeName(refInfo.reference.$refText)) ?? this.createLinkingError(refInfo);
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const name = normalizeName(refInfo.reference.$refText);
        const expected = this.reflection.getReferenceType(refInfo);
        // A renamed actor leaves every reference to it unresolved: the suggestions are computed once per name.
        const { message, suggestions } = this.unresolvedNames.get(`${expected}\u0000${name}`, () => this.explainUnresolved(refInfo, name, expected));
        const error: UnresolvedReference = { info: refInfo, message, targetDescription, suggestions };
        return error;
    }

    private explainUnresolved(refInfo: ReferenceInfo, name: string, expected: string): { message: string; suggestions: string[] } {
        const expectedWord = TYPE_WORDS[expected] ?? expected.toLowerCase();
        const candidates = this.scopeProvider.getScope(refInfo).getAllElements().map(description => description.name);
        const suggestions = closestNames(name, candidates);
        const elsewhere = this.indexManager.allElements().find(description => description.name === name);
        let message = elsewhere
            ? `'${name}' is ${article(TYPE_WORDS[elsewhere.type] ?? elsewhere.type)}, not ${article(expectedWord)}.`
            : `Unknown ${expectedWord} '${name}'.`;
        if (suggestions.length > 0) {
            message += ` Did you mean ${suggestions.map(s => `'${s}'`).join(', ').replace(/, ([^,]*)$/, ' or $1')}?`;
        }
        return { message, suggestions };
    }
}

function article(word: string): string {
    return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}
