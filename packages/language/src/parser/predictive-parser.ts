import type { AstNode, AstReflection, CstNode, GrammarAST, LangiumCoreServices, Linker, ParseResult, TokenBuilder, ValueConverter } from 'langium';
import { AstUtils, CompositeCstNodeImpl, GrammarAST as Grammar, GrammarUtils, isAstNode, LeafCstNodeImpl, RootCstNodeImpl } from 'langium';
import type { ScannedText, Scanner } from './scanner.js';
import { createScanner, EOF } from './scanner.js';

/**
 * A predictive (LL(2)) parser driven by the grammar, for text without syntax errors: it
 * builds the very AST and CST Langium's parser builds — the same nodes, values, references,
 * grammar sources, comments' places and positions — in about a third of the time, with no
 * object per token and no rule-call bookkeeping. On the first thing it does not expect (a
 * syntax error, or a character or construct it leaves to Langium) it gives up, and the
 * caller parses with Langium, which reports and recovers. Opening a large workspace is
 * mostly parsing (2 s of a 4 s cold start at 15,500 actors), and a workspace on disk is
 * almost all well formed.
 *
 * It mirrors `LangiumParser` (langium/lib/parser/langium-parser.js) and `CstNodeBuilder`:
 * a composite CST node per parser-rule call, with the call (or the cross-reference) as its
 * grammar source; a leaf per token; comments placed as `addHiddenNodes` places them;
 * datatype rules' text through the value converter; an unassigned rule call replacing its
 * caller's node. `predictive-parser.test.ts` compares both parsers' trees node by node.
 */
export interface PredictiveParser {
    parse(text: string): ParseResult<AstNode> | undefined;
}

type Assignment = { readonly feature: string; readonly operator: string; readonly crossRef: 'single' | 'multi' | undefined };

type Op =
    | { readonly kind: 'token'; readonly element: GrammarAST.AbstractElement; readonly token: number; readonly keyword: string | undefined; readonly assignment: Assignment | undefined }
    | { readonly kind: 'call'; readonly element: GrammarAST.AbstractElement; rule: Rule; readonly assignment: Assignment | undefined }
    | { readonly kind: 'group'; readonly items: readonly Op[] }
    | { readonly kind: 'alternatives'; readonly alternatives: readonly Op[]; decision: Decision }
    | { readonly kind: 'repeat'; readonly body: Op; readonly atLeastOnce: boolean; readonly atMostOnce: boolean; decision: Decision };

interface Rule {
    /** The AST type it creates; undefined for a datatype rule (which gives a value). */
    readonly type: string | undefined;
    body: Op;
}

/**
 * Which alternative the next two tokens choose (for a repetition: 0 to go on, -1 to stop).
 * `first[kind]` is the choice, or NEEDS_SECOND when it takes the second token too.
 */
interface Decision {
    readonly first: Int16Array;
    readonly second: Map<number, Int16Array>;
    /** The alternative that may match nothing, taken when no other does; -1 when none. */
    readonly empty: number;
}

const NEEDS_SECOND = -2;

/** The parse met something it leaves to Langium. */
const GIVE_UP = Symbol('give up');

/** Thrown while compiling: the grammar uses something this parser does not implement. */
class Unsupported extends Error {}

export function createPredictiveParser(services: LangiumCoreServices): PredictiveParser | undefined {
    const scanner = createScanner(services.parser.Lexer.definition);
    if (!scanner) return undefined;
    try {
        return new GrammarParser(services, scanner);
    } catch (error) {
        if (error instanceof Unsupported) return undefined;
        throw error;
    }
}

class GrammarParser implements PredictiveParser {
    private readonly entry: Rule;
    private readonly converter: ValueConverter;
    private readonly linker: Linker;
    private readonly reflection: AstReflection;
    private readonly defaultsByType = new Map<string, ReadonlyArray<{ readonly name: string; readonly value: unknown }>>();
    private readonly tokenBuilder: TokenBuilder;

    constructor(services: LangiumCoreServices, readonly scanner: Scanner) {
        this.converter = services.parser.ValueConverter;
        this.linker = services.references.Linker;
        this.reflection = services.shared.AstReflection;
        this.tokenBuilder = services.parser.TokenBuilder;
        const entry = services.Grammar.rules.find(rule => Grammar.isParserRule(rule) && rule.entry) as GrammarAST.ParserRule | undefined;
        if (!entry) throw new Unsupported('no entry rule');
        this.entry = new GrammarCompiler(scanner).compile(entry);
    }

