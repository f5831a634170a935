import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { TerritoryModel } from '@territory/analysis';
import { createTerritoryServices, modelFromDocuments } from '@territory/language';
import type { SourceFile } from './sources.js';

export interface BuiltModel {
    model: TerritoryModel;
    /** Files with syntax errors (lexer or parser), as `SourceFile.display` names them, with their counts. */
    syntaxErrors: Array<{ file: string; errors: number }>;
}

/**
 * Builds a model from files held in memory (a folder read from disk, or a git revision),
 * with the editor's services like `loadModel`, each model in its own services so that two
 * versions never see each other's names. Parsing and linking only: the diff needs no
 * checks (`territory check` reports them); syntax errors are counted, since the diff of a
 * file that does not parse would be misleading.
 */
export async function buildModel(files: readonly SourceFile[]): Promise<BuiltModel> {
    const { shared } = createTerritoryServices(NodeFileSystem);
    const documents: LangiumDocument[] = [];
    for (const file of files) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(file.text, URI.file(file.path));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    const syntaxErrors = documents.flatMap((document, index) => {
        const errors = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
        return errors > 0 ? [{ file: files[index].display, errors }] : [];
    });
    return { model: modelFromDocuments(documents), syntaxErrors };
}
