import type { GrammarAST, MaybePromise } from 'langium';
import { AstUtils, GrammarAST as ast } from 'langium';
import type { CompletionAcceptor, CompletionContext, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
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
