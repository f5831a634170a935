import type { Connection, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { describe, expect, test } from 'vitest';
import { publishChangedDiagnosticsOnly } from '../src/diagnostics-publisher.js';

function setUp() {
    const sent: PublishDiagnosticsParams[] = [];
    const versions = new Map<string, number>();
    const connection = { sendDiagnostics: async (params: PublishDiagnosticsParams) => { sent.push(params); } } as unknown as Connection;
    const shared = { workspace: { TextDocuments: { get: (uri: string) => (versions.has(uri) ? { version: versions.get(uri) } : undefined) } } } as unknown as LangiumSharedServices;
    publishChangedDiagnosticsOnly(connection, shared);
    return { sent, versions, publish: (uri: string, diagnostics: Diagnostic[]) => connection.sendDiagnostics({ uri, diagnostics }) };
}

const warning = (line: number): Diagnostic => ({ range: { start: { line, character: 0 }, end: { line, character: 4 } }, message: `isolated ${line}`, severity: 2 });

describe('diagnostics are published when they or the text changed', () => {
    test('a file whose diagnostics and text are as last published is not sent again', async () => {
        const { sent, publish } = setUp();
        const kept = [warning(1), warning(2)];
        await publish('file:///a.territory', kept);
        await publish('file:///a.territory', [...kept]);
        await publish('file:///a.territory', [kept[0], warning(2)]); // equal, though a new object
        expect(sent).toHaveLength(1);
    });

    test('changed diagnostics, an edited text or a cleared list are sent', async () => {
        const { sent, versions, publish } = setUp();
        versions.set('file:///a.territory', 1);
        await publish('file:///a.territory', [warning(1)]);
        await publish('file:///a.territory', [warning(3)]);
        versions.set('file:///a.territory', 2);
        await publish('file:///a.territory', [warning(3)]);
        await publish('file:///a.territory', []);
        await publish('file:///b.territory', []);
        expect(sent.map(params => `${params.uri} ${params.diagnostics.length}`)).toEqual([
            'file:///a.territory 1', 'file:///a.territory 1', 'file:///a.territory 1', 'file:///a.territory 0', 'file:///b.territory 0'
        ]);
    });
});
