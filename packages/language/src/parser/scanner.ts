import type { TokenType, TokenVocabulary } from 'chevrotain';

/**
 * The terminals this scanner reads by hand, exactly as the grammar defines them, in the
 * grammar's order (which decides between them: dates before numbers, long texts before
 * texts). If the grammar's terminals change, `createScanner` returns undefined and every
 * file goes to Langium's lexer and parser again.
 */
const EXPECTED_TERMINALS: ReadonlyArray<readonly [string, string, string | undefined]> = [
    ['WS', '\\s+', 'skipped'],
    ['ML_COMMENT', '\\/\\*[\\s\\S]*?\\*\\/', 'hidden'],
    ['SL_COMMENT', '\\/\\/[^\\n\\r]*', 'hidden'],
    ['ID', '[A-Za-z_\\u00C0-\\uFFFF][A-Za-z0-9_\\u00C0-\\uFFFF]*', undefined],
    ['DATE', '[0-9]+-[0-9]+-[0-9]+', undefined],
    ['NUMBER', '-?[0-9]+(\\.[0-9]+)?', undefined],
    ['LONG_STRING', '"""[\\s\\S]*?"""', undefined],
    ['STRING', '"(\\\\.|[^"\\\\\\r\\n])*"', undefined]
];

/** The keywords made of punctuation that the scanner recognises. */
const PUNCTUATION = ['{', '}', ',', ':', ';', '->', '--'];

/** Token kinds are small numbers: 0 is the end of the text. */
export const EOF = 0;

/** Tokens as columns of numbers: no object per token (the scanner runs over whole workspaces). */
export class TokenTable {
    count = 0;
    kind: Uint8Array;
    start: Int32Array;
    end: Int32Array;
    startLine: Int32Array;
    startColumn: Int32Array;
    endLine: Int32Array;
    endColumn: Int32Array;

    constructor(capacity: number) {
        this.kind = new Uint8Array(capacity);
        this.start = new Int32Array(capacity);
        this.end = new Int32Array(capacity);
        this.startLine = new Int32Array(capacity);
        this.startColumn = new Int32Array(capacity);
        this.endLine = new Int32Array(capacity);
        this.endColumn = new Int32Array(capacity);
    }

    push(kind: number, start: number, end: number, startLine: number, startColumn: number, endLine: number, endColumn: number): void {
        if (this.count === this.kind.length) this.grow();
        const i = this.count++;
        this.kind[i] = kind;
        this.start[i] = start;
        this.end[i] = end;
        this.startLine[i] = startLine;
        this.startColumn[i] = startColumn;
        this.endLine[i] = endLine;
        this.endColumn[i] = endColumn;
    }

    private grow(): void {
        const capacity = this.kind.length * 2;
        const copy = <T extends Uint8Array | Int32Array>(old: T, fresh: T): T => { fresh.set(old); return fresh; };
        this.kind = copy(this.kind, new Uint8Array(capacity));
        this.start = copy(this.start, new Int32Array(capacity));
        this.end = copy(this.end, new Int32Array(capacity));
        this.startLine = copy(this.startLine, new Int32Array(capacity));
        this.startColumn = copy(this.startColumn, new Int32Array(capacity));
        this.endLine = copy(this.endLine, new Int32Array(capacity));
        this.endColumn = copy(this.endColumn, new Int32Array(capacity));
    }
}

export interface ScannedText {
    /** The tokens the parser reads, then one EOF. */
    readonly tokens: TokenTable;
    /** The comments, in order: Langium's hidden tokens. */
    readonly comments: TokenTable;
}

export interface Scanner {
    /** Token kind → Chevrotain's token type (what CST leaves carry); kind 0 is EOF. */
    readonly tokenTypes: readonly TokenType[];
    /** Comment kind (1 block, 2 line) → Chevrotain's token type. */
    readonly commentTypes: readonly TokenType[];
    /** Token kind by name: keywords by their text, terminals by their rule's name. */
    readonly kindOf: ReadonlyMap<string, number>;
    /**
     * The tokens Langium's lexer would give, or undefined when the text has anything this
     * scanner leaves to Langium: a character no token starts with, an unclosed comment or
     * text, whitespace beyond ASCII. Those are rare and Langium reports them.
     */
    scan(text: string): ScannedText | undefined;
}

