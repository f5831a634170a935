import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { TerritoryServices } from '@territory/language';
import { createTerritoryServices } from '@territory/language';
import { UsageError } from './errors.js';

export interface LoadedModel {
    services: TerritoryServices;
    /** The model's files, sorted by path. */
    documents: LangiumDocument[];
}

/** Every `.territory` file under the given files or folders (the current folder by default). */
export async function findModelFiles(paths: string[]): Promise<string[]> {
    const roots = paths.length > 0 ? paths : ['.'];
    const files = new Set<string>();
    for (const root of roots) {
        const absolute = path.resolve(root);
        let stat;
        try {
            stat = await fs.stat(absolute);
        } catch {
            throw new UsageError(`${root}: no such file or folder`);
        }
        if (stat.isDirectory()) {
            for (const file of await walk(absolute)) files.add(file);
        } else if (absolute.endsWith('.territory')) {
            files.add(absolute);
        } else {
            throw new UsageError(`${root}: not a .territory file`);
        }
    }
    return [...files].sort();
}

async function walk(folder: string): Promise<string[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    const found: string[] = [];
    for (const entry of entries) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) found.push(...await walk(full));
        else if (entry.isFile() && entry.name.endsWith('.territory')) found.push(full);
    }
    return found;
}

/** Loads the files as one model and builds it (parse, link, validate) with the editor's services. */
export async function loadModel(paths: string[]): Promise<LoadedModel> {
    const files = await findModelFiles(paths);
    const { shared, Territory: services } = createTerritoryServices(NodeFileSystem);
    const documents: LangiumDocument[] = [];
    for (const file of files) {
        let text: string;
        try {
            text = await fs.readFile(file, 'utf8');
        } catch (error) {
            throw new UsageError(`${path.relative(process.cwd(), file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
        }
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents };
}