    parse(text: string): ParseResult<AstNode> | undefined {
        const scanned = this.scanner.scan(text);
        if (!scanned) return undefined;
        const run = new Run(this, text, scanned);
        let value: AstNode;
        try {
            value = run.parseEntry(this.entry);
        } catch (error) {
            if (error === GIVE_UP) return undefined;
            throw error;
        }
        return { value, lexerErrors: [], lexerReport: this.tokenBuilder.flushLexingReport?.(text), parserErrors: [] };
    }

    convert(input: string, node: CstNode): unknown {
        return this.converter.convert(input, node);
    }

    buildReference(node: AstNode, assignment: Assignment, refNode: CstNode, refText: string): unknown {
        return assignment.crossRef === 'multi'
            ? this.linker.buildMultiReference(node, assignment.feature, refNode, refText)
            : this.linker.buildReference(node, assignment.feature, refNode, refText);
    }

    /**
     * Langium's `assignMandatoryProperties`, with each type's defaults listed once: Langium
     * lists the type's properties anew for every node.
     */
    assignDefaults(node: AstNode): void {
        let defaults = this.defaultsByType.get(node.$type);
        if (!defaults) {
            defaults = Object.values(this.reflection.getTypeMetaData(node.$type).properties)
                .filter(property => property.defaultValue !== undefined)
                .map(property => ({ name: property.name, value: property.defaultValue }));
            this.defaultsByType.set(node.$type, defaults);
        }
        const record = node as unknown as Record<string, unknown>;
        for (const { name, value } of defaults) {
            if (record[name] === undefined) record[name] = copyDefault(value);
        }
    }
}

/** A property's default as Langium copies it: arrays anew, at every depth. */
function copyDefault(value: unknown): unknown {
    return Array.isArray(value) ? value.map(copyDefault) : value;
}

/** One parse: the scanned tokens, where the parser is, and the nodes under construction. */
class Run {
    private next = 0;
    private commentsPlaced = 0;
    private readonly root: RootCstNodeImpl;
    /** Open composite CST nodes, innermost last (the root first). */
    private readonly composites: CompositeCstNodeImpl[];
    /** The AST node each open rule call builds; undefined for a datatype rule, whose text is in `values`. */
    private readonly nodes: Array<Record<string, unknown> | undefined> = [];
    private readonly values: string[] = [];

    constructor(private readonly parser: GrammarParser, private readonly text: string, private readonly scanned: ScannedText) {
        this.root = new RootCstNodeImpl(text);
        this.composites = [this.root];
    }

    parseEntry(rule: Rule): AstNode {
        const node: Record<string, unknown> = { $type: rule.type };
        this.nodes.push(node);
        this.run(rule.body);
        if (this.scanned.tokens.kind[this.next] !== EOF) throw GIVE_UP;
        this.nodes.pop();
        node.$cstNode = this.root;
        if (this.root.content.length > 0) this.root.content = this.root.content.slice();
        this.parser.assignDefaults(node as unknown as AstNode);
        this.root.astNode = node as unknown as AstNode;
        this.placeComments(Infinity);
        return node as unknown as AstNode;
    }

    private run(op: Op): void {
        switch (op.kind) {
            case 'token':
                if (this.scanned.tokens.kind[this.next] !== op.token) throw GIVE_UP;
                this.consume(op);
                return;
            case 'call':
                this.call(op);
                return;
            case 'group':
                for (const item of op.items) this.run(item);
                return;
            case 'alternatives': {
                const choice = this.decide(op.decision);
                if (choice < 0) throw GIVE_UP;
                this.run(op.alternatives[choice]);
                return;
            }
            case 'repeat':
                if (op.atLeastOnce) this.run(op.body);
                else if (this.decide(op.decision) === 0) this.run(op.body);
                else return;
                if (op.atMostOnce) return;
                while (this.decide(op.decision) === 0) this.run(op.body);
                return;
        }
    }

    private decide(decision: Decision): number {
        const kinds = this.scanned.tokens.kind;
        const first = kinds[this.next];
        let choice = decision.first[first];
        if (choice === NEEDS_SECOND) choice = decision.second.get(first)![kinds[this.next + 1]];
        return choice < 0 ? decision.empty : choice;
    }

