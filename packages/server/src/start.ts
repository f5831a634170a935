// The language server's entry point (out/server.cjs): runs the server's bundle
// (out/language-server.cjs) with a code cache, so that a start compiles little.
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runWithCodeCache, SERVER_STARTED } from './code-cache.js';

// Set before compiling, not only where the server sets it (`exposedCollector`): V8 rejects a
// cache made under other flags than the compile's.
setFlagsFromString('--expose-gc');
const server = runWithCodeCache(path.join(__dirname, 'language-server.cjs'));
process.once(SERVER_STARTED, () => server.save());
