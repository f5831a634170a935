// The polyfill must run before Langium is loaded (Node 20 lacks Object.groupBy).
import '../../language/src/polyfill.cjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createTerritoryServices } from '@territory/language';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createTerritoryServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
