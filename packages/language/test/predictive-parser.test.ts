import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AstNode, CstNode, ParseResult } from 'langium';
import { CompositeCstNodeImpl, createLangiumParser, EmptyFileSystem, isAstNode, isReference, LeafCstNodeImpl, RootCstNodeImpl } from 'langium';
import { describe, expect, test } from 'vitest';
import { createTerritoryServices } from '../src/territory-module.js';
import type { TerritoryParser } from '../src/parser/parser.js';
import { createPredictiveParser } from '../src/parser/predictive-parser.js';
import { seededRandom } from '../../../test/seeded-random.js';
// @ts-expect-error: a plain JavaScript module of the repository's scripts
import { generate } from '../../../scripts/generate-territory.mjs';

const { Territory: services } = createTerritoryServices(EmptyFileSystem);
const langium = createLangiumParser(services);
const predictive = createPredictiveParser(services)!;

const repository = path.resolve(__dirname, '../../..');
function territoryFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return territoryFiles(full);
        return entry.name.endsWith('.territory') ? [full] : [];
    });
}
const corpus: Array<[string, string]> = [
    ...[path.join(repository, 'examples'), path.join(repository, 'test/fixtures')].flatMap(territoryFiles).sort()
        .map(file => [path.relative(repository, file), fs.readFileSync(file, 'utf8')] as [string, string]),
    ...[...(generate('S', 7) as { files: Map<string, string[]> }).files].map(([name, lines]) => [`generated S/${name}`, lines.join('\n') + '\n'] as [string, string])
];

/**
 * The first difference between two parses, or undefined: every CST node's class, grammar
 * source, token type, position and place; every AST node's properties in order, values,
 * references (text and node), container and CST node.
 */
function difference(expected: ParseResult<AstNode>, actual: ParseResult<AstNode>): string | undefined {
    const cstPairs = new Map<CstNode, CstNode>();
    const astPairs = new Map<AstNode, AstNode>();
    const cst = (a: CstNode, b: CstNode, where: string): string | undefined => {
        cstPairs.set(a, b);
        if (a.constructor !== b.constructor) return `${where}: ${b.constructor.name} instead of ${a.constructor.name}`;
        for (const key of ['grammarSource', 'offset', 'length', 'hidden'] as const) {
            if (a[key] !== b[key]) return `${where}: ${key} ${String(b[key])} instead of ${String(a[key])}`;
        }
        if (JSON.stringify(a.range) !== JSON.stringify(b.range)) return `${where}: range ${JSON.stringify(b.range)} instead of ${JSON.stringify(a.range)}`;
        if (a instanceof LeafCstNodeImpl) return a.tokenType === (b as LeafCstNodeImpl).tokenType ? undefined : `${where}: token type`;
        if (a instanceof RootCstNodeImpl && a.fullText !== (b as RootCstNodeImpl).fullText) return `${where}: text`;
        const own = (node: CstNode) => (node as unknown as { _astNode?: AstNode })._astNode;
        if (Boolean(own(a)) !== Boolean(own(b))) return `${where}: AST node link`;
        const [ca, cb] = [(a as CompositeCstNodeImpl).content, (b as CompositeCstNodeImpl).content];
        if (ca.length !== cb.length) return `${where}: ${cb.length} children instead of ${ca.length}`;
        for (let i = 0; i < ca.length; i++) {
            if (cb[i].container !== b) return `${where}/${i}: container`;
            const found = cst(ca[i], cb[i], `${where}/${i}`);
            if (found) return found;
        }
        return undefined;
    };
    const value = (a: unknown, b: unknown, where: string): string | undefined => {
        if (isAstNode(a)) return isAstNode(b) ? ast(a, b, where) : `${where}: not a node`;
        if (isReference(a)) {
            if (!isReference(b)) return `${where}: not a reference`;
            if (a.$refText !== b.$refText) return `${where}: reference text ${b.$refText} instead of ${a.$refText}`;
            return cstPairs.get(a.$refNode!) === b.$refNode ? undefined : `${where}: reference node`;
        }
        if (Array.isArray(a)) {
            if (!Array.isArray(b) || a.length !== b.length) return `${where}: list`;
            for (let i = 0; i < a.length; i++) {
                const found = value(a[i], b[i], `${where}[${i}]`);
                if (found) return found;
            }
            return undefined;
        }
        return Object.is(a, b) ? undefined : `${where}: ${JSON.stringify(b)} instead of ${JSON.stringify(a)}`;
    };
    const ast = (a: AstNode, b: AstNode, where: string): string | undefined => {
        astPairs.set(a, b);
        const [ka, kb] = [Object.keys(a), Object.keys(b)];
        if (ka.join() !== kb.join()) return `${where}: properties ${kb.join()} instead of ${ka.join()}`;
        if (a.$containerProperty !== b.$containerProperty || a.$containerIndex !== b.$containerIndex) return `${where}: place in container`;
        if (a.$container && astPairs.get(a.$container) !== b.$container) return `${where}: container`;
        if (cstPairs.get(a.$cstNode!) !== b.$cstNode || b.$cstNode?.astNode !== b) return `${where}: CST node`;
        for (const key of ka) {
            if (key.startsWith('$')) {
                if (key === '$type' && a.$type !== b.$type) return `${where}: type ${b.$type} instead of ${a.$type}`;
                continue;
            }
            const found = value((a as unknown as Record<string, unknown>)[key], (b as unknown as Record<string, unknown>)[key], `${where}.${key}`);
            if (found) return found;
        }
        return undefined;
    };
    return cst(expected.value.$cstNode!, actual.value.$cstNode!, 'cst') ?? ast(expected.value, actual.value, 'ast');
}

