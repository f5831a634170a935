import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { loadModel } from '../load-model.js';

export const SEVERITY_WORDS = ['', 'error', 'warning', 'info', 'hint'] as const;

export interface CheckedDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string;
    message: string;
}

export interface CheckResult {
    files: string[];
    diagnostics: CheckedDiagnostic[];
    summary: { errors: number; warnings: number; infos: number; hints: number };
}

/** The editor's diagnostics for every file, in file, line and column order (1-based positions). */
export async function checkModel(paths: string[]): Promise<CheckResult> {
    const { documents } = await loadModel(paths);
    const diagnostics = documents.flatMap(document => (document.diagnostics ?? []).map(d => toChecked(document, d)));
    diagnostics.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code));
    const count = (severity: CheckedDiagnostic['severity']) => diagnostics.filter(d => d.severity === severity).length;
    return {
        files: documents.map(document => relativePath(document)),
        diagnostics,
        summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') }
    };
}

export function formatText(result: CheckResult): string {
    return result.diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`).join('\n');
}

export function formatSummary(result: CheckResult): string {
    const { errors, warnings, hints } = result.summary;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(hints, 'hint')} in ${plural(result.files.length, 'file')}`;
}

function toChecked(document: LangiumDocument, diagnostic: Diagnostic): CheckedDiagnostic {
    return {
        file: relativePath(document),
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITY_WORDS[diagnostic.severity ?? 1] as CheckedDiagnostic['severity'],
        code: String(diagnostic.code ?? ''),
        message: String(diagnostic.message)
    };
}

function relativePath(document: LangiumDocument): string {
    return path.relative(process.cwd(), document.uri.fsPath).split(path.sep).join('/');
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
