import type { AstNode, Reference } from 'langium';
import { isReference } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';

// One token type per kind of element, so that themes tell actors, kinds, relations and places apart.
const TOKEN_TYPES: Record<string, string> = {
    Actor: SemanticTokenTypes.variable,
    Kind: SemanticTokenTypes.type,
    Relation: SemanticTokenTypes.function,
    Interest: SemanticTokenTypes.property,
    Territory: SemanticTokenTypes.namespace,
    Zone: SemanticTokenTypes.namespace,
    Workshop: SemanticTokenTypes.event,
    Dialogue: SemanticTokenTypes.event,
    Commitment: SemanticTokenTypes.method,
    View: SemanticTokenTypes.class
};

export class TerritorySemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = TOKEN_TYPES[node.$type];
        if (declared && typeof (node as { name?: unknown }).name === 'string') {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        for (const [property, value] of Object.entries(node)) {
            if (property.startsWith('$')) continue;
            const references = Array.isArray(value) ? value.filter(isReference) : isReference(value) ? [value] : [];
            references.forEach((reference: Reference) => {
                const target = reference.ref;
                const type = target ? TOKEN_TYPES[target.$type] : undefined;
                if (type && reference.$refNode) acceptor({ cst: reference.$refNode, type });
            });
        }
    }
}
