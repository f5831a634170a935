import type { AstNode, CstNode, LangiumDocument, LangiumParser, ParseResult } from 'langium';
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import { AstUtils } from 'langium';
import type { Model } from '../generated/ast.js';

/**
 * How positions at or after the end of an edit move: offsets by `offsetDelta`, lines by
 * `lineDelta`, and positions on the edit's last line (`fromLine`, before the edit) also by
 * `columnDelta`.
 */
export interface PositionShift {
    readonly fromLine: number;
    readonly lineDelta: number;
    readonly columnDelta: number;
    readonly offsetDelta: number;
}

/** What `reparseStatements` replaced in a document's AST. */
export interface StatementEdit {
    /** The top-level statements the edit replaced, and every node in them. */
    readonly removedStatements: readonly AstNode[];
    readonly removedNodes: ReadonlySet<AstNode>;
    /** The statements parsed from the edited text, in the document's AST now. */
    readonly addedStatements: readonly AstNode[];
    /** The statements after the edit, kept but moved by `shift`. */
    readonly shiftedStatements: readonly AstNode[];
    readonly shift: PositionShift;
}

/** Tokens that reach as far as their closer, however far: comments and long texts. */
const DELIMITERS: ReadonlyArray<readonly [string, string]> = [['/*', '*/'], ['"""', '"""']];

/** How many times the statements around an edit may be widened to keep syntax errors inside. */
const MAX_WIDENINGS = 8;

/**
 * Parses again only the top-level statements an edit touched, and splices them into the
 * document's AST and CST in place; every other statement keeps its node, so references to it
 * (from this document or others) stay resolved, and its diagnostics stay valid.
 *
 * Langium parses a whole document on each change: 250–450 ms for a province file of 20,000
 * lines. Statements are independent in this grammar (the model is a sequence of them), so
 * parsing the text from the statement before the edit to the statement after it gives the
 * tree of a full parse, which this checks: those two statements must be parsed back with
 * exactly their old extent. Syntax errors (while the user types) are kept to the statements
 * parsed again: when an error, its recovery or the tokens it skipped reach one of the two
 * statements around, the slice is widened by a statement on that side. Returns undefined,
 * changing nothing, when that does not settle it: the caller then parses the whole document.
 */
