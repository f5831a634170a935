import type { AstNode, CstNode } from 'langium';
import { GrammarAST, isCompositeCstNode, isLeafCstNode } from 'langium';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import { isModel } from '../generated/ast.js';

// Keywords that open a property line inside a `{ … }` block.
const PROPERTY_KEYWORDS = new Set([
    'population', 'asOf', 'description', 'color', 'sdg', 'zone', 'kind', 'power', 'tags', 'participants', 'about',
    'facilitator', 'outcome', 'parties', 'from', 'include', 'relations', 'size', 'layout', ';'
]);

// Child elements that stand on their own line inside a block.
const BLOCK_ENTRIES = new Set(['Stance', 'Commitment', 'Zone']);

/**
 * The canonical layout: one statement per line (blank lines between statements are kept, at
 * most one), single spaces between tokens, no space before `,` or `:`, and in a block one
 * property per line, indented by two spaces. Comments stay where they are.
 */
export class TerritoryFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        if (isModel(node)) {
            const formatter = this.getNodeFormatter(node);
            node.statements.forEach((statement, index) => {
                formatter.node(statement).prepend(index === 0 ? Formatting.noSpace() : Formatting.newLines(1, { allowMore: true }));
            });
            return;
        }
        const formatter = this.getNodeFormatter(node);
        const children = node.$cstNode && isCompositeCstNode(node.$cstNode) ? node.$cstNode.content : [];
        let inBlock = false;
        children.forEach((child, index) => {
            const keyword = keywordOf(child);
            if (index === 0) return;
            if (keyword === '{') {
                formatter.cst([child]).prepend(Formatting.oneSpace());
                inBlock = true;
                return;
            }
            if (keyword === '}') {
                formatter.cst([child]).prepend(Formatting.newLine());
                inBlock = false;
                return;
            }
            if (keyword === ',' || keyword === ':') {
                formatter.cst([child]).prepend(Formatting.noSpace());
                return;
            }
            const startsProperty = inBlock && (keyword ? PROPERTY_KEYWORDS.has(keyword) : child.astNode !== node && BLOCK_ENTRIES.has(child.astNode.$type));
            formatter.cst([child]).prepend(startsProperty ? Formatting.newLine() : Formatting.oneSpace());
        });
        const open = children.find(child => keywordOf(child) === '{');
        const close = children.find(child => keywordOf(child) === '}');
        if (open && close) {
            formatter.interior(formatter.cst([open]), formatter.cst([close])).prepend(Formatting.indent());
        }
    }
}

function keywordOf(node: CstNode): string | undefined {
    return isLeafCstNode(node) && GrammarAST.isKeyword(node.grammarSource) ? node.grammarSource.value : undefined;
}
