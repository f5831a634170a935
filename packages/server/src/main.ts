// The polyfill must run before Langium is loaded (Node 20 lacks Object.groupBy).
import '../../language/src/polyfill.cjs';
import type { EventEmitter } from 'node:events';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createTerritoryServices } from '@territory/language';
import { SERVER_STARTED } from './code-cache.js';
import { registerCustomRequests } from './custom-requests.js';
import { publishChangedDiagnosticsOnly } from './diagnostics-publisher.js';
import { registerPreviewRequests } from './preview-requests.js';
import { WorkerAnalysisRunner } from './worker-analysis-runner.js';

const connection = createConnection(ProposedFeatures.all);
const analysisRunner = new WorkerAnalysisRunner();
// The threads load their code on the second core while this one reads the workspace.
analysisRunner.warm();
const { shared, Territory } = createTerritoryServices({ connection, ...NodeFileSystem }, {
    analysis: { AnalysisRunner: () => analysisRunner }
});
registerCustomRequests(connection, Territory);
registerPreviewRequests(connection, Territory);
publishChangedDiagnosticsOnly(connection, shared);
startLanguageServer(shared);
// The code compiled by then (reading, parsing, linking, checking) is what the next start caches (see `start.ts`).
void shared.workspace.WorkspaceManager.ready.then(() => (process as EventEmitter).emit(SERVER_STARTED));
