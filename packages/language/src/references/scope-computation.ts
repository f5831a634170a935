import type { AstNode, AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import { Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap } from 'langium';
import type { Model } from '../generated/ast.js';
import { isCommitment, isDialogue } from '../generated/ast.js';
import { declaredElements } from '../workspace/model-index.js';

/**
 * One global namespace across files (spec: "Workspace and names"): every named element is
 * exported, nested zones included. Commitments are named within their dialogue and exported
 * as `Dialogue.Commitment`, which is how workspace symbols and the CLI name them.
 */
export class TerritoryScopeComputation extends DefaultScopeComputation {
    /**
     * No local scopes: every name is global, and the global scope looks names up in a map,
     * whereas Langium's local scopes are scanned element by element for each reference
     * (quadratic on a file of thousands of actors).
     */
    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }

    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exports: AstNodeDescription[] = [];
        for (const node of namedElements(model)) {
            await interruptAndCheck(cancelToken);
            const name = exportedName(node);
            if (name) exports.push(this.descriptions.createDescription(node, name, document));
        }
        return exports;
    }
}

/**
 * The elements that can carry a name, in document order: statements, the zones nested in
 * them, commitments. Only where they can be: visiting every node of a province file on each
 * edit costs more.
 */
function* namedElements(model: Model): Generator<AstNode> {
    for (const statement of model.statements) {
        yield* declaredElements(statement);
        if (isDialogue(statement)) yield* statement.commitments;
    }
}

function exportedName(node: AstNode): string | undefined {
    if (isCommitment(node)) {
        const dialogue = node.$container;
        return isDialogue(dialogue) && dialogue.name && node.name ? `${dialogue.name}.${node.name}` : undefined;
    }
    const name = (node as { name?: unknown }).name;
    return typeof name === 'string' && name.length > 0 ? name : undefined;
}