    private consume(op: Extract<Op, { kind: 'token' }>): void {
        const t = this.next++;
        const tokens = this.scanned.tokens;
        this.placeComments(tokens.start[t]);
        const leaf = new LeafCstNodeImpl(tokens.start[t], tokens.end[t] - tokens.start[t], tokens.startLine[t], tokens.startColumn[t],
            tokens.endLine[t], tokens.endColumn[t], this.parser.scanner.tokenTypes[op.token], false);
        leaf.grammarSource = op.element;
        this.append(leaf);
        const image = op.keyword ?? this.text.substring(tokens.start[t], tokens.end[t]);
        if (op.assignment) {
            this.assign(op.assignment, op.keyword !== undefined ? image : this.parser.convert(image, leaf), leaf);
        } else if (this.nodes[this.nodes.length - 1] === undefined) {
            this.values[this.values.length - 1] += op.keyword !== undefined ? image : String(this.parser.convert(image, leaf));
        }
    }

    private call(op: Extract<Op, { kind: 'call' }>): void {
        const composite = new CompositeCstNodeImpl();
        composite.grammarSource = op.element;
        this.append(composite);
        this.composites.push(composite);
        const { rule } = op;
        if (rule.type === undefined) this.values.push('');
        this.nodes.push(rule.type === undefined ? undefined : { $type: rule.type });
        this.run(rule.body);
        const node = this.nodes.pop();
        this.composites.pop();
        if (composite.content.length === 0) throw GIVE_UP; // Langium drops such a node; a valid parse never makes one
        composite.content = composite.content.slice();
        let result: unknown;
        if (node === undefined) {
            result = this.parser.convert(this.values.pop()!, composite);
        } else {
            node.$cstNode = composite;
            this.parser.assignDefaults(node as unknown as AstNode);
            result = node;
        }
        if (op.assignment) {
            this.assign(op.assignment, result, composite);
            return;
        }
        const caller = this.nodes.length - 1;
        if (this.nodes[caller] === undefined) {
            this.values[this.values.length - 1] += String(result);
        } else if (typeof result === 'object' && result) {
            // An unassigned rule call: its node takes the caller's place. Langium first copies the
            // caller's properties onto it; a caller with any besides its type is left to Langium.
            if (Object.keys(this.nodes[caller]!).length !== 1) throw GIVE_UP;
            (result as Record<string, unknown>).$cstNode = undefined;
            this.nodes[caller] = result as Record<string, unknown>;
        }
    }

    private assign(assignment: Assignment, value: unknown, cstNode: CstNode): void {
        const node = this.nodes[this.nodes.length - 1];
        if (!node) throw GIVE_UP;
        const item = assignment.crossRef && typeof value === 'string'
            ? this.parser.buildReference(node as unknown as AstNode, assignment, cstNode, value)
            : value;
        const child = isAstNode(item) ? item : undefined;
        if (child?.$cstNode) (child.$cstNode as CompositeCstNodeImpl).astNode = child;
        const { feature } = assignment;
        switch (assignment.operator) {
            case '=':
                node[feature] = item;
                if (child) Object.assign(child, { $container: node, $containerProperty: feature });
                return;
            case '?=':
                node[feature] = true;
                return;
            case '+=': {
                let list = node[feature];
                if (!Array.isArray(list)) node[feature] = list = [];
                (list as unknown[]).push(item);
                // What Langium's `linkContentToContainer` sets once the parse is over.
                if (child) Object.assign(child, { $container: node, $containerProperty: feature, $containerIndex: (list as unknown[]).length - 1 });
                return;
            }
        }
    }

    private append(child: CompositeCstNodeImpl | LeafCstNodeImpl): void {
        const parent = this.composites[this.composites.length - 1];
        child.container = parent;
        parent.content.push(child);
    }

    /** Places the comments not placed yet that start before `offset`, as `CstNodeBuilder.addHiddenNodes` does. */
    private placeComments(offset: number): void {
        const comments = this.scanned.comments;
        if (this.commentsPlaced === comments.count || comments.start[this.commentsPlaced] >= offset) return;
        const leaves: LeafCstNodeImpl[] = [];
        for (; this.commentsPlaced < comments.count && comments.start[this.commentsPlaced] < offset; this.commentsPlaced++) {
            const c = this.commentsPlaced;
            leaves.push(new LeafCstNodeImpl(comments.start[c], comments.end[c] - comments.start[c], comments.startLine[c], comments.startColumn[c],
                comments.endLine[c], comments.endColumn[c], this.parser.scanner.commentTypes[comments.kind[c]], true));
        }
        let current: CompositeCstNodeImpl = this.composites[this.composites.length - 1];
        if (current.content.length > 0) {
            for (const leaf of leaves) leaf.container = current;
            current.content.push(...leaves);
            return;
        }
        // A node just opened: the comments go before the first of its ancestors that has a node before it.
        while (current.container) {
            const container = current.container as CompositeCstNodeImpl;
            const siblings = container.content;
            const index = siblings[siblings.length - 1] === current ? siblings.length - 1 : siblings.indexOf(current);
            if (index > 0) {
                for (const leaf of leaves) leaf.container = container;
                siblings.splice(index, 0, ...leaves);
                return;
            }
            current = container;
        }
        for (const leaf of leaves) leaf.container = this.root;
        this.root.content.splice(0, 0, ...leaves);
    }
}

