// The one implementation of "run a real VS Code": an isolated code-server (installed by
// scripts/setup-code-server.sh into .tools/code-server) and Debian Chromium driven by
// playwright-core. Plain ESM JavaScript so that both scripts/start-editor.mjs (plain Node)
// and the vitest suites (through ./code-server.ts) use it. Types: ./harness.d.mts.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = join(REPO_ROOT, '.tools', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const DEFAULT_VSIX = join(REPO_ROOT, 'territory.vsix');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Settings that keep the workbench quiet and deterministic (seeded into User/settings.json). */
export const DEFAULT_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
});

/** Whether code-server is installed (scripts/setup-code-server.sh). */
export function codeServerInstalled() {
  return existsSync(CODE_SERVER_ENTRY);
}

/** What is missing to run the real editor: a list of human-readable reasons (empty: all good). */
export function missingPrerequisites({ vsix = DEFAULT_VSIX, folder } = {}) {
  const missing = [];
  if (!codeServerInstalled()) missing.push(`code-server is not installed in ${CODE_SERVER_DIR} (run scripts/setup-code-server.sh)`);
  if (!existsSync(CHROMIUM_PATH)) missing.push(`Chromium not found at ${CHROMIUM_PATH} (run scripts/setup-code-server.sh)`);
  if (vsix && !existsSync(vsix)) missing.push(`extension package ${vsix} not found (run npm run package)`);
  if (folder && !existsSync(folder)) missing.push(`folder ${folder} not found`);
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) missing.push(`code-server ${CODE_SERVER_VERSION} needs Node 20 (running ${process.version})`);
  return missing;
}

/** A free TCP port on 127.0.0.1. */
export function getFreePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => res(port));
    });
  });
}

/** Rejects (EADDRINUSE) when something already listens on 127.0.0.1:port. */
export function assertPortFree(port) {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', (e) =>
      rej(Object.assign(new Error(`Port ${port} on 127.0.0.1 is already in use (${e.code})`), { code: e.code })),
    );
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(undefined)));
  });
}

