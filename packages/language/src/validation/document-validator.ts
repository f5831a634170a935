import type { AstReflection, LangiumCoreServices, LangiumDocument, ParseResult, ValidationOptions } from 'langium';
import { DefaultDocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { UnresolvedReference } from '../references/linker.js';
import { IssueCodes } from './issue-codes.js';

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

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
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
        for (const reference of document.references) {
            const error = reference.error as UnresolvedReference | undefined;
            if (!error || !reference.$refNode) continue;
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
