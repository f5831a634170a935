import type { AstNode, AstReflection, LangiumCoreServices, LangiumDocument, ParseResult, ValidationAcceptor, ValidationOptions } from 'langium';
import { Cancellation, DefaultDocumentValidator, interruptAndCheck, isOperationCancelled } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import type { UnresolvedReference } from '../references/linker.js';
import type { TerritoryServices } from '../territory-module.js';
import type { RelinkPlan } from '../workspace/relink-plans.js';
import { dropRelinkPlan, relinkPlanOf } from '../workspace/relink-plans.js';
import type { StatementEdit } from '../workspace/statement-reparse.js';
import { shiftPosition } from '../workspace/statement-reparse.js';
import { IssueCodes } from './issue-codes.js';
import type { TerritoryValidator } from './territory-validator.js';
import type { TerritoryValidationRegistry } from './validation-registry.js';
import { forEachNode } from '../ast-walk.js';

/** A document's last diagnostics, kept by top-level statement for the incremental revalidation. */
interface StoredValidation {
    readonly parseResult: ParseResult;
    /** Unresolved references. */
    readonly links: Diagnostic[];
    /** Per statement: its diagnostics and its workspace signature. */
    readonly statements: Map<AstNode, { diagnostics: Diagnostic[]; signature: string | undefined }>;
    /** The statements' diagnostics, in document order; taken away while a validation that may change them runs. */
    inOrder: Diagnostic[] | undefined;
    /** The territory, zones and dialogues: their checks read other files (parent chains, the reference date). */
    readonly alwaysChecked: AstNode[];
}

const ALWAYS_CHECKED = new Set(['Territory', 'Zone', 'Dialogue']);

interface TokenLike {
    image: string;
    startLine?: number;
    startColumn?: number;
    endLine?: number;
    endColumn?: number;
    startOffset: number;
}

/**
 * Gives syntax and linking errors an issue code like every other diagnostic, puts a missing
 * value right after the token it should follow (not on the next statement, possibly lines
 * below), and carries "did you mean" suggestions for the quick fix.
 */