const hasErrors = (result: ParseResult<AstNode>) => result.lexerErrors.length + result.parserErrors.length > 0;

describe('predictive parser', () => {
    test('the language server parses with it', () => {
        expect((services.parser.LangiumParser as TerritoryParser).hasPredictiveParser).toBe(true);
    });

    /** Parses with both; Langium finds no error in `text`, so the predictive parser must not give up. */
    function expectSameTrees(text: string): void {
        const expected = langium.parse(text);
        expect(hasErrors(expected)).toBe(false);
        const actual = predictive.parse(text);
        expect(actual, 'a well-formed text is left to Langium').toBeDefined();
        expect(difference(expected, actual!)).toBeUndefined();
    }

    test.each(corpus)('%s: the same trees as Langium', (_name, text) => expectSameTrees(text));

    const cases: Record<string, string> = {
        'an empty file': '',
        'only comments': '// one\n/* two\n   lines */\n',
        'comments everywhere': '/* a */ actor /* b */ A /* c */ "Title" // d\n{ // e\n  kind /* f */ association\n  // g\n}\n// h\ntie A -> A /* i */ cooperation // j\n/* k */',
        'Windows line ends': 'actor A "One"\r\n{\r\n  power 3\r\n}\r\n\r\ntie A -- A exchange 2 "note"\r\n',
        'old Mac line ends': 'actor A\r{\r  power 3\r}\r',
        'long texts over lines': 'actor A """first\r\nsecond\nthird""" {\n  description """x\n"y"\n"""\n}\n',
        'escapes': 'actor A "a \\"quoted\\" \\\\ word \\n \\q" { tags x, y }\n',
        'names beyond ASCII': 'actor جمعية_الأمل "جمعية الأمل" {\n  kind association\n}\nactor Coopérative_Élan "Élan 🌿"\ntie جمعية_الأمل -> Coopérative_Élan cooperation\n',
        'numbers and dates': 'territory T { population 12 asOf 2024-01-31 }\ntie A -> B rel -2 \ntie A -> B rel 2.5\nworkshop W "w" on 2024-1-2 in T\n',
        'keywords as words': 'actor A { tags actor, zone, in, status }\nview V { color by interest Water layout radial size by power }\n',
        'views with lists': 'view V "v" {\n  include zone A, B, kind C, interest D, E, actor F, ego G depth 2\n  relations r1, r2\n  color by kind\n}\n',
        'dialogues and commitments': 'dialogue D "d" on 2024-02-01 {\n  about I1, I2\n  parties A, B\n  from W\n  commitment C1: A commits to B, C "do it" due 2024-06-01 status done\n  commitment C2: B commits\n}\n',
        'semicolons': ';;actor A { ; power 2 ; };\n;',
        'zones in zones': 'territory T "t" {\n  zone Z1 "z" { zone Z2 { population 3 } }\n  zone Z3\n}\nzone Z4 in Z1 { description "d" }\n',
        'kinds and relations': 'kind k "K" color "#fff" { description "x" }\nrelation r "R" directed negative { ; }\nrelation m mutual\n',
        'adjacent tokens': 'tie A->B r\ntie A--B r 3"n"\nactor X{power 1}',
        'a comment ending the file without a line end': 'actor A\n// last',
        'a name with an identifier tail': 'actor in2 "x"\nactor actorX\nactor _a9\n'
    };
    test.each(Object.entries(cases))('%s: the same trees as Langium', (_name, text) => expectSameTrees(text));

    const leftToLangium: Record<string, string> = {
        'a syntax error': 'actor A {\n  power\n}\n',
        'a stray character': 'actor A @ "x"\n',
        'an unclosed comment': 'actor A /* no end\n',
        'an unclosed text': 'actor A "no end\n',
        'a missing brace': 'actor A {\n  power 2\n'
    };
    test.each(Object.entries(leftToLangium))('%s is left to Langium, which reports it', (_name, text) => {
        expect(predictive.parse(text)).toBeUndefined();
        expect(hasErrors(services.parser.LangiumParser.parse(text))).toBe(true);
    });

    test('whitespace beyond ASCII is left to Langium, which reads it as whitespace', () => {
        const text = 'actor\u00a0A\n';
        expect(predictive.parse(text)).toBeUndefined();
        const result = services.parser.LangiumParser.parse(text);
        expect(hasErrors(result)).toBe(false);
        expect(difference(langium.parse(text), result)).toBeUndefined();
    });

    test('random edits: the same trees as Langium, or left to Langium when it finds errors', () => {
        const random = seededRandom(11);
        const sources = corpus.map(([, text]) => text).filter(text => text.length > 0);
        const fragments = ['{', '}', ',', ':', ';', '->', '--', '"', '"""', '/*', '*/', '//', '\n', '\r\n', ' ', 'actor', 'tie', 'zone', 'in', 'A1', '12', '-3', '2024-05-06', '2.5', '"t"', 'é', 'ب', '\u00a0', '@', '\\'];
        let accepted = 0;
        let refused = 0;
        for (let round = 0; round < 400; round++) {
            const source = sources[Math.floor(random() * sources.length)];
            const start = Math.floor(random() * source.length);
            const end = Math.min(source.length, start + Math.floor(random() * 40));
            let text = source.slice(Math.max(0, start - 3000), start);
            const inserted = Math.floor(random() * 3);
            for (let i = 0; i < inserted; i++) text += fragments[Math.floor(random() * fragments.length)];
            text += source.slice(end, end + 3000);
            const expected = langium.parse(text);
            const actual = predictive.parse(text);
            if (hasErrors(expected)) {
                expect(actual, JSON.stringify(text)).toBeUndefined();
                refused++;
            } else if (actual) {
                expect(difference(expected, actual), JSON.stringify(text)).toBeUndefined();
                accepted++;
            }
        }
        // Both kinds occur, or the test proves nothing.
        expect(accepted).toBeGreaterThan(50);
        expect(refused).toBeGreaterThan(50);
    });
});