/** Turns the grammar's rules into ops and their LL(2) decisions. */
class GrammarCompiler {
    private readonly rules = new Map<GrammarAST.ParserRule, Rule>();
    /** The token sequences (up to two tokens) each rule's text can start with, once known. */
    private readonly ruleStarts = new Map<Rule, Set<string> | 'computing'>();
    /** The ops that choose, whose decisions are made once every rule is compiled. */
    private readonly choosing: Array<Extract<Op, { kind: 'alternatives' | 'repeat' }>> = [];

    constructor(private readonly scanner: Scanner) {}

    compile(entry: GrammarAST.ParserRule): Rule {
        const rule = this.rule(entry);
        for (const op of this.choosing) {
            op.decision = op.kind === 'alternatives'
                ? this.decision(op.alternatives.map(alternative => this.starts(alternative)), false)
                // Greedy: go on whenever the next two tokens can start the body. Langium's LL(*)
                // choice is the same wherever what follows cannot start the same way, as here.
                : this.decision([this.starts(op.body)], true);
        }
        return rule;
    }

    private rule(grammarRule: GrammarAST.ParserRule): Rule {
        let rule = this.rules.get(grammarRule);
        if (rule) return rule;
        if (grammarRule.fragment || grammarRule.parameters.length > 0) throw new Unsupported(`rule ${grammarRule.name}`);
        const type = GrammarUtils.isDataTypeRule(grammarRule) ? undefined : GrammarUtils.getTypeName(grammarRule);
        rule = { type, body: undefined as unknown as Op };
        this.rules.set(grammarRule, rule);
        rule.body = this.element(grammarRule.definition);
        return rule;
    }

    private element(element: GrammarAST.AbstractElement): Op {
        if ((element as { predicate?: unknown }).predicate) throw new Unsupported('predicate');
        const op = this.bare(element);
        switch (element.cardinality) {
            case '?': return this.repeat(op, false, true);
            case '*': return this.repeat(op, false, false);
            case '+': return this.repeat(op, true, false);
            default: return op;
        }
    }

    private bare(element: GrammarAST.AbstractElement): Op {
        if (Grammar.isKeyword(element)) return this.token(element, element.value, element.value);
        if (Grammar.isRuleCall(element)) {
            if (element.arguments.length > 0) throw new Unsupported('rule arguments');
            return this.callOrToken(element, element.rule.ref);
        }
        if (Grammar.isCrossReference(element)) {
            const terminal = element.terminal;
            if (Grammar.isRuleCall(terminal)) return this.callOrToken(element, terminal.rule.ref);
            if (Grammar.isKeyword(terminal)) return this.token(element, terminal.value, terminal.value);
            throw new Unsupported('cross-reference without terminal');
        }
        if (Grammar.isAssignment(element)) return this.element(element.terminal);
        if (Grammar.isGroup(element)) {
            if (element.guardCondition) throw new Unsupported('guard');
            return { kind: 'group', items: element.elements.map(item => this.element(item)) };
        }
        if (Grammar.isAlternatives(element)) {
            const op: Op = { kind: 'alternatives', alternatives: element.elements.map(item => this.element(item)), decision: undefined as unknown as Decision };
            this.choosing.push(op);
            return op;
        }
        throw new Unsupported(element.$type);
    }

    private callOrToken(element: GrammarAST.AbstractElement, target: GrammarAST.AbstractRule | undefined): Op {
        if (Grammar.isTerminalRule(target)) {
            if (target.hidden || target.fragment) throw new Unsupported('hidden terminal in a rule');
            return this.token(element, target.name, undefined);
        }
        if (Grammar.isParserRule(target)) {
            return { kind: 'call', element, rule: this.rule(target), assignment: assignmentOf(element) };
        }
        throw new Unsupported(`call of ${target?.$type}`);
    }

