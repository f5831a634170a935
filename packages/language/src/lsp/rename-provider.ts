import type { LangiumDocument } from 'langium';
import { AstUtils, CstUtils, GrammarAST } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { PrepareRenameParams, Range, RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import type { TerritoryServices } from '../territory-module.js';
import { hasBidiControl, normalizeName } from '../names.js';
import { isPreludeUri } from '../prelude.js';

const NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;

/** Rename across files, refusing built-ins, keywords and names the language would not read. */
export class TerritoryRenameProvider extends DefaultRenameProvider {
    private readonly keywords: Set<string>;

    constructor(services: TerritoryServices) {
        super(services);
        this.keywords = new Set(collectKeywords(services));
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const newName = normalizeName(params.newName);
        if (!NAME.test(newName) || hasBidiControl(newName)) {
            throw new ResponseError(0, `'${params.newName}' is not a valid name: start with a letter or '_', then letters, digits or '_'.`);
        }
        if (this.keywords.has(newName)) {
            throw new ResponseError(0, `'${newName}' is a keyword of the language and cannot be a name.`);
        }
        this.refuseBuiltin(document, params.position);
        return super.rename(document, { ...params, newName });
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range | undefined {
        this.refuseBuiltin(document, params.position);
        return super.prepareRename(document, params) as Range | undefined;
    }

    private refuseBuiltin(document: LangiumDocument, position: PrepareRenameParams['position']): void {
        const root = document.parseResult.value.$cstNode;
        if (!root) return;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf) return;
        const targets = this.references.findDeclarations(leaf);
        const target = targets[0] ?? leaf.astNode;
        if (target && isPreludeUri(AstUtils.getDocument(target).uri)) {
            throw new ResponseError(0, `'${leaf.text}' is built in and cannot be renamed.`);
        }
    }
}

function collectKeywords(services: TerritoryServices): string[] {
    return AstUtils.streamAllContents(services.Grammar)
        .filter(GrammarAST.isKeyword)
        .map(keyword => keyword.value)
        .toArray();
}
