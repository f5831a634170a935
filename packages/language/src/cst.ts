import type { AstNode, CstNode } from 'langium';
import { GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode } from 'langium';

/**
 * The CST nodes that make up `node` itself, in order: its tokens, its datatype values and its
 * child elements. Unassigned rule calls (`Statement: Actor | …`) wrap a node's CST in extra
 * layers; those are looked through.
 */
export function ownCstNodes(node: AstNode): CstNode[] {
    const result: CstNode[] = [];
    const visit = (cst: CstNode) => {
        if (!isCompositeCstNode(cst)) return;
        for (const child of cst.content) {
            if (child.hidden) continue;
            if (isCompositeCstNode(child) && child.astNode === node && isWrappingRuleCall(child)) visit(child);
            else result.push(child);
        }
    };
    if (node.$cstNode) visit(node.$cstNode);
    return result;
}

function isWrappingRuleCall(cst: CstNode): boolean {
    const source = cst.grammarSource;
    if (!source) return false;
    let wrapping = wrappingRuleCalls.get(source);
    if (wrapping === undefined) {
        wrapping = GrammarAST.isRuleCall(source) && GrammarAST.isParserRule(source.rule.ref) && !GrammarUtils.isDataTypeRule(source.rule.ref);
        wrappingRuleCalls.set(source, wrapping);
    }
    return wrapping;
}

// Per grammar element (the grammar is fixed): working it out walks the rule, for every CST node.
const wrappingRuleCalls = new WeakMap<object, boolean>();

/** The keyword a CST node is, if it is a keyword token. */
export function keywordOf(cst: CstNode): string | undefined {
    return isLeafCstNode(cst) && GrammarAST.isKeyword(cst.grammarSource) ? cst.grammarSource.value : undefined;
}
