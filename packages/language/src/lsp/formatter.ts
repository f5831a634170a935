import type { AstNode, CstNode } from 'langium';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import { keywordOf, ownCstNodes } from '../cst.js';
import { isModel } from '../generated/ast.js';

// Keywords that open a property line inside a `{ … }` block.
const PROPERTY_KEYWORDS = new Set([
    'population', 'asOf', 'description', 'color', 'sdg', 'zone', 'kind', 'power', 'tags', 'participants', 'about',
    'facilitator', 'outcome', 'parties', 'from', 'include', 'relations', 'size', 'layout', ';'
]);

// Child elements that stand on their own line inside a block.
const BLOCK_ENTRIES = new Set(['Stance', 'Commitment', 'Zone']);

/**
 * The canonical layout: one statement per line, a blank line kept where the author left one
 * (never more than one), single spaces between tokens, no space before `,` or `:`, and in a
 * block one property per line, indented. Comments stay where they are.
 */
export class TerritoryFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        if (isModel(node)) {
            node.statements.forEach((statement, index) => {
                const region = formatter.node(statement);
                if (index === 0) region.prepend(Formatting.noSpace());
                else region.prepend(blankLineBefore(statement.$cstNode) ? Formatting.newLines(2) : Formatting.newLine());
            });
            return;
        }
        let inBlock = false;
        let open: CstNode | undefined;
        let close: CstNode | undefined;
        // Inside a block, tokens that do not open a property line stay on their line: these
        // override (by priority) the block's indentation, which puts every token on a new line.
        const sameLine = { priority: 1 };
        ownCstNodes(node).forEach((child, index) => {
            const keyword = keywordOf(child);
            const region = formatter.cst([child]);
            if (index === 0) return;
            if (keyword === '{') {
                region.prepend(Formatting.oneSpace());
                open = child;
                inBlock = true;
            } else if (keyword === '}') {
                region.prepend(Formatting.newLine());
                close = child;
                inBlock = false;
            } else if (keyword === ',' || keyword === ':') {
                region.prepend(Formatting.noSpace(sameLine));
            } else if (!inBlock || !(keyword ? PROPERTY_KEYWORDS.has(keyword) : BLOCK_ENTRIES.has(child.astNode.$type) && child.astNode !== node)) {
                region.prepend(Formatting.oneSpace(sameLine));
            }
        });
        if (open && close) {
            formatter.interior(formatter.cst([open]), formatter.cst([close])).prepend(Formatting.indent());
        }
    }
}

/** Whether the author left an empty line (or a comment block with one) before this node. */
function blankLineBefore(cst: CstNode | undefined): boolean {
    if (!cst) return false;
    const text = cst.root.fullText;
    let offset = cst.offset - 1;
    let newlines = 0;
    while (offset >= 0 && /\s/.test(text[offset])) {
        if (text[offset] === '\n') newlines++;
        offset--;
    }
    return newlines >= 2;
}