const enum Char {
    Tab = 9, LineFeed = 10, VerticalTab = 11, FormFeed = 12, CarriageReturn = 13, Space = 32,
    Quote = 34, Star = 42, Minus = 45, Dot = 46, Slash = 47, Zero = 48, Nine = 57, Greater = 62,
    Backslash = 92, Underscore = 95
}

const isDigit = (c: number) => c >= Char.Zero && c <= Char.Nine;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Whitespace for `\s` beyond ASCII: inside the ID range too, where Chevrotain's order decides. */
const isWideSpace = (c: number) => c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isLineBreakInEscape = (c: number) => c === Char.LineFeed || c === Char.CarriageReturn || c === 0x2028 || c === 0x2029;

/**
 * A hand-written scanner for the territory grammar's tokens, checked against the lexer
 * definition Langium built from the grammar (terminal patterns, keywords and their
 * alternatives). Returns undefined when the grammar has anything it was not written for.
 */
export function createScanner(definition: TokenVocabulary): Scanner | undefined {
    const types = Object.values(definition as Record<string, TokenType>);
    const terminals = types.filter(type => typeof type.PATTERN !== 'string');
    const described = terminals.map(type => [type.name, (type.PATTERN as RegExp).source, groupOf(type)]);
    if (JSON.stringify(described) !== JSON.stringify(EXPECTED_TERMINALS)) return undefined;
    if (terminals.some(type => (type.PATTERN as RegExp).flags !== '')) return undefined;

    const tokenTypes: TokenType[] = [{ name: 'EOF' } as TokenType];
    const kindOf = new Map<string, number>();
    const words = new Map<string, number>();
    const punctuation = new Map<string, number>();
    for (const type of types) {
        if (type.GROUP !== undefined) continue; // skipped and hidden tokens get no kind
        kindOf.set(type.name, tokenTypes.length);
        tokenTypes.push(type);
        if (typeof type.PATTERN !== 'string') continue;
        const keyword = type.PATTERN;
        const longerAlternatives = ([] as TokenType[]).concat(type.LONGER_ALT ?? []).map(alternative => alternative.name);
        if (/^[A-Za-z]+$/.test(keyword) && longerAlternatives.join() === 'ID') words.set(keyword, kindOf.get(keyword)!);
        else if (PUNCTUATION.includes(keyword) && longerAlternatives.length === 0) punctuation.set(keyword, kindOf.get(keyword)!);
        else return undefined;
    }
    if (tokenTypes.length > 255 || punctuation.size !== PUNCTUATION.length) return undefined;
    const kind = (name: string) => kindOf.get(name)!;
    const [ID, DATE, NUMBER, LONG_STRING, STRING] = ['ID', 'DATE', 'NUMBER', 'LONG_STRING', 'STRING'].map(kind);
    const [ML_COMMENT, SL_COMMENT] = [1, 2]; // comments have their own table; their kinds only tell them apart
    const single = new Map<number, number>([...punctuation].filter(([text]) => text.length === 1).map(([text, id]) => [text.charCodeAt(0), id]));
    const ARROW = punctuation.get('->')!;
    const DASHES = punctuation.get('--')!;

    function scan(text: string): ScannedText | undefined {
        const length = text.length;
        const tokens = new TokenTable(Math.max(16, length >> 3));
        const comments = new TokenTable(16);
        let line = 0;
        let lineStart = 0;
        let pos = 0;
        /**
         * Moves past the first `closer` after an opener of `openerLength` (long texts, block
         * comments: they may span lines); false when there is none.
         */
        const toCloser = (closer: string, openerLength: number) => {
            const close = text.indexOf(closer, pos + openerLength);
            if (close < 0) return false;
            const from = pos;
            pos = close + closer.length;
            countLines(from, pos);
            return true;
        };
        /** Where the run of digits from `p` ends. */
        const digitsFrom = (p: number) => {
            while (isDigit(text.charCodeAt(p))) p++;
            return p;
        };
        /** Moves the line count over the line breaks inside [from, to). */
        const countLines = (from: number, to: number) => {
            for (let p = from; p < to; p++) {
                const c = text.charCodeAt(p);
                if (c === Char.LineFeed || (c === Char.CarriageReturn && text.charCodeAt(p + 1) !== Char.LineFeed)) {
                    line++;
                    lineStart = p + 1;
                }
            }
        };
        const push = (table: TokenTable, kind: number, start: number, startLine: number, startColumn: number) => {
            table.push(kind, start, pos, startLine, startColumn, line, pos - lineStart);
        };
        while (pos < length) {
            const c = text.charCodeAt(pos);
            if (c === Char.Space || c === Char.Tab || c === Char.VerticalTab || c === Char.FormFeed) { pos++; continue; }
            if (c === Char.LineFeed) { pos++; line++; lineStart = pos; continue; }
            if (c === Char.CarriageReturn) {
                pos++;
                if (text.charCodeAt(pos) === Char.LineFeed) pos++;
                line++;
                lineStart = pos;
                continue;
            }
            const start = pos;
            const startLine = line;
            const startColumn = pos - lineStart;
            if (isAsciiLetter(c) || c === Char.Underscore || c >= 0xc0) {
                do {
                    const d = text.charCodeAt(pos);
                    if (isAsciiLetter(d) || d === Char.Underscore || isDigit(d) || d >= 0xc0) {
                        if (d >= 0xc0 && isWideSpace(d)) return undefined;
                        pos++;
                    } else break;
                } while (pos < length);
                const word = text.substring(start, pos);
                push(tokens, words.get(word) ?? ID, start, startLine, startColumn);
                continue;
            }
            if (isDigit(c) || c === Char.Minus) {
                if (c === Char.Minus) {
                    const next = text.charCodeAt(pos + 1);
                    if (next === Char.Greater || next === Char.Minus) {
                        pos += 2;
                        push(tokens, next === Char.Greater ? ARROW : DASHES, start, startLine, startColumn);
                        continue;
                    }
                    if (!isDigit(next)) return undefined;
                    pos++;
                }
                let p = digitsFrom(pos);
                if (c !== Char.Minus && text.charCodeAt(p) === Char.Minus && isDigit(text.charCodeAt(p + 1))) {
                    const q = digitsFrom(p + 1);
                    if (text.charCodeAt(q) === Char.Minus && isDigit(text.charCodeAt(q + 1))) {
                        pos = digitsFrom(q + 1);
                        push(tokens, DATE, start, startLine, startColumn);
                        continue;
                    }
                }
                if (text.charCodeAt(p) === Char.Dot && isDigit(text.charCodeAt(p + 1))) p = digitsFrom(p + 1);
                pos = p;
                push(tokens, NUMBER, start, startLine, startColumn);
                continue;
            }
            if (c === Char.Quote) {
                if (text.charCodeAt(pos + 1) === Char.Quote && text.charCodeAt(pos + 2) === Char.Quote) {
                    if (!toCloser('"""', 3)) return undefined;
                    push(tokens, LONG_STRING, start, startLine, startColumn);
                    continue;
                }
                let p = pos + 1;
                for (;;) {
                    if (p >= length) return undefined;
                    const d = text.charCodeAt(p);
                    if (d === Char.Quote) break;
                    if (d === Char.LineFeed || d === Char.CarriageReturn) return undefined;
                    if (d === Char.Backslash) {
                        if (p + 1 >= length || isLineBreakInEscape(text.charCodeAt(p + 1))) return undefined;
                        p += 2;
                    } else p++;
                }
                pos = p + 1;
                push(tokens, STRING, start, startLine, startColumn);
                continue;
            }
            if (c === Char.Slash) {
                const next = text.charCodeAt(pos + 1);
                if (next === Char.Star) {
                    if (!toCloser('*/', 2)) return undefined;
                    push(comments, ML_COMMENT, start, startLine, startColumn);
                    continue;
                }
                if (next === Char.Slash) {
                    pos += 2;
                    while (pos < length) {
                        const d = text.charCodeAt(pos);
                        if (d === Char.LineFeed || d === Char.CarriageReturn) break;
                        pos++;
                    }
                    push(comments, SL_COMMENT, start, startLine, startColumn);
                    continue;
                }
                return undefined;
            }
            const punctuationKind = single.get(c);
            if (punctuationKind === undefined) return undefined;
            pos++;
            push(tokens, punctuationKind, start, startLine, startColumn);
        }
        push(tokens, EOF, pos, line, pos - lineStart);
        return { tokens, comments };
    }

    const commentTypes = [tokenTypes[EOF], (definition as Record<string, TokenType>).ML_COMMENT, (definition as Record<string, TokenType>).SL_COMMENT];
    return { tokenTypes, commentTypes, kindOf, scan };
}

/** 'hidden' for comments, 'skipped' for whitespace (Chevrotain marks it with a sentence). */
function groupOf(type: TokenType): string | undefined {
    if (type.GROUP === undefined) return undefined;
    return type.GROUP === 'hidden' ? 'hidden' : 'skipped';
}
