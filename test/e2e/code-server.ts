// Helpers for the real-editor suites: an isolated code-server + a Chromium page on it, and
// a few ways to drive the VS Code workbench. The process management lives in ./harness.mjs
// (shared with scripts/start-editor.mjs); this file adds the typed, test-side conveniences.
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import {
  CODE_SERVER_DIR,
  DEFAULT_VSIX,
  REPO_ROOT,
  codeServerInstalled,
  launchChromium,
  missingPrerequisites,
  startCodeServer,
  type Browser,
  type CodeServer,
  type StartOptions,
} from './harness.mjs';

export {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  CODE_SERVER_DIR,
  CODE_SERVER_ENTRY,
  CODE_SERVER_VERSION,
  DEFAULT_SETTINGS,
  DEFAULT_VSIX,
  PLAYWRIGHT_CORE_VERSION,
  REPO_ROOT,
  assertPortFree,
  codeServerInstalled,
  getFreePort,
  installExtension,
  launchChromium,
  missingPrerequisites,
  prepareState,
  startCodeServer,
  workbenchUrl,
} from './harness.mjs';
export type { Browser, BrowserOptions, CodeServer, StartOptions, StateLayout } from './harness.mjs';

export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

/** True when the CI environment variable is set (to anything but "", "0" or "false"). */
export const IN_CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

/**
 * Whether a real-editor suite should be skipped: only when code-server is not installed
 * and we are not in CI. In CI a missing piece must fail the suite, never skip it.
 */
export function realEditorSkipReason(): string | undefined {
  if (IN_CI || codeServerInstalled()) return undefined;
  return `code-server is not installed in ${relative(REPO_ROOT, CODE_SERVER_DIR)}; run scripts/setup-code-server.sh to enable the real-editor tests`;
}

/** Throws a readable error listing whatever is missing to run the real editor. */
export function assertPrerequisites(options: { vsix?: string | null; folder?: string } = {}): void {
  const missing = missingPrerequisites(options);
  if (missing.length) throw new Error(`Cannot run the real-editor test:\n  - ${missing.join('\n  - ')}`);
}

/** Copies a folder to a fresh temp folder and returns the copy's path. */
export async function copyToTemp(folder: string, prefix = 'territory-e2e-'): Promise<string> {
  const target = join(await mkdtemp(join(tmpdir(), prefix)), basename(folder));
  await cp(folder, target, { recursive: true });
  return target;
}

/** Every file under `folder` whose name ends with `extension`, as paths relative to it. */
export async function listFiles(folder: string, extension: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => relative(folder, join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort();
}

export interface EditorSession {
  server: CodeServer;
  browser: Browser;
  page: Page;
  /** Navigates to the workbench and waits until the Explorer shows the folder. */
  openWorkbench(timeout?: number): Promise<void>;
  /** Saves a screenshot to test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Saves a screenshot, code-server's output and the VS Code logs to test-results/. */
  saveFailureArtifacts(name: string): Promise<void>;
  /** Closes the browser and stops code-server. Idempotent. */
  dispose(): Promise<void>;
}

/**
 * Starts an isolated code-server on a free port (installing `vsix`, default territory.vsix)
 * with `folder`, and launches Chromium. Call openWorkbench() next.
 */
export async function startEditorSession(options: StartOptions & { folder: string }): Promise<EditorSession> {
  const server = await startCodeServer({ vsix: DEFAULT_VSIX, ...options });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await server.stop();
    throw e;
  }
  const page = browser.page;
  const session: EditorSession = {
    server,
    browser,
    page,
    async openWorkbench(timeout = 60_000) {
      await page.goto(server.url);
      await waitForWorkbench(page, basename(server.folder), timeout);
    },
    async screenshot(name) {
      await mkdir(RESULTS_DIR, { recursive: true });
      const file = join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, timeout: 10_000 });
      return file;
    },
    async saveFailureArtifacts(name) {
      await mkdir(RESULTS_DIR, { recursive: true });
      await session.screenshot(name).catch((e) => console.error(`[e2e] screenshot failed: ${e}`));
      await writeFile(join(RESULTS_DIR, `${name}.code-server.log`), server.output()).catch(() => {});
      const logs = join(server.layout.userDataDir, 'logs');
      await rm(join(RESULTS_DIR, `${name}.logs`), { recursive: true, force: true }).catch(() => {});
      await cp(logs, join(RESULTS_DIR, `${name}.logs`), { recursive: true }).catch(() => {});
      console.error(`[e2e] failure artifacts: ${join(RESULTS_DIR, name)}.{png,code-server.log,logs/}`);
    },
    async dispose() {
      await browser.close();
      await server.stop();
    },
  };
  return session;
}

