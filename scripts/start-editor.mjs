#!/usr/bin/env node
// Starts a real VS Code (code-server, isolated in .state/code-server/) with territory.vsix
// installed, on a folder (default examples/oriental), and prints its URL. Runs in the
// foreground until Ctrl-C.
//
//   node scripts/start-editor.mjs [--port N] [--vsix path | --no-extension] [folder]
//
// Needs scripts/setup-code-server.sh once, and `npm run package` for territory.vsix.
// PORT in the environment is the default port (8080 otherwise).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CODE_SERVER_DIR, DEFAULT_VSIX, REPO_ROOT, codeServerInstalled, startCodeServer } from '../test/e2e/harness.mjs';

const usage = `Usage: node scripts/start-editor.mjs [--port N] [--vsix FILE | --no-extension] [--verbose] [FOLDER]
  FOLDER           folder to open (default: examples/oriental)
  --port N         port on 127.0.0.1 (default: $PORT or 8080)
  --vsix FILE      extension package to install (default: territory.vsix at the repo root)
  --no-extension   start without installing the extension
  --verbose        echo code-server's output`;

let values, positionals;
try {
  ({ values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', short: 'p' },
      vsix: { type: 'string' },
      'no-extension': { type: 'boolean' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (e) {
  console.error(`${e.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

const port = Number(values.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`Invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}
const folder = resolve(positionals[0] ?? join(REPO_ROOT, 'examples', 'oriental'));
if (!existsSync(folder)) {
  console.error(`Folder not found: ${folder}`);
  process.exit(1);
}
if (!codeServerInstalled()) {
  console.error(`code-server is not installed in ${CODE_SERVER_DIR}.\nRun scripts/setup-code-server.sh first.`);
  process.exit(1);
}
let vsix = values['no-extension'] ? null : resolve(values.vsix ?? DEFAULT_VSIX);
if (vsix && !existsSync(vsix)) {
  if (values.vsix) {
    console.error(`Extension package not found: ${vsix}`);
    process.exit(1);
  }
  console.warn(`warning: ${vsix} not found (run \`npm run package\`); starting without installing the extension.`);
  vsix = null;
}

// A closed pipe (e.g. `| head`) must not crash us before code-server is stopped.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

const stateDir = join(REPO_ROOT, '.state', 'code-server');
let server;
try {
  server = await startCodeServer({
    folder,
    port,
    stateDir,
    vsix,
    log: (m) => console.log(`[start-editor] ${m}`),
    onOutput: values.verbose ? (s) => process.stdout.write(s) : undefined,
  });
} catch (e) {
  console.error(`[start-editor] ${e.message}`);
  if (e.code === 'EADDRINUSE' || /EADDRINUSE|already in use/i.test(e.message)) console.error(`Try another port: --port N.`);
  process.exit(1);
}

console.log(`[start-editor] state: ${stateDir}`);
console.log(`\n  ${server.url}\n`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
const shutdown = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n[start-editor] ${signal}: stopping code-server…`);
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => shutdown('SIGHUP'));
// Last resort on any other exit: do not leave code-server's process group behind.
process.on('exit', () => {
  try {
    process.kill(-server.process.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
});
server.exited.then(() => {
  if (stopping) return;
  console.error(`[start-editor] code-server exited unexpectedly:\n${server.output().slice(-4000)}`);
  process.exit(1);
});
