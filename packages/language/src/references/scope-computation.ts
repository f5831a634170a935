import type { AstNode, AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import { Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap } from 'langium';
import type { Model } from '../generated/ast.js';
import { Commitment, Dialogue, isDialogue } from '../generated/ast.js';
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
        const exportNode = (node: AstNode) => {
            const name = exportedName(node);
            if (name) exports.push(this.descriptions.createDescription(node, name, document));
        };
        // The elements that can carry a name, in document order: statements, the zones nested
        // in them, commitments. Only where they can be: visiting every node of a province file
        // on each edit costs more. Waiting on the token once per statement costs as much as
        // the rest: once per thousand.
        const statements = model.statements;
        for (let i = 0; i < statements.length; i++) {
            if (i % 1000 === 0) await interruptAndCheck(cancelToken);
            const statement = statements[i];
            declaredElements(statement).forEach(exportNode);
            if (statement.$type === Dialogue.$type) (statement as Dialogue).commitments.forEach(exportNode);
        }
        return exports;
    }
}

function exportedName(node: AstNode): string | undefined {
    // `$type` rather than the reflection's `isCommitment`: no type derives from it, and this runs for every statement.
    if (node.$type === Commitment.$type) {
        const dialogue = node.$container;
        const name = (node as Commitment).name;
        return isDialogue(dialogue) && dialogue.name && name ? `${dialogue.name}.${name}` : undefined;
    }
    const name = (node as { name?: unknown }).name;
    return typeof name === 'string' && name.length > 0 ? name : undefined;
}