/** Waits until the workbench is up and the Explorer shows the opened folder. */
export async function waitForWorkbench(page: Page, folderName: string, timeout = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  await page
    .locator('.explorer-folders-view .monaco-list')
    .or(page.locator('.pane-header', { hasText: folderName }))
    .first()
    .waitFor({ state: 'visible', timeout });
}

function treeItem(page: Page, name: string): Locator {
  return page.locator('.explorer-folders-view').getByRole('treeitem', { name, exact: true });
}

/**
 * Opens `relPath` (a file of the opened folder, "/"-separated) from the Explorer: expands
 * its folders, double-clicks the file and waits for its editor tab to be active.
 */
export async function openFromExplorer(page: Page, relPath: string, timeout = 30_000): Promise<void> {
  const parts = relPath.split(/[\\/]/);
  for (const folder of parts.slice(0, -1)) {
    const item = treeItem(page, folder).first();
    await item.waitFor({ state: 'visible', timeout });
    if ((await item.getAttribute('aria-expanded')) !== 'true') await item.click();
  }
  const file = parts[parts.length - 1];
  const item = treeItem(page, file).first();
  await item.waitFor({ state: 'visible', timeout });
  await item.dblclick();
  await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ state: 'visible', timeout });
  await activeEditor(page).waitFor({ state: 'visible', timeout });
}

/** The text area of the focused editor group's active editor. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
}

/** Opens (or focuses) the Problems panel with Ctrl+Shift+M. */
export async function openProblems(page: Page, timeout = 15_000): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible', timeout });
  return panel;
}

/** Problems-panel rows whose text contains `text`. */
export function problemRows(page: Page, text: string | RegExp): Locator {
  return page.locator('.markers-panel .monaco-list-row', { hasText: text });
}

