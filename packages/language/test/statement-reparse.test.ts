import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createTerritoryServices } from '../src/territory-module.js';
import { reparseStatements } from '../src/workspace/statement-reparse.js';
import { seededRandom } from '../../../test/seeded-random.js';

const tutorial = path.resolve(__dirname, '../../../examples/tutorial');
const texts = fs.readdirSync(tutorial).filter(f => f.endsWith('.territory')).sort()
    .map(f => fs.readFileSync(path.join(tutorial, f), 'utf8'));

const { Territory: services, shared } = createTerritoryServices(EmptyFileSystem);
const parse = (text: string): LangiumDocument => shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///workspace/model.territory'));

/** Everything a parse determines: each CST node's position and text, each AST node's place, values and references. */
function dump(document: LangiumDocument): string[] {
    const lines: string[] = [];
    const root = document.parseResult.value;
    const position = (node: CstNode) => `${node.offset}-${node.end} ${node.range.start.line}:${node.range.start.character}-${node.range.end.line}:${node.range.end.character}`;
    for (const node of CstUtils.streamCst(root.$cstNode!)) {
        lines.push(`cst ${position(node)} ${node.hidden ? 'hidden ' : ''}${JSON.stringify(node.text)} in ${node.container ? position(node.container) : 'root'}`);
    }
    for (const node of AstUtils.streamAst(root)) {
        const values = Object.entries(node).filter(([key]) => !key.startsWith('$'))
            .map(([key, value]) => `${key}=${JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && '$refText' in v ? `ref ${(v as { $refText: string }).$refText} at ${position((v as { $refNode: CstNode }).$refNode)}` : v && typeof v === 'object' && '$type' in v ? (v as AstNode).$type : v))}`);
        const container = node.$container;
        const held = container ? ([] as unknown[]).concat((container as unknown as Record<string, unknown>)[node.$containerProperty!]) : [];
        lines.push(`ast ${node.$type} ${node.$containerProperty ?? ''}[${node.$containerIndex ?? ''}] ${held.includes(node) || !container ? '' : 'ORPHAN '}${position(node.$cstNode!)} ${node.$cstNode!.astNode === node ? '' : 'CST-MISMATCH '}${values.join(' ')}`);
    }
    const at = (token?: { startOffset: number; endOffset?: number; startLine?: number; startColumn?: number; endLine?: number; endColumn?: number }) =>
        token ? `${token.startOffset}-${token.endOffset} ${token.startLine}:${token.startColumn}-${token.endLine}:${token.endColumn}` : 'none';
    for (const error of document.parseResult.lexerErrors) lines.push(`lexing ${error.offset}+${error.length} ${error.line}:${error.column} ${error.message}`);
    for (const error of document.parseResult.parserErrors) {
        lines.push(`parsing ${at(error.token)} after ${at((error as { previousToken?: typeof error.token }).previousToken)} skipped ${(error.resyncedTokens ?? []).map(at).join(', ')} ${error.message}`);
    }
    return lines;
}

/** A change as typing makes them: characters, words, statements, comments and quotes typed or deleted. */
function randomEdit(text: string, next: () => number): string {
    const at = Math.floor(next() * (text.length + 1));
    const snippets = [' ', '\n', 'x', '"', '/*', '*/', '// note\n', '{', '}', ';', '3', 'tie ', 'actor ', '\ntie Ahmed -- Fatima collaboration 2\n', '\nactor Nouveau "Nouvel acteur"\n', 'زيد', '"""', '*/'];
    switch (Math.floor(next() * 4)) {
        case 0: return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
        case 1: {
            const lineStart = text.lastIndexOf('\n', at - 1) + 1;
            const lineEnd = text.indexOf('\n', at);
            const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd + 1);
            return text.slice(0, lineStart) + line + text.slice(lineStart);
        }
        default: return text.slice(0, at) + snippets[Math.floor(next() * snippets.length)] + text.slice(at);
    }
}

describe('statements parsed in place give the tree of a full parse', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
        test(`random typing ${seed}`, () => {
            const next = seededRandom(seed);
            let text = texts[seed % texts.length];
            let document = parse(text);
            let inPlace = 0;
            for (let step = 0; step < 60; step++) {
                text = randomEdit(text, next);
                const fresh = parse(text);
                const edit = reparseStatements(document, text, services.parser.LangiumParser);
                if (edit) {
                    inPlace++;
                    expect(dump(document), `step ${step}`).toEqual(dump(fresh));
                    expect(edit.removedStatements.every(statement => !(document.parseResult.value as unknown as { statements: AstNode[] }).statements.includes(statement))).toBe(true);
                } else {
                    // As the document builder does: the whole text is parsed again.
                    document = fresh;
                }
            }
            // The sequence must exercise the in-place path, with and without syntax errors.
            expect(inPlace).toBeGreaterThan(30);
        });
    }

    test('an edit inside one statement replaces that statement only, and keeps the others', () => {
        const text = 'actor A "Un"\nactor B "Deux"\ntie A -- B collaboration 2\nactor C "Trois"\n';
        const document = parse(text);
        const [a, b, tie, c] = (document.parseResult.value as unknown as { statements: AstNode[] }).statements;
        const edit = reparseStatements(document, text.replace('collaboration 2', 'collaboration 3\n'), services.parser.LangiumParser)!;
        expect(edit.removedStatements).toEqual([tie]);
        expect(edit.addedStatements.map(statement => statement.$cstNode!.text)).toEqual(['tie A -- B collaboration 3']);
        const statements = (document.parseResult.value as unknown as { statements: AstNode[] }).statements;
        expect(statements[0]).toBe(a);
        expect(statements[1]).toBe(b);
        expect(statements[3]).toBe(c);
        expect(edit.shift).toMatchObject({ fromLine: 3, lineDelta: 1, offsetDelta: 1 });
        expect(c.$cstNode!.range.start).toEqual({ line: 4, character: 0 });
    });

    test('a comment opened or closed by an edit is read as a full parse reads it', () => {
        const text = 'actor A "Un"\nactor B "Deux"\nactor C "Trois"\nactor D "Quatre"\n';
        const document = parse(text);
        // Unclosed, the comment is two unexpected characters; the rest of the file tells.
        const opened = text.replace('actor B', '/* actor B');
        expect(reparseStatements(document, opened, services.parser.LangiumParser)).toBeDefined();
        expect(dump(document)).toEqual(dump(parse(opened)));
        // Closing it turns text before the edit into a comment: the whole document is parsed again.
        const closed = opened.replace('actor C "Trois"', 'actor C "Trois" */');
        expect(reparseStatements(document, closed, services.parser.LangiumParser)).toBeUndefined();
    });

    test('a syntax error typed in a statement stays in it, and goes when the statement is mended', () => {
        const text = 'actor A "Un"\nactor B "Deux"\ntie A -- B collaboration 2\nactor C "Trois"\n';
        const document = parse(text);
        const c = (document.parseResult.value as unknown as { statements: AstNode[] }).statements[3];
        const broken = text.replace('-- B', '-- ');
        expect(reparseStatements(document, broken, services.parser.LangiumParser)).toBeDefined();
        expect(document.parseResult.parserErrors.map(error => error.token.startLine)).toEqual([3]);
        expect((document.parseResult.value as unknown as { statements: AstNode[] }).statements).toContain(c);
        expect(reparseStatements(document, text, services.parser.LangiumParser)).toBeDefined();
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(dump(document)).toEqual(dump(parse(text)));
    });
});
