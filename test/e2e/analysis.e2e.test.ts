// The analysis in the real editor: code-server (VS Code 1.100.3) with territory.vsix
// installed, driven by Chromium, on a copy of examples/tutorial. Once the language server
// has analysed the model, code lenses show each actor's figures, the hover on an actor
// tells its place in the sociogram, and the report commands open Markdown previews
// (synergy opportunities with their introducers; the actors table sorted by a figure
// picked in a quick pick).
//
//   scripts/setup-code-server.sh && npm run package && npx vitest run test/e2e/analysis.e2e.test.ts
//
// Skipped (with a message) only when .tools/code-server is missing and CI is not set.
// Overrides: TERRITORY_E2E_FOLDER (default examples/tutorial), TERRITORY_E2E_VSIX
// (default territory.vsix). Screenshots of each step go to test-results/analysis-e2e-*.png.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  REPO_ROOT,
  activeEditor,
  codeLensTexts,
  hoverWidget,
  listFiles,
  openFromExplorer,
  pickQuickPickItem,
  quickInput,
  runCommand,
  statusBarCursor,
  webviewFrameWith,
  codeOnly,
  describeRealEditor,
  NAME,
} from './code-server.js';

const FOLDER = resolve(process.env.TERRITORY_E2E_FOLDER ?? join(REPO_ROOT, 'examples', 'tutorial'));
const VSIX = resolve(process.env.TERRITORY_E2E_VSIX ?? join(REPO_ROOT, 'territory.vsix'));

