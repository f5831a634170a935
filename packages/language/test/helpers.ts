import { EmptyFileSystem, TextDocument, URI } from 'langium';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createTerritoryServices } from '../src/territory-module.js';
import type { TerritoryServices } from '../src/territory-module.js';

export interface Workspace {
    services: TerritoryServices;
    /** Opens the given files (name → text) as one model, builds it and returns the documents by name. */
    build(files: Record<string, string>): Promise<Record<string, LangiumDocument>>;
    /** Replaces one file's text and rebuilds, as the language server does after an edit. */
    edit(name: string, text: string): Promise<LangiumDocument>;
    document(name: string): LangiumDocument;
    uri(name: string): string;
}

/**
 * A fresh in-memory workspace fed the way the language server is fed: open text documents,
 * then a workspace update. Every file is part of one model.
 */
export function createWorkspace(): Workspace {
    const { Territory: services, shared } = createTerritoryServices(EmptyFileSystem);
    const uriOf = (name: string) => URI.parse(`file:///workspace/${name}`);
    const versions = new Map<string, number>();
    const open = (name: string, text: string) => {
        const version = (versions.get(name) ?? 0) + 1;
        versions.set(name, version);
        shared.workspace.TextDocuments!.set(TextDocument.create(uriOf(name).toString(), 'territory', version, text));
    };
    const document = (name: string) => shared.workspace.LangiumDocuments.getDocument(uriOf(name))!;
    return {
        services,
        async build(files) {
            for (const [name, text] of Object.entries(files)) open(name, text);
            await shared.workspace.DocumentBuilder.update(Object.keys(files).map(uriOf), []);
            return Object.fromEntries(Object.keys(files).map(name => [name, document(name)]));
        },
        async edit(name, text) {
            open(name, text);
            await shared.workspace.DocumentBuilder.update([uriOf(name)], []);
            return document(name);
        },
        document,
        uri: name => uriOf(name).toString()
    };
}

/** Parses and validates one model made of a single file. */
export async function check(text: string, name = 'model.territory'): Promise<Diagnostic[]> {
    const documents = await createWorkspace().build({ [name]: text });
    return documents[name].diagnostics ?? [];
}

/** The offset of `marker` in `text`, and the text without it (for `<|>`-style cursor markers). */
export function cursor(text: string, marker = '<|>'): { text: string; offset: number } {
    const offset = text.indexOf(marker);
    if (offset < 0) throw new Error(`no ${marker} in test input`);
    return { text: text.slice(0, offset) + text.slice(offset + marker.length), offset };
}
