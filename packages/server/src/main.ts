// The polyfill must run before Langium is loaded (Node 20 lacks Object.groupBy).
import '../../language/src/polyfill.cjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createTerritoryServices } from '@territory/language';
import { registerCustomRequests } from './custom-requests.js';
import { registerPreviewRequests } from './preview-requests.js';
import { WorkerPathMetricsRunner } from './worker-path-metrics.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Territory } = createTerritoryServices({ connection, ...NodeFileSystem }, {
    analysis: { PathMetricsRunner: () => new WorkerPathMetricsRunner() }
});
registerCustomRequests(connection, Territory);
registerPreviewRequests(connection, Territory);
startLanguageServer(shared);