const LENS = /\d+ ties? · betweenness/;
/** Markdown escapes that must never reach a reader: a backslash before a punctuation character. */
const RAW_ESCAPE = /\\[\\`*_{}[\]()#+\-.!|<>~]/;

// ---------------------------------------------------------------------------------------
// Choosing the actor: a declared actor with an ASCII name (easy to find on screen) that takes
// a position on some interest (so that it converges with others).

const ACTOR_BLOCK = new RegExp(String.raw`^[ \t]*actor[ \t]+(${NAME})[^{\n]*\{([^}]*)\}`, 'gmu');


interface Target {
  file: string; // relative to the folder, "/"-separated
  actor: string;
  line: number; // 1-based line of the declaration
}

async function chooseActor(folder: string): Promise<Target> {
  for (const file of await listFiles(folder, '.territory')) {
    const code = codeOnly(await readFile(join(folder, file), 'utf8'));
    for (const m of code.matchAll(ACTOR_BLOCK)) {
      if (/^[A-Za-z][A-Za-z0-9]{3,}$/.test(m[1]) && /\b(supports|opposes)\b/.test(m[2])) {
        const line = code.slice(0, m.index).split('\n').length; // the match starts at its line's start
        return { file: file.split(/[\\/]/).join('/'), actor: m[1], line };
      }
    }
  }
  throw new Error(`No actor with an ASCII name and a stance found in ${folder}`);
}

// ---------------------------------------------------------------------------------------

/** Scrolls the active editor to a line (Ctrl+G, no clicking: a click could land on a code lens). */
async function revealLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
  await statusBarCursor(page, line, 1);
}

/** Hovers the mouse over the first occurrence of `word` shown in the active editor. */
async function hoverWord(page: Page, word: string): Promise<void> {
  const token = activeEditor(page).locator('.view-line span span', { hasText: new RegExp(`^${word}$`) }).first();
  await token.waitFor({ state: 'visible', timeout: 10_000 });
  const box = await token.boundingBox();
  if (!box) throw new Error(`'${word}' has no box on screen`);
  // Move in two steps so that the editor sees a real mouse move onto the token.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 30);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
}

/** Waits for the (finite) CSS animations on an element, its ancestors and its subtree to end. */
async function animationsDone(element: Locator): Promise<void> {
  await element.evaluate(async (el) => {
    const animations: Animation[] = [...el.getAnimations({ subtree: true })];
    for (let e = el.parentElement; e; e = e.parentElement) animations.push(...e.getAnimations());
    const finite = animations.filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/** The visible (rendered) text of a webview frame's body. */
async function bodyText(frame: Frame): Promise<string> {
  return frame.locator('body').innerText();
}

describeRealEditor(
  {
    file: 'analysis.e2e.test.ts',
    title: 'analysis in the real editor (code-server + Chromium)',
    test: 'shows code lenses, an analysis hover, and the synergy and metrics reports',
    folder: FOLDER,
    vsix: VSIX,
    failureName: 'analysis-e2e-failure',
  },
  async ({ copy, step, open }) => {
    const target = await chooseActor(copy);
    console.log(`[e2e] actor '${target.actor}' in ${target.file}:${target.line}`);

    const session = await open();
    const { page } = session;
    await session.openWorkbench(90_000);
    step('workbench');

    // 1. Code lenses above the actors once the server has analysed the model.
    await openFromExplorer(page, target.file);
    await expect.poll(() => codeLensTexts(page), { timeout: 60_000 }).toContainEqual(expect.stringMatching(LENS));
    const lenses = await codeLensTexts(page);
    console.log(`[e2e] code lenses: ${lenses.slice(0, 3).join(' | ')} (${lenses.length})`);
    step('code lenses');
    await session.screenshot('analysis-e2e-1-code-lens');

    // 2. The hover on the actor's name: its place in the sociogram.
    const hover = hoverWidget(page).filter({ hasText: 'In the sociogram' });
    await revealLine(page, target.line);
    await hoverWord(page, target.actor);
    await hover.first().waitFor({ state: 'visible', timeout: 20_000 });
    await animationsDone(hover.first()); // the hover fades in: screenshot it once opaque
    const hoverText = await hover.first().innerText();
    console.log(`[e2e] hover: ${hoverText.replace(/\s+/g, ' ').slice(0, 300)}`);
    expect(hoverText).toContain('In the sociogram');
    expect(hoverText).toContain('Converges most with');
    expect(hoverText).toContain(target.actor);
    expect(hoverText, 'hover shows no raw Markdown escapes').not.toMatch(RAW_ESCAPE);
    step('hover');
    await session.screenshot('analysis-e2e-2-hover');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');

    // 3. Synergy opportunities in a Markdown preview.
    await runCommand(page, 'Territory: Show Synergy Opportunities');
    const synergy = await webviewFrameWith(page, 'h1', 'Synergy opportunities', 45_000);
    await synergy.locator('li', { hasText: 'introducers:' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const synergyText = await bodyText(synergy);
    console.log(`[e2e] synergy: ${(synergyText.match(/introducers:[^\n]*/g) ?? []).length} 'introducers:' lines; ${synergyText.replace(/\s+/g, ' ').slice(0, 200)}`);
    expect(synergyText).toMatch(/introducers: \S/);
    expect(synergyText, 'synergy preview shows no raw Markdown escapes').not.toMatch(RAW_ESCAPE);
    step('synergy preview');
    await session.screenshot('analysis-e2e-3-synergy');

    // 4. Metrics: a quick pick of figures, then the table sorted by the one picked.
    await runCommand(page, 'Territory: Show Metrics');
    await pickQuickPickItem(page, 'degree', { title: 'Sort the actors by' });
    const metrics = await webviewFrameWith(page, 'h1', 'Actors by degree', 45_000);
    const rows = metrics.locator('table tbody tr');
    await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
    const headers = (await metrics.locator('table th').allInnerTexts()).map((h) => h.trim());
    expect(headers).toEqual(expect.arrayContaining(['actor', 'degree', 'betweenness']));
    const rowCount = await rows.count();
    expect(rowCount).toBeGreaterThan(1);
    // Sorted by degree, largest first.
    const degreeColumn = headers.indexOf('degree');
    const degrees = (await rows.locator(`td:nth-child(${degreeColumn + 1})`).allInnerTexts()).map(Number);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    const metricsText = await bodyText(metrics);
    expect(metricsText, 'metrics preview shows no raw Markdown escapes').not.toMatch(RAW_ESCAPE);
    console.log(`[e2e] metrics: ${rowCount} rows, degrees ${degrees.slice(0, 5).join(', ')}…`);
    // The command's progress notification goes away once the preview is shown.
    await page.locator('.notification-toast', { hasText: 'analysing the model' }).waitFor({ state: 'hidden', timeout: 20_000 });
    step('metrics preview');
    await session.screenshot('analysis-e2e-4-metrics');
  },
);