/** The workbench URL that opens `folder`. */
export function workbenchUrl(port, folder) {
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(resolve(folder)).replace(/%2F/g, '/')}`;
}

function stateLayout(stateDir) {
  return {
    stateDir,
    configFile: join(stateDir, 'config.yaml'),
    userDataDir: join(stateDir, 'user-data'),
    extensionsDir: join(stateDir, 'extensions'),
    xdgConfig: join(stateDir, 'xdg-config'),
    xdgData: join(stateDir, 'xdg-data'),
    xdgCache: join(stateDir, 'xdg-cache'),
    logFile: join(stateDir, 'code-server.log'),
  };
}

function codeServerEnv(layout) {
  const env = { ...process.env };
  // Nothing may leak into ~ nor be inherited from a developer's shell.
  env.XDG_CONFIG_HOME = layout.xdgConfig;
  env.XDG_DATA_HOME = layout.xdgData;
  env.XDG_CACHE_HOME = layout.xdgCache;
  for (const k of ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'VSCODE_IPC_HOOK_CLI', 'VSCODE_PROXY_URI', 'ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS']) delete env[k];
  return env;
}

function baseArgs(layout) {
  return ['--config', layout.configFile, '--user-data-dir', layout.userDataDir, '--extensions-dir', layout.extensionsDir];
}

/**
 * Writes config.yaml and seeds User/settings.json (existing user settings are kept;
 * only missing defaults are added).
 */
export async function prepareState(stateDir, { port, settings = {} }) {
  const layout = stateLayout(resolve(stateDir));
  for (const d of [layout.userDataDir, layout.extensionsDir, layout.xdgConfig, layout.xdgData, layout.xdgCache]) {
    await mkdir(d, { recursive: true });
  }
  await writeFile(layout.configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const settingsFile = join(layout.userDataDir, 'User', 'settings.json');
  await mkdir(dirname(settingsFile), { recursive: true });
  let current = {};
  if (existsSync(settingsFile)) {
    try {
      current = JSON.parse(await readFile(settingsFile, 'utf8'));
    } catch {
      return layout; // hand-edited with comments: leave it alone
    }
  }
  const merged = { ...DEFAULT_SETTINGS, ...current, ...settings };
  await writeFile(settingsFile, JSON.stringify(merged, null, 2) + '\n');
  return layout;
}

function run(args, env, { timeoutMs = 120_000 } = {}) {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [CODE_SERVER_ENTRY, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', rej);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) res(out);
      else rej(new Error(`code-server ${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

/** Installs (or updates) an extension from a .vsix into the state folder. */
export async function installExtension(layout, vsix) {
  const out = await run([...baseArgs(layout), '--force', '--install-extension', resolve(vsix)], codeServerEnv(layout));
  if (!/successfully installed|already installed/i.test(out)) {
    throw new Error(`Installing ${vsix} failed:\n${out}`);
  }
  return out;
}

async function waitForHealth(port, child, getLog, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${getLog()}`);
    }
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
      lastError = `HTTP ${r.status}`;
    } catch (e) {
      lastError = String(e?.cause?.code ?? e?.message ?? e);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`code-server did not answer /healthz on port ${port} within ${timeoutMs} ms (${lastError}):\n${getLog()}`);
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * Starts an isolated code-server on 127.0.0.1 and waits until /healthz answers.
 * @param {object} options see harness.d.mts (StartOptions)
 */
export async function startCodeServer(options = {}) {
  const folder = resolve(options.folder ?? REPO_ROOT);
  const vsix = options.vsix === undefined ? DEFAULT_VSIX : options.vsix;
  const log = options.log ?? (() => {});
  if (!codeServerInstalled()) throw new Error(`code-server is not installed in ${CODE_SERVER_DIR}: run scripts/setup-code-server.sh`);
  if (!existsSync(folder)) throw new Error(`Folder not found: ${folder}`);
  if (vsix && !existsSync(vsix)) throw new Error(`Extension package not found: ${vsix} (run npm run package)`);
  const port = options.port ?? (await getFreePort());
  if (options.port) await assertPortFree(port);

  const t0 = Date.now();
  const temporaryState = !options.stateDir;
  const stateDir = options.stateDir ? resolve(options.stateDir) : await mkdtemp(join(tmpdir(), 'territory-code-server-'));
  const dropState = async () => {
    if (temporaryState && !options.keepState) await rm(stateDir, { recursive: true, force: true }).catch(() => {});
  };
  let layout;
  try {
    layout = await prepareState(stateDir, { port, settings: options.settings });
    if (vsix) {
      await installExtension(layout, vsix);
      log(`installed ${vsix} in ${Date.now() - t0} ms`);
    }
  } catch (e) {
    await dropState();
    throw e;
  }
  const env = codeServerEnv(layout);

  const args = [
    ...baseArgs(layout),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    folder,
  ];
  // detached: own process group, so stop() also ends the extension hosts it forks.
  const child = spawn(process.execPath, [CODE_SERVER_ENTRY, ...args], {
    env,
    cwd: folder,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const logStream = createWriteStream(layout.logFile, { flags: 'a' });
  logStream.on('error', () => {});
  logStream.write(`\n--- ${new Date().toISOString()} code-server ${args.join(' ')}\n`);
  const onData = (b) => {
    const s = b.toString();
    output = (output + s).slice(-20_000);
    logStream.write(s);
    if (options.onOutput) options.onOutput(s);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((r) => child.once('exit', r));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 5000))]);
      if (timedOut) killGroup(child, 'SIGKILL');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    }
    // Extension hosts may outlive the main process by a moment; make sure the group is gone.
    killGroup(child, 'SIGKILL');
    await new Promise((r) => logStream.end(r));
    await dropState();
  };

  try {
    await waitForHealth(port, child, () => output, options.timeoutMs ?? 60_000);
  } catch (e) {
    await stop();
    throw e;
  }
  log(`code-server ready on port ${port} in ${Date.now() - t0} ms`);
  return {
    port,
    folder,
    stateDir,
    layout,
    url: workbenchUrl(port, folder),
    process: child,
    output: () => output,
    exited,
    stop,
  };
}

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]);

export const PLAYWRIGHT_CORE_VERSION = '1.65.1';

/** playwright-core (a root devDependency; it downloads no browser). */
async function importPlaywright() {
  try {
    return await import('playwright-core');
  } catch (e) {
    throw new Error(`playwright-core is not installed (npm i -D playwright-core@${PLAYWRIGHT_CORE_VERSION}): ${e?.message ?? e}`);
  }
}

/**
 * Launches Debian Chromium through playwright-core with a fresh (or given) profile.
 * @param {object} options see harness.d.mts (BrowserOptions)
 */
export async function launchChromium(options = {}) {
  const { chromium } = await importPlaywright();
  const temporaryProfile = !options.profileDir;
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'territory-chromium-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    env: { ...process.env, XDG_CONFIG_HOME: profileDir, XDG_CACHE_HOME: join(profileDir, 'cache') },
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 1400, height: 900 },
    ...(options.launchOptions ?? {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    if (temporaryProfile) await rm(profileDir, { recursive: true, force: true }).catch(() => {});
  };
  return { context, page, profileDir, close };
}