    private token(element: GrammarAST.AbstractElement, name: string, keyword: string | undefined): Op {
        const token = this.scanner.kindOf.get(name);
        if (token === undefined) throw new Unsupported(`token ${name}`);
        return { kind: 'token', element, token, keyword, assignment: assignmentOf(element) };
    }

    private repeat(body: Op, atLeastOnce: boolean, atMostOnce: boolean): Op {
        const op: Op = { kind: 'repeat', body, atLeastOnce, atMostOnce, decision: undefined as unknown as Decision };
        this.choosing.push(op);
        return op;
    }

    /** The decision between alternatives from their starting sequences; `greedy` ignores an empty one. */
    private decision(starts: ReadonlyArray<ReadonlySet<string>>, greedy: boolean): Decision {
        const size = this.scanner.tokenTypes.length;
        const first = new Int16Array(size).fill(-1);
        const second = new Map<number, Int16Array>();
        let empty = -1;
        const byFirst = new Map<number, Array<[number, number | undefined]>>(); // first token → [alternative, second token or any]
        starts.forEach((sequences, alternative) => {
            for (const sequence of sequences) {
                if (sequence === '') {
                    if (!greedy && empty >= 0 && empty !== alternative) throw new Unsupported('two empty alternatives');
                    if (!greedy) empty = alternative;
                    continue;
                }
                const [a, b] = sequence.split(',').map(Number);
                let entries = byFirst.get(a);
                if (!entries) byFirst.set(a, entries = []);
                entries.push([alternative, b]);
            }
        });
        for (const [a, entries] of byFirst) {
            const alternatives = new Set(entries.map(([alternative]) => alternative));
            // One alternative starts so: it is chosen, unless going on competes with stopping,
            // and the second token tells (`, B` goes on with a list of zones, `, kind` stops it).
            if (alternatives.size === 1 && (!greedy || entries.some(([, second]) => second === undefined))) {
                first[a] = entries[0][0];
                continue;
            }
            first[a] = NEEDS_SECOND;
            const table = new Int16Array(size).fill(-1);
            for (let b = 0; b < size; b++) {
                const matching = new Set(entries.filter(([, second]) => second === undefined || second === b).map(([alternative]) => alternative));
                if (matching.size > 1) throw new Unsupported('not LL(2)');
                if (matching.size === 1) table[b] = [...matching][0];
            }
            second.set(a, table);
        }
        return { first, second, empty };
    }

    /** The sequences of up to two token kinds ("a", "a,b"; "" for none) the op's text can start with. */
    private starts(op: Op): Set<string> {
        switch (op.kind) {
            case 'token':
                return new Set([String(op.token)]);
            case 'call': {
                const known = this.ruleStarts.get(op.rule);
                if (known === 'computing') throw new Unsupported('left recursion');
                if (known) return known;
                this.ruleStarts.set(op.rule, 'computing');
                const starts = this.starts(op.rule.body);
                this.ruleStarts.set(op.rule, starts);
                return starts;
            }
            case 'group': {
                let result = new Set(['']);
                for (const item of op.items) {
                    if ([...result].every(sequence => sequence.split(',').length === 2)) break;
                    result = followedBy(result, this.starts(item));
                }
                return result;
            }
            case 'alternatives':
                return new Set(op.alternatives.flatMap(alternative => [...this.starts(alternative)]));
            case 'repeat': {
                const once = this.starts(op.body);
                const result = op.atMostOnce ? new Set(once) : followedBy(once, once);
                for (const sequence of once) result.add(sequence);
                if (!op.atLeastOnce) result.add('');
                return result;
            }
        }
    }
}

/** Every sequence of `heads` followed by one of `tails`, cut to two tokens. */
function followedBy(heads: ReadonlySet<string>, tails: ReadonlySet<string>): Set<string> {
    const result = new Set<string>();
    for (const head of heads) {
        const tokens = head === '' ? [] : head.split(',');
        if (tokens.length >= 2) { result.add(head); continue; }
        for (const tail of tails) result.add([...tokens, ...(tail === '' ? [] : tail.split(','))].slice(0, 2).join(','));
    }
    return result;
}

/** The assignment a token or call assigns to, found as Langium's parser finds it. */
function assignmentOf(element: GrammarAST.AbstractElement): Assignment | undefined {
    const assignment = AstUtils.getContainerOfType(element, Grammar.isAssignment);
    if (!assignment) return undefined;
    const crossRef = Grammar.isCrossReference(assignment.terminal) ? (assignment.terminal.isMulti ? 'multi' : 'single') : undefined;
    return { feature: assignment.feature, operator: assignment.operator, crossRef };
}
