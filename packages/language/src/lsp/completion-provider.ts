import type { AstNodeDescription, GrammarAST, LangiumDocuments, MaybePromise, ReferenceInfo, Stream, TextDocument } from 'langium';
import { AstUtils, GrammarAST as ast, stream, URI } from 'langium';
import type { CompletionAcceptor, CompletionContext, NextFeature } from 'langium/lsp';
import type { LangiumServices } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import type { ValueWord } from '@territory/analysis';
import { COLOR_CHOICES, COMMITMENT_STATUSES, LAYOUTS, SIZE_METRICS } from '@territory/analysis';

/** Which value words a `Word` slot takes, by the property it is assigned to. */
const VALUE_WORDS: Record<string, readonly ValueWord[]> = {
    status: COMMITMENT_STATUSES,
    sizeBy: SIZE_METRICS,
    layout: LAYOUTS,
    choice: COLOR_CHOICES
};

/**
 * Langium's completion already offers keywords and, in a reference slot, only the elements
 * of the expected type (relations in a tie's relation slot, actors as endpoints...). Value
 * slots (status, layout, size by, color by) get their value words instead of every keyword
 * the `Word` rule accepts.
 */
export class TerritoryCompletionProvider extends DefaultCompletionProvider {
    /**
     * At most this many reference candidates: a model of 15,000 actors would otherwise send
     * them all at every keystroke. Langium marks the list incomplete, so the editor asks again
     * as the name is typed.
     */
    static readonly MAX_ITEMS = 500;
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    /**
     * Only the candidates the editor will show, at most `MAX_ITEMS`: those whose name starts
     * with what is typed, then the other matches. Making an item reads the candidate's
     * documentation, too slow to do for tens of thousands of actors that get cut anyway.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        const lower = typed.toLowerCase();
        const starting: AstNodeDescription[] = [];
        const others: AstNodeDescription[] = [];
        for (const candidate of super.getReferenceCandidates(refInfo, context)) {
            if (candidate.name.toLowerCase().startsWith(lower)) starting.push(candidate);
            else if (others.length < TerritoryCompletionProvider.MAX_ITEMS && this.fuzzyMatcher.match(typed, candidate.name)) others.push(candidate);
            if (starting.length >= TerritoryCompletionProvider.MAX_ITEMS) break;
        }
        return stream([...starting, ...others].slice(0, TerritoryCompletionProvider.MAX_ITEMS));
    }

    /**
     * Langium finds what may come next by parsing the text from the start of the file; statements
     * are independent, so parsing from the start of the statement at the cursor gives the same
     * features, without re-reading thousands of lines above it.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const start = this.statementStart(document, offset);
        if (start === 0) return super.findFeaturesAt(document, offset);
        const text = document.getText();
        const tail: TextDocument = { ...document, getText: () => text.slice(start, offset), positionAt: (at: number) => document.positionAt(start + at) } as TextDocument;
        return super.findFeaturesAt(tail, offset - start);
    }

    /** Where the last statement that starts before `offset` starts (0 if none, or if unknown). */
    private statementStart(document: TextDocument, offset: number): number {
        const langiumDocument = this.documents.getDocument(URI.parse(document.uri));
        const statements = (langiumDocument?.parseResult.value as Model | undefined)?.statements ?? [];
        if (langiumDocument?.textDocument.getText() !== document.getText()) return 0;
        let low = 0, high = statements.length - 1, found = 0;
        while (low <= high) {
            const middle = (low + high) >> 1;
            const at = statements[middle].$cstNode?.offset;
            if (at === undefined) return 0;
            if (at < offset) { found = at; low = middle + 1; } else high = middle - 1;
        }
        return found;
    }
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const values = next.property ? VALUE_WORDS[next.property] : undefined;
        if (values && (isInWordRule(next.feature) || isWordRuleCall(next.feature))) {
            for (const value of values) {
                acceptor(context, {
                    label: value.word,
                    kind: CompletionItemKind.EnumMember,
                    detail: next.property === 'status' ? 'commitment status' : next.property,
                    documentation: value.doc,
                    sortText: '0'
                });
            }
            return;
        }
        if (ast.isKeyword(next.feature) && isInWordRule(next.feature)) {
            return; // a tag or value slot: any word fits, listing every keyword would only mislead
        }
        return super.completionFor(context, next, acceptor);
    }
}

function isInWordRule(feature: GrammarAST.AbstractElement): boolean {
    return AstUtils.getContainerOfType(feature, ast.isParserRule)?.name === 'Word';
}

function isWordRuleCall(feature: GrammarAST.AbstractElement): boolean {
    return ast.isRuleCall(feature) && feature.rule.ref?.name === 'Word';
}
