import { EmptyFileSystem, URI } from 'langium';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createTerritoryServices } from '../src/territory-module.js';
import type { TerritoryServices } from '../src/territory-module.js';

export interface Workspace {
    services: TerritoryServices;
    /** Builds the given files (name → text) as one model and returns their documents by name. */
    build(files: Record<string, string>): Promise<Record<string, LangiumDocument>>;
    /** Replaces one file's text and rebuilds the workspace, as an editor does after an edit. */
    edit(name: string, text: string): Promise<void>;
}

/** A fresh in-memory workspace: every file given to `build` is part of one model. */
export function createWorkspace(): Workspace {
    const { Territory: services } = createTerritoryServices(EmptyFileSystem);
    const shared = services.shared;
    const uriOf = (name: string) => URI.parse(`file:///workspace/${name}`);
    return {
        services,
        async build(files) {
            const documents: Record<string, LangiumDocument> = {};
            for (const [name, text] of Object.entries(files)) {
                const document = shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(name));
                shared.workspace.LangiumDocuments.addDocument(document);
                documents[name] = document;
            }
            await shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
            return documents;
        },
        async edit(name, text) {
            const uri = uriOf(name);
            const document = shared.workspace.LangiumDocuments.getDocument(uri)!;
            // Same path the language server takes: a new text for the URI, then an update.
            const textDocument = document.textDocument as { _content?: string };
            shared.workspace.LangiumDocuments.deleteDocument(uri);
            shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString(text, uri));
            void textDocument;
            await shared.workspace.DocumentBuilder.update([uri], []);
        }
    };
}

/** Parses and validates one model made of a single file. */
export async function check(text: string, name = 'model.territory'): Promise<Diagnostic[]> {
    const workspace = createWorkspace();
    const documents = await workspace.build({ [name]: text });
    return documents[name].diagnostics ?? [];
}

export function codes(diagnostics: Diagnostic[]): string[] {
    return diagnostics.map(diagnostic => String(diagnostic.code));
}

export function describe_(diagnostics: Diagnostic[]): string {
    return diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`).join('\n');
}
