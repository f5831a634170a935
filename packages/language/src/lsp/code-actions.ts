import type { LangiumDocument, MaybePromise } from 'langium';
import { AstUtils, CstUtils, GrammarUtils } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { Dialogue, Model } from '../generated/ast.js';
import { isDialogue } from '../generated/ast.js';
import { IssueCodes } from '../validation/issue-codes.js';

// The declaration a quick fix inserts for a missing name, by the type the reference expects.
const DECLARATION_KEYWORDS: Record<string, string> = {
    Actor: 'actor',
    Interest: 'interest',
    Place: 'zone',
    Kind: 'kind',
    Relation: 'relation',
    Workshop: 'workshop'
};

/**
 * Quick fixes keyed on the diagnostics' issue codes: use a suggested name, declare a missing
 * element, add a missing party to a dialogue, turn a tie's arrow to match its relation.
 */
export class TerritoryCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = (diagnostic.data as { code?: string } | undefined)?.code;
            switch (code) {
                case IssueCodes.UnresolvedReference:
                    actions.push(...this.fixUnresolved(document, diagnostic));
                    break;
                case IssueCodes.UnknownValue:
                    actions.push(...replaceWithSuggestions(document, diagnostic));
                    break;
                case IssueCodes.DirectionMismatch:
                    actions.push(this.fixArrow(document, diagnostic));
                    break;
                case IssueCodes.CommitmentByNonParty: {
                    const action = this.addParty(document, diagnostic);
                    if (action) actions.push(action);
                    break;
                }
            }
        }
        return actions;
    }

    private fixUnresolved(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = diagnostic.data as { refText: string; expectedType: string };
        const actions = replaceWithSuggestions(document, diagnostic);
        const keyword = DECLARATION_KEYWORDS[data.expectedType];
        if (keyword) {
            const end = document.textDocument.positionAt(document.textDocument.getText().length);
            const text = document.textDocument.getText();
            const separator = text.length === 0 || text.endsWith('\n') ? '\n' : '\n\n';
            actions.push({
                title: `Declare ${keyword} '${data.refText}'`,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                edit: { changes: { [document.textDocument.uri]: [{ range: { start: end, end }, newText: `${separator}${keyword} ${data.refText}\n` }] } }
            });
        }
        return actions;
    }

    private fixArrow(document: LangiumDocument, diagnostic: Diagnostic): CodeAction {
        const arrow = (diagnostic.data as { arrow: string }).arrow;
        return {
            title: `Write the tie with '${arrow}'`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: [{ range: diagnostic.range, newText: arrow }] } }
        };
    }

    private addParty(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const { dialogue: dialogueName, actor } = diagnostic.data as { dialogue: string; actor: string };
        const model = document.parseResult.value as Model;
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const leaf = model.$cstNode && CstUtils.findLeafNodeAtOffset(model.$cstNode, offset);
        const dialogue = leaf && AstUtils.getContainerOfType(leaf.astNode, isDialogue);
        if (!dialogue || dialogue.name !== dialogueName) return undefined;
        const edit = partyEdit(dialogue, actor);
        if (!edit) return undefined;
        return {
            title: `Add '${actor}' to the parties of '${dialogueName}'`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: [edit] } }
        };
    }
}

function replaceWithSuggestions(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const suggestions = (diagnostic.data as { suggestions?: string[] }).suggestions ?? [];
    return suggestions.map((suggestion, index) => ({
        title: `Change to '${suggestion}'`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: { changes: { [document.textDocument.uri]: [{ range: diagnostic.range, newText: suggestion }] } }
    }));
}

/** `, Actor` after the last party, or a `parties Actor` line at the top of the block. */
function partyEdit(dialogue: Dialogue, actor: string): TextEdit | undefined {
    const lastParty = dialogue.parties[dialogue.parties.length - 1]?.$refNode;
    if (lastParty) {
        return { range: { start: lastParty.range.end, end: lastParty.range.end }, newText: `, ${actor}` };
    }
    const open = dialogue.$cstNode && GrammarUtils.findNodeForKeyword(dialogue.$cstNode, '{');
    if (!open) return undefined;
    const indent = ' '.repeat(2 + (dialogue.$cstNode?.range.start.character ?? 0));
    const at: Range = { start: open.range.end, end: open.range.end };
    return { range: at, newText: `\n${indent}parties ${actor}` };
}