export function reparseStatements(document: LangiumDocument, text: string, parser: LangiumParser): StatementEdit | undefined {
    const { parseResult } = document;
    const model = parseResult.value as Model;
    const root = model.$cstNode?.root;
    if (!root || (parseResult.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const oldText = root.fullText;
    if (oldText === text) return undefined;
    const statements = model.statements;
    const oldErrors = syntaxErrors(parseResult);
    // Recovered statements may lack text, and break the search by offset below.
    if (oldErrors.length > 0 && !statements.every((statement, i) => statement.$cstNode && (statement.$cstNode as { content?: unknown[] }).content?.length
        && (i === 0 || statement.$cstNode.offset >= statements[i - 1].$cstNode!.end))) return undefined;

    // The changed region: [prefix, oldText.length - suffix) became [prefix, text.length - suffix).
    const limit = Math.min(oldText.length, text.length);
    const prefix = longestMatch(limit, length => oldText.substring(0, length) === text.substring(0, length));
    const suffix = longestMatch(limit - prefix, length => oldText.substring(oldText.length - length) === text.substring(text.length - length));
    const offsetDelta = text.length - oldText.length;
    // A comment or long text closed by the edit may start anywhere before it, unclosed until
    // now; one opened by it may reach anywhere after it.
    const changed = text.substring(Math.max(0, prefix - 2), text.length - suffix + 2);
    if (DELIMITERS.some(([opener, closer]) => changed.includes(closer) && oldText.lastIndexOf(opener, prefix) >= 0)) return undefined;
    const toTheEnd = DELIMITERS.some(([opener]) => changed.includes(opener));

    // The statements around the edit, untouched by it and not adjacent to it.
    let before = partitionPoint(statements, 0, statement => statement.$cstNode!.end < prefix) - 1;
    let after = toTheEnd ? statements.length : partitionPoint(statements, before + 1, statement => statement.$cstNode!.offset <= oldText.length - suffix);
    for (let widenings = 0; widenings <= MAX_WIDENINGS; widenings++) {
        const pre = before >= 0 ? statements[before] : undefined;
        const post = after < statements.length ? statements[after] : undefined;
        if (pre && oldErrors.some(error => touches(error, pre.$cstNode!, 0))) { before--; continue; }
        if (post && oldErrors.some(error => touches(error, post.$cstNode!, 0))) { after++; continue; }

        const sliceStart = pre ? pre.$cstNode!.offset : 0;
        const sliceEnd = post ? post.$cstNode!.end + offsetDelta : text.length;
        const slice = parser.parse<Model>(text.substring(sliceStart, sliceEnd));
        if ((slice.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
        const parsed = slice.value.statements;
        const first = pre ? 1 : 0;
        const last = post ? parsed.length - 1 : parsed.length;
        if (last < first) return undefined;
        if (pre && !sameExtent(parsed[0], pre, -sliceStart)) return undefined;
        if (post && !sameExtent(parsed[parsed.length - 1], post, offsetDelta - sliceStart)) return undefined;
        const sliceErrors = syntaxErrors(slice);
        // An unclosed comment or text may be closed after the slice: only the text to the end tells.
        if (post && slice.lexerErrors.length > 0) { after = statements.length; continue; }
        if (pre && sliceErrors.some(error => touches(error, parsed[0].$cstNode!, 0))) { before--; continue; }
        if (post && sliceErrors.some(error => touches(error, parsed[parsed.length - 1].$cstNode!, Infinity))) { after++; continue; }

        return splice(document, { text, slice, sliceStart, before, after, offsetDelta, oldErrors, sliceErrors });
    }
    return undefined;
}

interface Splice {
    readonly text: string;
    readonly slice: ParseResult<Model>;
    readonly sliceStart: number;
    /** The indexes of the statements around the edit (-1 and the statement count when none). */
    readonly before: number;
    readonly after: number;
    readonly offsetDelta: number;
    readonly oldErrors: readonly LocatedSyntaxError[];
    readonly sliceErrors: readonly LocatedSyntaxError[];
}

/** Splices the statements parsed from the slice into the document's CST and AST, and its syntax errors. */
function splice(document: LangiumDocument, { text, slice, sliceStart, before, after, offsetDelta, oldErrors, sliceErrors }: Splice): StatementEdit {
    const { parseResult } = document;
    const model = parseResult.value as Model;
    const root = model.$cstNode!.root;
    const statements = model.statements;
    const pre = before >= 0 ? statements[before] : undefined;
    const post = after < statements.length ? statements[after] : undefined;
    const parsed = slice.value.statements;
    const first = pre ? 1 : 0;
    const last = post ? parsed.length - 1 : parsed.length;

    // Where the slice starts, and how the text after the edit moved.
    const start = pre ? pre.$cstNode!.range.start : { line: 0, character: 0 };
    let shift: PositionShift = { fromLine: 0, lineDelta: 0, columnDelta: 0, offsetDelta };
    if (post) {
        const oldStart = post.$cstNode!.range.start;
        const newStart = translatePosition(parsed[parsed.length - 1].$cstNode!.range.start, start);
        shift = { fromLine: oldStart.line, lineDelta: newStart.line - oldStart.line, columnDelta: newStart.character - oldStart.character, offsetDelta };
    }
    const regionStart = pre ? pre.$cstNode!.end : 0;
    const regionEnd = post ? post.$cstNode!.offset : Infinity;

    // Syntax errors: those of the region parsed again replace the old ones there.
    const kept = (error: LocatedSyntaxError) => error.offset < regionStart;
    const moved = (error: LocatedSyntaxError) => post !== undefined && error.offset >= regionEnd;
    const fromSlice = (error: LocatedSyntaxError) => !post || error.offset < parsed[parsed.length - 1].$cstNode!.offset;
    const translate = <T extends TokenPosition>(position: T): T => translateToken(position, sliceStart, start);
    parseResult.lexerErrors = [
        ...oldErrors.filter(error => error.lexer && kept(error)).map(error => error.lexer!),
        ...sliceErrors.filter(error => error.lexer && fromSlice(error)).map(error => ({ ...translate(error.lexer!), message: moveOffsetInMessage(error.lexer!.message, sliceStart) })),
        ...oldErrors.filter(error => error.lexer && moved(error)).map(error => ({ ...shiftToken(error.lexer!, shift), message: moveOffsetInMessage(error.lexer!.message, offsetDelta) }))
    ];
    parseResult.parserErrors = [
        ...oldErrors.filter(error => error.parser && kept(error)).map(error => error.parser!),
        ...sliceErrors.filter(error => error.parser && fromSlice(error)).map(error => moveRecognitionError(error.parser!, translate)),
        ...oldErrors.filter(error => error.parser && moved(error)).map(error => moveRecognitionError(error.parser!, <T extends TokenPosition>(position: T): T => shiftToken(position, shift)))
    ];

    // The CST: the old root's children between `pre` and `post` give way to the slice's.
    const sliceRoot = slice.value.$cstNode!.root;
    const content = root.content as CstNode[];
    const from = pre ? content.indexOf(topLevelChild(pre.$cstNode!)) + 1 : 0;
    const to = post ? content.indexOf(topLevelChild(post.$cstNode!)) : content.length;
    const sliceFrom = pre ? sliceRoot.content.indexOf(topLevelChild(parsed[0].$cstNode!)) + 1 : 0;
    const sliceTo = post ? sliceRoot.content.indexOf(topLevelChild(parsed[parsed.length - 1].$cstNode!)) : sliceRoot.content.length;
    const inserted = sliceRoot.content.slice(sliceFrom, sliceTo);
    for (const child of inserted) {
        (child as { container?: CstNode }).container = root;
        visitCst(child, node => translateNode(node, sliceStart, start));
    }
    for (let i = to; i < content.length; i++) shiftTree(content[i], shift);
    content.splice(from, to - from, ...inserted);
    (root as unknown as { _text: string })._text = text;
    clearRangeCache(root);

    // The AST: the same splice among the statements.
    const addedStatements = parsed.slice(first, last);
    const removedStatements = statements.splice(before + 1, after - before - 1, ...addedStatements);
    for (let i = before + 1; i < statements.length; i++) {
        const statement = statements[i] as Mutable<AstNode>;
        statement.$container = model;
        statement.$containerProperty = 'statements';
        statement.$containerIndex = i;
    }
    const removedNodes = new Set<AstNode>();
    for (const statement of removedStatements) for (const node of AstUtils.streamAst(statement)) removedNodes.add(node);
    const shiftedStatements = statements.slice(before + 1 + addedStatements.length);
    return { removedStatements, removedNodes, addedStatements, shiftedStatements, shift };
}

/** A lexing or parsing error, with where it is (for a parsing error: its token, or the last one before it). */
interface LocatedSyntaxError {
    readonly lexer?: ILexingError;
    readonly parser?: IRecognitionException;
    readonly offset: number;
    /** Every offset the error involves: its token, the token before, the tokens its recovery skipped. */
    readonly offsets: readonly number[];
}

function syntaxErrors(parseResult: ParseResult): LocatedSyntaxError[] {
    const errors: LocatedSyntaxError[] = [];
    for (const lexer of parseResult.lexerErrors) errors.push({ lexer, offset: lexer.offset, offsets: [lexer.offset, lexer.offset + lexer.length] });
    for (const parser of parseResult.parserErrors) {
        const tokens = [parser.token, (parser as { previousToken?: IToken }).previousToken, ...(parser.resyncedTokens ?? [])];
        // The end of the input has no offset (NaN or -1): it is after everything.
        const at = (token: IToken) => Number.isFinite(token.startOffset) && token.startOffset >= 0 ? token.startOffset : Infinity;
        const offsets = tokens.filter((token): token is IToken => token !== undefined)
            .flatMap(token => at(token) === Infinity ? [Infinity] : [token.startOffset, token.endOffset ?? token.startOffset]);
        const offset = at(parser.token);
        errors.push({ parser, offset, offsets });
    }
    return errors;
}

/** Whether an error involves the text of `node` (or lies up to `beyond` characters after it). */
function touches(error: LocatedSyntaxError, node: CstNode, beyond: number): boolean {
    return error.offsets.some(offset => offset >= node.offset && offset <= node.end + beyond);
}

/** Chevrotain's positions: lines and columns from 1, the end column inclusive. */
interface TokenPosition {
    startOffset?: number;
    endOffset?: number;
    offset?: number;
    startLine?: number;
    endLine?: number;
    line?: number;
    startColumn?: number;
    endColumn?: number;
    column?: number;
}

/** Moves a parsing error in place (it is an `Error`: its message would not survive a copy); tokens are copied, errors may share them. */
function moveRecognitionError(error: IRecognitionException, move: <T extends TokenPosition>(position: T) => T): IRecognitionException {
    const moved = error as IRecognitionException & { previousToken?: IToken };
    moved.token = move(error.token);
    if (error.resyncedTokens) moved.resyncedTokens = error.resyncedTokens.map(token => move(token));
    if (moved.previousToken) moved.previousToken = move(moved.previousToken);
    return moved;
}

function moveToken<T extends TokenPosition>(position: T, offset: number, line: (line: number) => number, column: (line: number, column: number) => number): T {
    const moved: TokenPosition = { ...position };
    // The end of the input has no position: NaN or -1.
    const finite = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value) && value >= 0;
    if (finite(position.startOffset)) moved.startOffset = position.startOffset + offset;
    if (finite(position.endOffset)) moved.endOffset = position.endOffset + offset;
    if (finite(position.offset)) moved.offset = position.offset + offset;
    if (finite(position.startLine) && finite(position.startColumn)) moved.startColumn = column(position.startLine, position.startColumn);
    if (finite(position.endLine) && finite(position.endColumn)) moved.endColumn = column(position.endLine, position.endColumn);
    if (finite(position.line) && finite(position.column)) moved.column = column(position.line, position.column);
    if (finite(position.startLine)) moved.startLine = line(position.startLine);
    if (finite(position.endLine)) moved.endLine = line(position.endLine);
    if (finite(position.line)) moved.line = line(position.line);
    return moved as T;
}

function shiftToken<T extends TokenPosition>(position: T, shift: PositionShift): T {
    return moveToken(position, shift.offsetDelta, line => line + shift.lineDelta,
        (line, column) => (line - 1 === shift.fromLine ? column + shift.columnDelta : column));
}

function translateToken<T extends TokenPosition>(position: T, offset: number, start: { line: number; character: number }): T {
    return moveToken(position, offset, line => line + start.line, (line, column) => (line === 1 ? column + start.character : column));
}

/** Chevrotain's lexing messages give the offset of the unexpected character. */
function moveOffsetInMessage(message: string, delta: number): string {
    return message.replace(/at offset: (\d+)/, (_, offset: string) => `at offset: ${Number(offset) + delta}`);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Moves `position` (at or after an edit's end, before the edit) by `shift`. */
export function shiftPosition(position: { line: number; character: number }, shift: PositionShift): { line: number; character: number } {
    return {
        line: position.line + shift.lineDelta,
        character: position.line === shift.fromLine ? position.character + shift.columnDelta : position.character
    };
}

interface LeafPositions {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

function isLeaf(node: CstNode): node is CstNode & LeafPositions {
    return '_offset' in node;
}

function clearRangeCache(node: CstNode): void {
    if ('_rangeCache' in node) (node as { _rangeCache?: unknown })._rangeCache = undefined;
}

/**
 * Moves a CST node and everything in it by `shift`. This runs over every node after the edit
 * (some 100,000 when a province file is edited near its top), so it is a plain loop over the
 * nodes' own fields: composite nodes hold `content` and a cached range, leaves their positions.
 */
function shiftTree(node: CstNode, shift: PositionShift): void {
    const { offsetDelta, lineDelta, columnDelta, fromLine } = shift;
    const stack: CstNode[] = [node];
    while (stack.length > 0) {
        const current = stack.pop()!;
        const content = (current as { content?: CstNode[] }).content;
        if (content !== undefined) {
            (current as { _rangeCache?: unknown })._rangeCache = undefined;
            for (let i = 0; i < content.length; i++) stack.push(content[i]);
            continue;
        }
        const leaf = current as CstNode & LeafPositions;
        leaf._offset += offsetDelta;
        if (leaf._startLine === fromLine) leaf._startColumn += columnDelta;
        if (leaf._endLine === fromLine) leaf._endColumn += columnDelta;
        leaf._startLine += lineDelta;
        leaf._endLine += lineDelta;
    }
}

/** From the slice's positions (it starts at line 0, column 0) to the document's. */
function translateNode(node: CstNode, offset: number, start: { line: number; character: number }): void {
    if (!isLeaf(node)) return clearRangeCache(node);
    node._offset += offset;
    if (node._startLine === 0) node._startColumn += start.character;
    if (node._endLine === 0) node._endColumn += start.character;
    node._startLine += start.line;
    node._endLine += start.line;
}

function translatePosition(position: { line: number; character: number }, start: { line: number; character: number }): { line: number; character: number } {
    return { line: position.line + start.line, character: position.line === 0 ? position.character + start.character : position.character };
}

/** Whether a statement parsed from the slice spans what `old` spans in the document, moved by `delta`. */
function sameExtent(parsed: AstNode, old: AstNode, delta: number): boolean {
    const node = parsed.$cstNode!;
    const oldNode = old.$cstNode!;
    return parsed.$type === old.$type && node.offset === oldNode.offset + delta && node.end === oldNode.end + delta;
}

/** The child of the CST root that holds `node` (a statement's node may be wrapped by its rule call). */
function topLevelChild(node: CstNode): CstNode {
    let current = node;
    while (current.container && current.container.container) current = current.container;
    return current;
}

/**
 * The greatest length up to `max` that `matches` (which holds up to some length and fails
 * beyond): a binary search. Comparing whole substrings is native code; comparing a province
 * file character by character in a loop took 4 to 12 ms per keystroke.
 */
function longestMatch(max: number, matches: (length: number) => boolean): number {
    let low = 0;
    let high = max;
    while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (matches(middle)) low = middle; else high = middle - 1;
    }
    return low;
}

/**
 * The first index from `from` where `test` fails, `test` holding for a prefix of `items` (in
 * document order): a binary search.
 */
function partitionPoint<T>(items: readonly T[], from: number, test: (item: T) => boolean): number {
    let low = from;
    let high = items.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (test(items[middle])) low = middle + 1; else high = middle;
    }
    return low;
}

/** Visits a CST node and everything in it (a plain walk: this runs over whole files). */
function visitCst(node: CstNode, visit: (node: CstNode) => void): void {
    visit(node);
    const content = (node as { content?: CstNode[] }).content;
    if (content) for (const child of content) visitCst(child, visit);
}
