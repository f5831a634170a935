import { ISSUE_DESCRIPTIONS } from '@territory/language';
import type { CheckResult } from './check.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/**
 * The check result as SARIF 2.1.0, the format code-scanning services read: one rule per issue
 * code (with its help text), one result per diagnostic with its file and region.
 */
export function toSarif(result: CheckResult): object {
    const used = [...new Set(result.diagnostics.map(d => d.code))].sort();
    const rules = used.map(code => ({
        id: code,
        name: ISSUE_DESCRIPTIONS[code]?.title.replace(/[^A-Za-z]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')) ?? code,
        shortDescription: { text: ISSUE_DESCRIPTIONS[code]?.title ?? code },
        fullDescription: { text: ISSUE_DESCRIPTIONS[code]?.help ?? code },
        help: { text: ISSUE_DESCRIPTIONS[code]?.help ?? code, markdown: `${ISSUE_DESCRIPTIONS[code]?.help ?? code}\n\nSee docs/language.md, "What the checker reports".` }
    }));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'territory', semanticVersion: '0.1.0', rules } },
            originalUriBaseIds: { SRCROOT: { uri: `${pathToUri(process.cwd())}/` } },
            results: result.diagnostics.map(d => ({
                ruleId: d.code,
                ruleIndex: used.indexOf(d.code),
                level: LEVELS[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: d.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: Math.max(d.endColumn, d.endLine === d.line ? d.column + 1 : 1) }
                    }
                }]
            }))
        }]
    };
}

function pathToUri(path: string): string {
    return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
}