/** Moves the cursor of the active editor to a 1-based line and column (Ctrl+G). */
export async function goToLineColumn(page: Page, line: number, column: number): Promise<void> {
  await activeEditor(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  await statusBarCursor(page, line, column);
}

/** Waits until the status bar shows the cursor at line/column. */
export async function statusBarCursor(page: Page, line: number, column: number): Promise<void> {
  await statusBarText(page, new RegExp(`Ln ${line}, Col ${column}(?!\\d)`));
}

/** Waits until the status bar shows `text` (e.g. "(9 selected)"). */
export async function statusBarText(page: Page, text: string | RegExp, timeout = 10_000): Promise<void> {
  await page.locator('.statusbar-item', { hasText: text }).first().waitFor({ state: 'visible', timeout });
}

/** The suggest widget of the active editor. */
export function suggestWidget(page: Page): Locator {
  return page.locator('.editor-widget.suggest-widget.visible');
}

/** Presses Ctrl+Space and returns the labels of the suggestions shown. */
export async function triggerCompletion(page: Page, timeout = 20_000): Promise<string[]> {
  await page.keyboard.press('Control+Space');
  return suggestionLabels(page, timeout);
}

/** The labels currently rendered in the suggest widget (waits for at least one row). */
export async function suggestionLabels(page: Page, timeout = 20_000): Promise<string[]> {
  const rows = suggestWidget(page).locator('.monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout });
  return (await suggestWidget(page).locator('.monaco-list-row .label-name').allInnerTexts()).map((s) => s.trim());
}

/** The quick input (command palette, quick picks) while it is open. */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/**
 * Runs a command from the command palette: F1, types `title` (e.g. "Territory: Show
 * Metrics"), waits until the focused row is that command, and presses Enter.
 */
export async function runCommand(page: Page, title: string, timeout = 15_000): Promise<void> {
  const widget = quickInput(page);
  if (await widget.isVisible()) await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = widget.locator('input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${title}`);
  await widget
    .locator('.monaco-list-row.focused', { hasText: title })
    .first()
    .waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Enter');
}

/**
 * Picks the item labelled exactly `label` in the open quick pick (waits for the pick to
 * show `title` first when given) and waits for it to close.
 */
export async function pickQuickPickItem(page: Page, label: string, options: { title?: string | RegExp; timeout?: number } = {}): Promise<void> {
  const timeout = options.timeout ?? 15_000;
  const widget = quickInput(page);
  if (options.title) await widget.locator('.quick-input-title', { hasText: options.title }).waitFor({ state: 'visible', timeout });
  const row = widget.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) });
  await row.first().waitFor({ state: 'visible', timeout });
  await row.first().click();
  await widget.waitFor({ state: 'hidden', timeout });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The frame (webviews are nested iframes: a host frame holding an "active" frame) that
 * shows a visible element matching `selector` with `text`. Polls every frame of the page.
 */
export async function webviewFrameWith(page: Page, selector: string, text: string | RegExp, timeout = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.isDetached()) continue;
      const found = await frame
        .locator(selector, { hasText: text })
        .first()
        .isVisible()
        .catch(() => false);
      if (found) return frame;
    }
    if (Date.now() > deadline) {
      throw new Error(`No frame shows ${selector} with ${String(text)} within ${timeout} ms (frames: ${page.frames().map((f) => f.url().slice(0, 80)).join(', ')})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The code lens texts currently rendered in the active editor. */
export async function codeLensTexts(page: Page): Promise<string[]> {
  const texts = await page.locator('.editor-group-container.active .monaco-editor .codelens-decoration').allInnerTexts();
  return texts.map((t) => t.replace(/\u00a0/g, ' ').trim()).filter(Boolean);
}

/** The hover widget of the editor, while it is shown. */
export function hoverWidget(page: Page): Locator {
  return page.locator('.monaco-editor .monaco-hover:not(.hidden)').filter({ has: page.locator('.hover-contents, .monaco-hover-content') });
}

/** Times a scenario's steps: `step('name')` after each, `summary()` for the log line. */
export function stepTimer(): { step(name: string): void; summary(): string } {
  const timings: string[] = [];
  const started = Date.now();
  let last = started;
  return {
    step(name: string) {
      timings.push(`${name} ${Date.now() - last} ms`);
      last = Date.now();
    },
    summary: () => `${timings.join(' | ')} | total ${Date.now() - started} ms`,
  };
}

/**
 * The frame (webviews are nested iframes) in which `selector` matches a visible element,
 * whatever its text. Polls every frame of the page.
 */
export async function webviewFrameFor(page: Page, selector: string, timeout = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.isDetached()) continue;
      const found = await frame
        .locator(selector)
        .first()
        .isVisible()
        .catch(() => false);
      if (found) return frame;
    }
    if (Date.now() > deadline) {
      throw new Error(`No frame shows ${selector} within ${timeout} ms (frames: ${page.frames().map((f) => f.url().slice(0, 80)).join(', ')})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface ScenarioContext {
  /** The temporary copy of the example folder the scenario works on. */
  readonly copy: string;
  /** Records how long the previous step took (logged at the end). */
  step(name: string): void;
  /** Starts code-server on the copy with the extension installed, and Chromium on it. */
  open(): Promise<EditorSession>;
}

/**
 * One scenario in real VS Code: skipped (saying why) only when the editor is not installed
 * and CI is unset; a temporary copy of `folder` for the scenario to prepare and open; the
 * failure artifacts saved under `failureName`; code-server, Chromium and the copy removed
 * afterwards.
 */
export function describeRealEditor(
  options: { file: string; title: string; test: string; folder: string; vsix: string; failureName: string; timeout?: number },
  scenario: (context: ScenarioContext) => Promise<void>,
): void {
  const skipReason = realEditorSkipReason();
  if (skipReason) console.warn(`[e2e] SKIPPED ${options.file}: ${skipReason}`);
  describe.skipIf(!!skipReason)(options.title, () => {
    let session: EditorSession | undefined;
    let copy: string | undefined;

    afterAll(async () => {
      await session?.dispose();
      if (copy) await rm(dirname(copy), { recursive: true, force: true });
    }, 30_000);

    it(options.test, async () => {
      assertPrerequisites({ vsix: options.vsix, folder: options.folder });
      const { step, summary } = stepTimer();
      const folder = (copy = await copyToTemp(options.folder));
      try {
        await scenario({
          copy: folder,
          step,
          open: async () => {
            session = await startEditorSession({ folder, vsix: options.vsix });
            step('code-server + extension install + chromium');
            return session;
          },
        });
        console.log(`[e2e] ${summary()}`);
      } catch (e) {
        await session?.saveFailureArtifacts(options.failureName);
        throw e;
      }
    }, options.timeout ?? 240_000);
  });
}

/** A name of the territory language, as a regular-expression source (use with the `u` flag). */
export const NAME = String.raw`[\p{L}_][\p{L}\p{M}\p{N}_]*`;

/** Blanks out comments and strings (keeping positions) so regexes see code only. */
export function codeOnly(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return text
    .replace(/"""[\s\S]*?"""/g, blank)
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/"(?:[^"\\\n]|\\.)*"/g, blank)
    .replace(/\/\/[^\n]*/g, blank);
}
