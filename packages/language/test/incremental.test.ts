import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, Cancellation, isOperationCancelled, TextDocument, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { modelFromDocuments } from '../src/analysis/model-from-documents.js';
import type { Workspace } from './helpers.js';
import { createWorkspace } from './helpers.js';
import { seededRandom } from '../../../test/seeded-random.js';

const tutorial = path.resolve(__dirname, '../../../examples/tutorial');
const files = Object.fromEntries(fs.readdirSync(tutorial).filter(f => f.endsWith('.territory')).map(f => [f, fs.readFileSync(path.join(tutorial, f), 'utf8')]));


/** One edit as a user makes them: lines deleted, repeated, moved to another file, names renamed or typed back, characters typed. */
function mutate(texts: Record<string, string>, next: () => number): { name: string; text: string } {
    const names = Object.keys(texts).sort();
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const name = pick(names);
    const lines = texts[name].split('\n');
    const at = Math.floor(next() * lines.length);
    const declared = [...Object.values(texts).join('\n').matchAll(/\b(?:actor|interest|zone|workshop|dialogue|kind|relation)\s+([^\s{"]+)/g)].map(m => m[1]);
    switch (Math.floor(next() * 7)) {
        case 0: lines.splice(at, 1); break;
        case 1: lines.splice(at, 0, lines[at] ?? ''); break;
        case 2: {
            const other = texts[pick(names)].split('\n');
            lines.splice(at, 0, pick(other));
            break;
        }
        case 3: {
            const old = pick(declared);
            lines[at] = (lines[at] ?? '').split(old).join(`${old}X`);
            const declaration = lines.findIndex(line => new RegExp(`\\b(actor|interest|zone|workshop|dialogue)\\s+${old}\\b`).test(line));
            if (declaration >= 0) lines[declaration] = lines[declaration].replace(old, `${old}X`);
            break;
        }
        case 4: return { name, text: files[name] ?? '' };
        case 5: { // typing: a few characters, often a passing syntax error
            const text = texts[name];
            const offset = Math.floor(next() * (text.length + 1));
            return { name, text: text.slice(0, offset) + pick(['x', ' ', '\n', '"', '{', '}', '3', 'tie ', ',']) + text.slice(offset) };
        }
        default: lines.splice(at, 0, `tie ${pick(declared)} -- ${pick(declared)} collaboration ${1 + Math.floor(next() * 5)}`);
    }
    return { name, text: lines.join('\n') };
}

const summary = (document: LangiumDocument) => (document.diagnostics ?? [])
    .map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`);

/** Every resolved reference of the document points into the current AST of its target's document. */
function staleReferences(document: LangiumDocument, current: (uri: string) => LangiumDocument | undefined): string[] {
    const stale: string[] = [];
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        for (const { reference } of AstUtils.streamReferences(node)) {
            const target = (reference as { ref?: AstNode }).ref;
            if (!target) continue;
            const targetDocument = AstUtils.getDocument(target);
            if (current(targetDocument.uri.toString())?.parseResult.value !== AstUtils.findRootNode(target)) stale.push(reference.$refText);
        }
    }
    return stale;
}

/** Where each declaration is referenced from, as the reference index (find references, rename) knows it. */
function referencesIndex(workspace: ReturnType<typeof createWorkspace>, names: string[]): string[] {
    const { IndexManager, AstNodeLocator } = { IndexManager: workspace.services.shared.workspace.IndexManager, AstNodeLocator: workspace.services.workspace.AstNodeLocator };
    const result: string[] = [];
    for (const name of names) {
        for (const node of AstUtils.streamAst(workspace.document(name).parseResult.value)) {
            if (typeof (node as { name?: unknown }).name !== 'string') continue;
            const sources = IndexManager.findAllReferences(node, AstNodeLocator.getAstNodePath(node))
                .map(reference => `${reference.sourceUri.path}@${reference.segment.offset}`).toArray().sort();
            result.push(`${name}:${(node as unknown as { name: string }).name} <- ${sources.join(' ')}`);
        }
    }
    return result;
}

describe('incremental rebuilds give the diagnostics of a fresh build', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
        test(`random edit sequence ${seed}`, async () => {
            const next = seededRandom(seed);
            const workspace = createWorkspace();
            const texts: Record<string, string> = { ...files };
            await workspace.build(texts);
            for (let step = 0; step < 25; step++) {
                const { name, text } = mutate(texts, next);
                texts[name] = text;
                await workspace.edit(name, text);
                const fresh = createWorkspace();
                const expected = await fresh.build(texts);
                const documents = workspace.services.shared.workspace.LangiumDocuments;
                expect(referencesIndex(workspace, Object.keys(texts)), `step ${step}: references`).toEqual(referencesIndex(fresh, Object.keys(texts)));
                // What the analysis reads, partly kept from the previous model (see `modelFromDocuments`).
                const model = (built: Workspace) => modelFromDocuments(Object.keys(texts).map(file => built.document(file)));
                expect(model(workspace), `step ${step}: the analysis' model`).toEqual(model(fresh));
                for (const file of Object.keys(texts)) {
                    const document = workspace.document(file);
                    expect(summary(document), `step ${step}, ${file} after editing ${name}`).toEqual(summary(expected[file]));
                    expect(staleReferences(document, uri => documents.all.find(d => d.uri.toString() === uri)), `step ${step}, ${file}`).toEqual([]);
                }
            }
        });
    }
});

describe('builds cancelled by the next keystroke leave nothing behind', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
        test(`random typing with cancelled builds ${seed}`, async () => {
            const next = seededRandom(seed);
            const workspace = createWorkspace();
            const texts: Record<string, string> = { ...files };
            await workspace.build(texts);
            const shared = workspace.services.shared;
            let cancelled = 0;
            for (let step = 0; step < 12; step++) {
                const names = Object.keys(texts).sort();
                const name = names[Math.floor(next() * names.length)];
                const offset = Math.floor(next() * texts[name].length);
                const typed = ['x', ' ', '\n', 'X', '"', '}', 'tie AUEAZegzel -- HajMoussa trust 2\n'][Math.floor(next() * 7)];
                texts[name] = texts[name].slice(0, offset) + typed + texts[name].slice(offset);
                shared.workspace.TextDocuments!.set(TextDocument.create(workspace.uri(name), 'territory', 100 + step, texts[name]));
                // As the language server does when the next change comes: the build is cancelled, at any point.
                const source = new Cancellation.CancellationTokenSource();
                const building = shared.workspace.DocumentBuilder.update([URI.parse(workspace.uri(name))], [], source.token);
                for (let turns = Math.floor(next() * 6); turns > 0; turns--) await new Promise(resolve => setImmediate(resolve));
                source.cancel();
                await building.catch(error => {
                    if (!isOperationCancelled(error)) throw error;
                    cancelled++;
                });
            }
            const last = Object.keys(texts).sort()[0];
            texts[last] += '\n';
            await workspace.edit(last, texts[last]);
            const expected = await createWorkspace().build(texts);
            for (const file of Object.keys(texts)) expect(summary(workspace.document(file)), file).toEqual(summary(expected[file]));
            expect(cancelled, 'builds cancelled in the middle').toBeGreaterThan(0);
        });
    }
});
