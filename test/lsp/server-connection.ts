import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

export const root = resolve(__dirname, '../..');

export interface ProgressEvent { token: string | number; value: { kind: string; message?: string; title?: string } }

/**
 * The real language server (`out/server.cjs`, built by `npm test`) over stdio, driven by a
 * plain JSON-RPC client: what any editor sees.
 */
export interface ServerSession {
    connection: ProtocolConnection;
    folder: string;
    progress: ProgressEvent[];
    codeLensRefreshes: number;
    diagnostics: Map<string, Array<{ code?: string | number; message: string; severity?: number }>>;
    uri(file: string): string;
    close(): Promise<void>;
}

export async function startServer(folder: string, settings: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = process.env): Promise<ServerSession> {
    const server: ChildProcess = spawn(process.execPath, [join(root, 'out/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const session: ServerSession = {
        connection,
        folder,
        progress: [],
        codeLensRefreshes: 0,
        diagnostics: new Map(),
        uri: file => pathToFileURL(join(folder, file)).toString(),
        async close() {
            try {
                await connection.sendRequest('shutdown');
                await connection.sendNotification('exit');
            } catch { /* already gone */ }
            connection.dispose();
            server.kill();
        }
    };
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
        params.items.map(item => (item.section === 'territory' ? settings : null)));
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => { session.codeLensRefreshes++; return null; });
    connection.onNotification('$/progress', (event: ProgressEvent) => { session.progress.push(event); });
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: never[] }) => { session.diagnostics.set(params.uri, params.diagnostics); });
    connection.listen();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'model' }],
        capabilities: {
            window: { workDoneProgress: true },
            workspace: { configuration: true, codeLens: { refreshSupport: true }, workspaceFolders: true },
            textDocument: { hover: { contentFormat: ['markdown'] }, codeLens: {}, publishDiagnostics: {} }
        }
    });
    await connection.sendNotification('initialized', {});
    return session;
}

/** Polls until `check` returns a value (not undefined), or fails after `timeout` ms. */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, timeout = 20_000, what = 'condition'): Promise<T> {
    const start = Date.now();
    for (;;) {
        const value = await check();
        if (value !== undefined) return value;
        if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
        await new Promise(resolve => setTimeout(resolve, 50));
    }
}
