import type { AstNode, AstReflection, LangiumCoreServices, LangiumDocument, ParseResult, ValidationAcceptor, ValidationOptions } from 'langium';
import { AstUtils, Cancellation, DefaultDocumentValidator, interruptAndCheck, isOperationCancelled } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import type { UnresolvedReference } from '../references/linker.js';
import type { TerritoryServices } from '../territory-module.js';
import { dropRelinkPlan, relinkPlanOf } from '../workspace/relink-plans.js';
import type { StatementEdit } from '../workspace/statement-reparse.js';
import { shiftPosition } from '../workspace/statement-reparse.js';
import { IssueCodes } from './issue-codes.js';
import type { TerritoryValidator } from './territory-validator.js';

/** A document's last diagnostics, kept by top-level statement for the incremental revalidation. */
interface StoredValidation {
    readonly parseResult: ParseResult;
    /** The checks' diagnostics on the root and around the statements (before/after checks). */
    readonly root: Diagnostic[];
    /** Per statement, in document order: its diagnostics and its workspace signature. */
    readonly statements: Map<AstNode, { diagnostics: Diagnostic[]; signature: string | undefined }>;
}

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
        this.checks = () => (services as TerritoryServices).validation.TerritoryValidator;
    }

    /**
     * Validates a document and keeps its diagnostics by statement. A document that another
     * document's change only relinked partially (see `RelinkPlan`) is checked again only where
     * needed: the statements holding re-resolved references and those whose workspace
     * signature changed; the others keep their diagnostics.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        // Our checks are all 'fast': an update build (built-in and fast) runs them all.
        if (options.categories && !(options.categories.includes('built-in') && options.categories.includes('fast'))) {
            this.stored.delete(document);
            return super.validateDocument(document, options, cancelToken);
        }
        const plan = relinkPlanOf(document);
        const previous = this.stored.get(document);
        const incremental = plan !== undefined && previous?.parseResult === document.parseResult;
        const diagnostics: Diagnostic[] = [];
        // Syntax errors are few, and change with statements parsed in place (`reparseStatements`).
        this.processLexingErrors(document.parseResult, diagnostics, options);
        this.processParsingErrors(document.parseResult, diagnostics, options);
        this.processLinkingErrors(document, diagnostics, options);
        const root: Diagnostic[] = [];
        // Kept and updated in place: rebuilding the map of every statement costs more than the checks skipped.
        const statements: StoredValidation['statements'] = incremental ? previous.statements : new Map();
        const checks = this.checks();
        const rootNode = document.parseResult.value;
        try {
            const accept = this.acceptorInto(root);
            await this.validateAstBefore(rootNode, options, accept, cancelToken);
            for (const check of this.validationRegistry.getChecks(rootNode.$type, options.categories)) await check(rootNode, accept, cancelToken);
            for (const statement of (rootNode as Model).statements) {
                const before = incremental ? previous.statements.get(statement) : undefined;
                const relinked = (plan?.statements.has(statement) ?? false) || checks.readsRelinked(statement);
                if (before && !relinked && !checks.mayHaveChanged(statement)) continue;
                const signature = checks.workspaceSignature(statement);
                const unchanged = before !== undefined && signature !== undefined && before.signature === signature && !relinked;
                const own = unchanged ? before.diagnostics : await this.validateStatement(statement, options, cancelToken);
                statements.set(statement, { diagnostics: own, signature });
            }
            await this.validateAstAfter(rootNode, options, accept, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error('An error occurred during validation:', error);
        }
        diagnostics.push(...root);
        for (const statement of (rootNode as Model).statements) {
            const own = statements.get(statement)?.diagnostics;
            if (own) for (const diagnostic of own) diagnostics.push(diagnostic);
        }
        this.stored.set(document, { parseResult: document.parseResult, root, statements });
        dropRelinkPlan(document);
        return diagnostics;
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

    /** Runs the checks of a statement and of everything in it. */
    private async validateStatement(statement: AstNode, options: ValidationOptions, cancelToken: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics: Diagnostic[] = [];
        const accept = this.acceptorInto(diagnostics);
        for (const node of AstUtils.streamAst(statement)) {
            await interruptAndCheck(cancelToken);
            for (const check of this.validationRegistry.getChecks(node.$type, options.categories)) await check(node, accept, cancelToken);
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

function setCode(diagnostic: Diagnostic, code: string): void {
    diagnostic.code = code;
    diagnostic.data = { ...(diagnostic.data ?? {}), code };
}