export class TerritoryDocumentValidator extends DefaultDocumentValidator {
    private readonly reflection: AstReflection;
    private readonly checks: () => TerritoryValidator;
    private readonly stored = new WeakMap<LangiumDocument, StoredValidation>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
        // Looked up once: a lookup through Langium's injector costs a third of a microsecond, and the
        // validator asks for every statement.
        let checks: TerritoryValidator | undefined;
        this.checks = () => checks ??= (services as TerritoryServices).validation.TerritoryValidator;
    }

    /**
     * Validates a document and keeps its diagnostics by statement. A document that another
     * document's change only relinked partially (see `RelinkPlan`) is checked again only where
     * needed: the statements holding re-resolved references, those an edit parsed again, and
     * those `TerritoryValidator.statementsToRecheck` names; the others keep their diagnostics.
     * Nothing here passes over every statement of a document that no edit touched.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        // Our checks are all 'fast': an update build (built-in and fast) runs them all.
        if (options.categories && !(options.categories.includes('built-in') && options.categories.includes('fast'))) {
            this.stored.delete(document);
            return super.validateDocument(document, options, cancelToken);
        }
        const plan = relinkPlanOf(document);
        // Brings the workspace facts up to date while the plan still says what changed (see `TerritoryModelIndex.refresh`).
        const recheck = plan && this.checks().statementsToRecheck(document);
        const previous = this.stored.get(document);
        const incremental = plan !== undefined && previous?.parseResult === document.parseResult ? previous : undefined;
        const diagnostics: Diagnostic[] = [];
        // Syntax errors are few, and change with statements parsed in place (`reparseStatements`).
        this.processLexingErrors(document.parseResult, diagnostics, options);
        this.processParsingErrors(document.parseResult, diagnostics, options);
        // No reference resolved again, no statement parsed again: the same unresolved references.
        const links = incremental && plan!.statements.size === 0 && !plan!.edited ? incremental.links : [];
        if (links !== incremental?.links) this.processLinkingErrors(document, links, options);
        diagnostics.push(...links);
        const root: Diagnostic[] = [];
        // Kept and updated in place: rebuilding the map of every statement costs more than the checks skipped.
        const statements: StoredValidation['statements'] = incremental ? incremental.statements : new Map();
        // The statements' entries change in place: if this validation stops half-way, the next rebuilds the list.
        let inOrder = incremental?.inOrder;
        if (incremental) incremental.inOrder = undefined;
        let alwaysChecked = incremental?.alwaysChecked;
        let complete = false;
        const rootNode = document.parseResult.value as Model;
        try {
            const accept = this.acceptorInto(root);
            await this.validateAstBefore(rootNode, options, accept, cancelToken);
            for (const check of this.validationRegistry.getChecks(rootNode.$type, options.categories)) await check(rootNode, accept, cancelToken);
            if (incremental) {
                let changed = plan!.edited;
                for (const statement of new Set([...plan!.statements, ...incremental.alwaysChecked, ...recheck!])) {
                    if (rootNode.statements[statement.$containerIndex ?? -1] !== statement) continue; // replaced by an edit
                    const before = statements.get(statement);
                    const own = await this.recheck(statement, statements, plan!, options, cancelToken);
                    changed ||= own !== before?.diagnostics;
                }
                if (changed) inOrder = undefined;
            }
            if (!inOrder || !alwaysChecked) {
                inOrder = [];
                alwaysChecked = [];
                for (const statement of rootNode.statements) {
                    if (ALWAYS_CHECKED.has(statement.$type)) alwaysChecked.push(statement);
                    const own = statements.get(statement)?.diagnostics ?? await this.recheck(statement, statements, plan, options, cancelToken);
                    for (const diagnostic of own) inOrder.push(diagnostic);
                }
            }
            await this.validateAstAfter(rootNode, options, accept, cancelToken);
            complete = true;
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error('An error occurred during validation:', error);
        }
        diagnostics.push(...root);
        if (inOrder) for (const diagnostic of inOrder) diagnostics.push(diagnostic);
        if (complete) this.stored.set(document, { parseResult: document.parseResult, links, statements, inOrder, alwaysChecked: alwaysChecked! });
        else this.stored.delete(document);
        dropRelinkPlan(document);
        return diagnostics;
    }

    /**
     * The diagnostics of a statement, checked again unless its workspace signature is what it
     * was and none of its references was resolved again; kept as they were (the same objects,
     * so publishing can tell) when they come out the same.
     */
    private async recheck(statement: AstNode, statements: StoredValidation['statements'], plan: RelinkPlan | undefined,
        options: ValidationOptions, cancelToken: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const checks = this.checks();
        const before = statements.get(statement);
        const relinked = (plan?.statements.has(statement) ?? false) || checks.readsRelinked(statement);
        const signature = checks.workspaceSignature(statement);
        let own = before !== undefined && signature !== undefined && before.signature === signature && !relinked
            ? before.diagnostics
            : await this.validateStatement(statement, options, cancelToken);
        if (before && own !== before.diagnostics && sameDiagnostics(before.diagnostics, own)) own = before.diagnostics;
        statements.set(statement, { diagnostics: own, signature });
        return own;
    }

    /**
     * Forgets the diagnostics of the statements an edit parsed in place replaced (see
     * `reparseStatements`), and moves those of the statements after it with their text: a
     * line inserted above moves them a line down.
     */
    shiftDiagnostics(document: LangiumDocument, edit: StatementEdit): void {
        const stored = this.stored.get(document);
        if (!stored) return;
        for (const statement of edit.removedStatements) stored.statements.delete(statement);
        const { shift } = edit;
        if (shift.lineDelta === 0 && shift.columnDelta === 0) return;
        for (const statement of edit.shiftedStatements) {
            // Without a line added or removed, only what follows the edit on its line moves.
            if (shift.lineDelta === 0 && statement.$cstNode!.range.start.line !== shift.fromLine) break;
            const entry = stored.statements.get(statement);
            if (!entry) continue;
            const diagnostics = entry.diagnostics.map(diagnostic => ({
                ...diagnostic,
                range: { start: shiftPosition(diagnostic.range.start, shift), end: shiftPosition(diagnostic.range.end, shift) }
            }));
            stored.statements.set(statement, { ...entry, diagnostics });
        }
    }

    /**
     * Runs the checks of a statement and of everything in it, in the order of Langium's
     * validator. A pause per statement, not per node; a check is awaited only when it returns
     * a promise (ours do not, see `TerritoryValidationRegistry`): awaiting each of them cost the
     * first build at 15,500 actors a turn of the microtask queue per check and node.
     */
    private async validateStatement(statement: AstNode, options: ValidationOptions, cancelToken: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics: Diagnostic[] = [];
        const accept = this.acceptorInto(diagnostics);
        await interruptAndCheck(cancelToken);
        const nodes: AstNode[] = [];
        forEachNode(statement, node => nodes.push(node));
        const registry = this.validationRegistry as TerritoryValidationRegistry;
        for (const node of nodes) {
            for (const check of registry.checksOf(node.$type, options.categories)) {
                const checking = check(node, accept, cancelToken);
                if (checking) await checking;
            }
        }
        return diagnostics;
    }

    private acceptorInto(diagnostics: Diagnostic[]): ValidationAcceptor {
        return (severity, message, info) => diagnostics.push(this.toDiagnostic(severity, message, info));
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const before = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (const diagnostic of diagnostics.slice(before)) {
            diagnostic.message = String(diagnostic.message).replace(/^unexpected character: ->(.)<- at offset: \d+,.*$/s, 'Unexpected character \'$1\'.');
            setCode(diagnostic, IssueCodes.SyntaxError);
        }
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const error of parseResult.parserErrors) {
            const token = error.token as TokenLike;
            const previous = (error as { previousToken?: TokenLike }).previousToken;
            let range: Diagnostic['range'];
            if (validToken(token) && !(previous && validToken(previous) && token.startLine! > previous.endLine!)) {
                range = {
                    start: { line: token.startLine! - 1, character: token.startColumn! - 1 },
                    end: { line: token.endLine! - 1, character: token.endColumn! }
                };
            } else if (previous && validToken(previous)) {
                const position = { line: previous.endLine! - 1, character: previous.endColumn! };
                range = { start: position, end: position };
            } else {
                range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range,
                message: error.message,
                code: IssueCodes.SyntaxError,
                data: { code: IssueCodes.SyntaxError },
                source: this.getSource()
            });
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        // In document order: references resolved again after an edit elsewhere come last in `document.references`.
        const unresolved = document.references.filter(reference => reference.error && reference.$refNode)
            .sort((a, b) => a.$refNode!.offset - b.$refNode!.offset);
        for (const reference of unresolved) {
            const error = reference.error as UnresolvedReference;
            if (!reference.$refNode) continue;
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range: reference.$refNode.range,
                message: error.message,
                code: IssueCodes.UnresolvedReference,
                data: {
                    code: IssueCodes.UnresolvedReference,
                    containerType: error.info.container.$type,
                    property: error.info.property,
                    refText: reference.$refText,
                    expectedType: this.expectedType(error),
                    suggestions: error.suggestions ?? []
                },
                source: this.getSource()
            });
        }
    }

    private expectedType(error: UnresolvedReference): string {
        return this.reflection.getReferenceType(error.info);
    }
}

function validToken(token: TokenLike | undefined): boolean {
    return !!token && token.startLine !== undefined && !Number.isNaN(token.startLine) && token.startOffset >= 0 && token.image !== '';
}

/** Whether two lists hold the same diagnostics: kept ones are the same objects, the others are compared by value. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
    return a.length === b.length && a.every((diagnostic, i) => diagnostic === b[i] || JSON.stringify(diagnostic) === JSON.stringify(b[i]));
}

function setCode(diagnostic: Diagnostic, code: string): void {
    diagnostic.code = code;
    diagnostic.data = { ...(diagnostic.data ?? {}), code };
}
