// The sociogram preview in the real editor: code-server (VS Code 1.100.3) with territory.vsix
// installed, driven by Chromium, on a copy of examples/oriental. "Territory: Open Sociogram
// Preview" (also a button in the editor's title bar) shows one node per actor; a click on a
// node puts the editor's cursor on that actor's declaration; a tie typed in the editor appears
// as a new edge without a reload, keeping the zoom and the selection; "Territory: Export
// Sociogram as SVG" goes through code-server's save dialog and writes an SVG that parses and
// holds every actor.
//
//   scripts/setup-code-server.sh && npm run package && npx vitest run test/e2e/preview.e2e.test.ts
//
// Skipped (with a message) only when .tools/code-server is missing and CI is not set.
// Overrides: TERRITORY_E2E_FOLDER (default examples/oriental), TERRITORY_E2E_VSIX
// (default territory.vsix). Screenshots of each step go to test-results/preview-e2e-*.png
// (1 opened, 1-panel the preview alone, 2 revealed, 3 new tie, 4 exported, 5 the exported SVG
// in a browser tab, 6 the whole picture in a larger window), the exported file to
// test-results/preview-e2e-export.svg.
import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  REPO_ROOT,
  RESULTS_DIR,
  activeEditor,
  codeLensTexts,
  listFiles,
  openFromExplorer,
  quickInput,
  runCommand,
  statusBarText,
  webviewFrameFor,
  codeOnly,
  describeRealEditor,
  NAME,
} from './code-server.js';

const FOLDER = resolve(process.env.TERRITORY_E2E_FOLDER ?? join(REPO_ROOT, 'examples', 'oriental'));
const VSIX = resolve(process.env.TERRITORY_E2E_VSIX ?? join(REPO_ROOT, 'territory.vsix'));

const OPEN_PREVIEW = 'Open Sociogram Preview';
const EXPORT_SVG = 'Export Sociogram as SVG';

// ---------------------------------------------------------------------------------------
// The model, read with regexes: actors and their declarations, ties and who they join.

const ACTOR = /^[ \t]*actor[ \t]+(\S+)/gmu;
const TIE = new RegExp(String.raw`^[ \t]*tie[ \t]+(${NAME})[ \t]*(--|->)[ \t]*(${NAME})[ \t]+(${NAME})`, 'gmu');


interface Declaration {
  actor: string;
  file: string; // relative to the folder, "/"-separated
  line: number; // 1-based
  column: number; // 1-based, start of the name
}

interface Tie {
  from: string;
  mutual: boolean;
  to: string;
  relation: string;
}

interface Model {
  actors: Declaration[];
  ties: Tie[];
}

async function readModel(folder: string): Promise<Model> {
  const actors: Declaration[] = [];
  const ties: Tie[] = [];
  for (const file of await listFiles(folder, '.territory')) {
    const code = codeOnly(await readFile(join(folder, file), 'utf8'));
    for (const m of code.matchAll(ACTOR)) {
      const lineStart = code.lastIndexOf('\n', m.index) + 1;
      const line = code.slice(0, m.index).split('\n').length;
      const column = m.index + m[0].length - m[1].length - lineStart + 1;
      actors.push({ actor: m[1], file: file.split(/[\\/]/).join('/'), line, column });
    }
    for (const m of code.matchAll(TIE)) ties.push({ from: m[1], mutual: m[2] === '--', to: m[3], relation: m[4] });
  }
  return { actors, ties };
}

/** The model's order of names (analysis' compareNames): by code point. */
function compareNames(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** The `data-tie` of a mutual tie: the smaller name first. */
function mutualTieId(a: string, b: string, relation: string): string {
  return compareNames(a, b) <= 0 ? `${a}|${relation}|${b}` : `${b}|${relation}|${a}`;
}

const plain = (name: string) => /^[A-Za-z][A-Za-z0-9]{5,}$/.test(name);

/**
 * The node to click: an actor with an ASCII name declared in another file than `opened` (so
 * that the click must open that file), among the most tied (drawn large, easy to hit).
 */
function chooseClickTarget(model: Model, opened: string): Declaration {
  const degree = new Map<string, number>();
  for (const t of model.ties) for (const n of [t.from, t.to]) degree.set(n, (degree.get(n) ?? 0) + 1);
  const candidates = model.actors
    .filter((d) => d.file !== opened && plain(d.actor))
    .sort((a, b) => (degree.get(b.actor) ?? 0) - (degree.get(a.actor) ?? 0) || compareNames(a.actor, b.actor));
  if (!candidates.length) throw new Error(`No actor with an ASCII name outside ${opened}`);
  return candidates[0];
}

/** Two actors declared in `file` with no tie of `relation` between them, in any direction. */
function chooseNewTie(model: Model, file: string, relation: string): { a: string; b: string } {
  const tied = new Set(model.ties.filter((t) => t.relation === relation).map((t) => mutualTieId(t.from, t.to, relation)));
  const local = model.actors.filter((d) => d.file === file && plain(d.actor)).map((d) => d.actor);
  for (let i = 0; i < local.length; i++) {
    for (let j = local.length - 1; j > i; j--) {
      if (!tied.has(mutualTieId(local[i], local[j], relation))) return { a: local[i], b: local[j] };
    }
  }
  throw new Error(`No pair of actors of ${file} without a ${relation} tie`);
}

// ---------------------------------------------------------------------------------------
// The webview.

/** The data-actor of every node drawn. */
async function nodeIds(frame: Frame): Promise<string[]> {
  return frame.locator('svg g.node[data-actor]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-actor') ?? ''));
}

/** Every node's position in graph coordinates (its translate). */
async function nodePositions(frame: Frame): Promise<Map<string, { x: number; y: number }>> {
  const list = await frame.locator('svg g.node[data-actor]').evaluateAll((nodes) =>
    nodes.map((n) => {
      const m = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(n.getAttribute('transform') ?? '');
      return [n.getAttribute('data-actor') ?? '', { x: Number(m?.[1]), y: Number(m?.[2]) }] as const;
    }),
  );
  return new Map(list);
}

/** How far nodes moved between two pictures (graph units): median, largest, and the named ones. */
function describeMoves(before: Map<string, { x: number; y: number }>, after: Map<string, { x: number; y: number }>, named: string[]): string {
  const moves = new Map([...before].filter(([id]) => after.has(id)).map(([id, p]) => [id, Math.hypot(after.get(id)!.x - p.x, after.get(id)!.y - p.y)]));
  const sorted = [...moves.values()].sort((a, b) => a - b);
  if (!sorted.length) return 'no node in both pictures';
  const still = sorted.filter((d) => d < 1).length;
  const list = named.map((id) => `${id} ${moves.get(id)?.toFixed(0) ?? '?'}`).join(', ');
  return `median move ${sorted[sorted.length >> 1].toFixed(0)}, largest ${sorted[sorted.length - 1].toFixed(0)}, unmoved ${still}/${sorted.length}; ${list}`;
}

/** The transform of the zoomed and panned group (zoom-pan.ts: the SVG's top-level g.viewport). */
async function viewportTransform(frame: Frame): Promise<string | null> {
  return frame.locator('svg > g.viewport').first().getAttribute('transform');
}

/** The editor tab labelled `name` (the file's base name). */
function editorTab(page: Page, name: string) {
  return page.locator('.tabs-container .tab', { hasText: name }).first();
}

interface ParsedSvg {
  ok: boolean;
  error?: string;
  root?: string;
  actors: string[];
  ties: number;
}

/** Parses an SVG document with the browser's XML parser (errors show as <parsererror>). */
async function parseSvg(page: Page, text: string): Promise<ParsedSvg> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error) return { ok: false, error: error.textContent ?? 'parsererror', actors: [], ties: 0 };
    return {
      ok: true,
      root: doc.documentElement.localName,
      actors: Array.from(doc.querySelectorAll('[data-actor]'), (e) => e.getAttribute('data-actor') ?? ''),
      ties: doc.querySelectorAll('[data-tie]').length,
    };
  }, text);
}

// ---------------------------------------------------------------------------------------

describeRealEditor(
  {
    file: 'preview.e2e.test.ts',
    title: 'sociogram preview in the real editor (code-server + Chromium)',
    test: 'opens the preview, reveals a clicked actor, follows an edit, exports an SVG',
    folder: FOLDER,
    vsix: VSIX,
    failureName: 'preview-e2e-failure',
  },
  async ({ copy, step, open }) => {
    const model = await readModel(copy);
    const actorNames = [...new Set(model.actors.map((d) => d.actor))].sort(compareNames);
    expect(actorNames.length, 'actors declared in the copy').toBeGreaterThan(0);
    const files = [...new Set(model.actors.map((d) => d.file))];
    const opened = files.find((f) => basename(f) === 'berkane.territory') ?? files[0];
    const target = chooseClickTarget(model, opened);
    const tie = chooseNewTie(model, opened, 'trust');
    const newTieId = mutualTieId(tie.a, tie.b, 'trust');
    console.log(`[e2e] ${actorNames.length} actors; click '${target.actor}' (${target.file}:${target.line}:${target.column}); new tie ${newTieId} in ${opened}`);

    const session = await open();
    const { page } = session;
    await session.openWorkbench(90_000);
    step('workbench');

    // 1. Open a model file; the editor title has the preview button; F1 opens the preview.
    await openFromExplorer(page, opened);
    const titleButton = page.locator(`.editor-group-container.active .editor-actions .action-label[aria-label="${OPEN_PREVIEW}"]`);
    await titleButton.waitFor({ state: 'visible', timeout: 30_000 });
    step('open file, title button');

    // The analysis is done when the code lenses show figures: what follows times the preview alone.
    await expect.poll(() => codeLensTexts(page), { timeout: 60_000 }).toContainEqual(expect.stringMatching(/\d+ ties? · betweenness/));
    step('analysis (code lenses)');

    await runCommand(page, `Territory: ${OPEN_PREVIEW}`);
    const asked = Date.now();
    const frame = await webviewFrameFor(page, 'svg g.node[data-actor]', 60_000);
    await expect
      .poll(() => nodeIds(frame).then((ids) => ids.length), {
        timeout: 30_000,
        // Fewer (e.g. only the opened file's actors): the server analysed only the files it validated.
        message: `one node per actor declared in the ${(await listFiles(copy!, '.territory')).length} .territory files`,
      })
      .toBe(actorNames.length);
    console.log(`[e2e] preview drawn ${Date.now() - asked} ms after the command`);
    expect((await nodeIds(frame)).sort(compareNames)).toEqual(actorNames);
    const edgeCount = await frame.locator('svg line.edge[data-tie]').count();
    console.log(`[e2e] preview: ${actorNames.length} nodes, ${edgeCount} line edges; status '${await frame.locator('.status').innerText()}'`);
    expect(edgeCount).toBeGreaterThan(0);
    step('preview drawn');
    await session.screenshot('preview-e2e-1-opened');
    await page.locator('iframe.webview.ready').first().screenshot({ path: join(RESULTS_DIR, 'preview-e2e-1-panel.png'), timeout: 10_000 });

    // 2. A click on a node reveals the actor's declaration: its file, the name selected.
    // Fitted, 173 actors are dots under each other's labels: find the actor with the
    // preview's search box (Enter centres the match), zoom in, then click its circle.
    await centreOnActor(frame, target.actor);
    await frame.locator('button.zoom-in').click();
    await frame.locator('button.zoom-in').click();
    // In a dense cluster other actors' labels lie over parts of the circle: click a part
    // that is the node's own (what a person would do), not blindly its centre.
    const circle = frame.locator(`svg g.node[data-actor="${target.actor}"] > circle`);
    const spot = await ownSpot(circle);
    await circle.click({ position: spot, timeout: 15_000 });
    await editorTab(page, basename(target.file)).and(page.locator('.tab.active')).waitFor({ state: 'visible', timeout: 15_000 });
    // The name is selected, the cursor at its end (the status bar shows the cursor's column).
    await statusBarText(page, new RegExp(`Ln ${target.line}, Col ${target.column + target.actor.length}(?!\\d)`), 15_000);
    await statusBarText(page, `(${target.actor.length} selected)`);
    await expect.poll(() => frame.locator('svg g.node.selected').getAttribute('data-actor'), { timeout: 5_000 }).toBe(target.actor);
    await frame.locator('input.search-input').fill(''); // clear the search (it dims the other actors)
    step('click reveals the declaration');
    await session.screenshot('preview-e2e-2-revealed');

    // 3. A tie typed in the editor appears without a reload, keeping zoom and selection.
    // Zoom in first (the toolbar's + button) so that the kept transform is not a fresh fit.
    await frame.locator('button.zoom-in').click();
    const zoomed = await viewportTransform(frame);
    expect(zoomed).toMatch(/translate\(.+\) scale\(.+\)/);
    // A marker in the webview's window: a reload would lose it.
    await frame.evaluate(() => ((window as unknown as { __territoryE2e: number }).__territoryE2e = 42));
    expect(await frame.locator(`svg line.edge[data-tie="${newTieId}"]`).count()).toBe(0);
    const before = await nodePositions(frame);

    await editorTab(page, basename(opened)).click();
    await page.locator('.tabs-container .tab.active', { hasText: basename(opened) }).waitFor({ state: 'visible', timeout: 10_000 });
    await activeEditor(page).click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(`tie ${tie.a} -- ${tie.b} trust 2`, { delay: 10 });
    await page.keyboard.press('Escape'); // a completion list, if any, must not take the next keys
    const typed = Date.now();
    const newEdge = frame.locator(`svg line.edge[data-tie="${newTieId}"]`);
    await newEdge.waitFor({ state: 'attached', timeout: 20_000 });
    console.log(`[e2e] new edge ${newTieId} drawn ${Date.now() - typed} ms after the last key`);
    expect(await frame.evaluate(() => (window as unknown as { __territoryE2e?: number }).__territoryE2e), 'no reload').toBe(42);
    expect(await viewportTransform(frame), 'zoom kept').toBe(zoomed);
    // How far the actors moved (logged, not asserted: the issue wants unchanged actors to stay
    // near where they were, which the cluster layout does not do yet).
    console.log(`[e2e] layout after the edit: ${describeMoves(before, await nodePositions(frame), [target.actor, tie.a, tie.b])}`);
    expect(await frame.locator('svg g.node.selected').getAttribute('data-actor'), 'selection kept').toBe(target.actor);
    expect(await frame.locator('svg g.node[data-actor]').count()).toBe(actorNames.length);
    step('typed tie drawn');
    await session.screenshot('preview-e2e-3-new-tie');

    // 4. Export: the command asks the webview for its picture, code-server's save dialog
    // (the simple file dialog: a quick input holding a path) asks where to write it.
    const exported = join(copy, 'exported-sociogram.svg');
    await runCommand(page, `Territory: ${EXPORT_SVG}`);
    const dialogInput = await simpleSaveDialog(page, 'Export the sociogram');
    await dialogInput.fill(exported);
    await page.keyboard.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden', timeout: 15_000 });
    await expect.poll(() => existsSync(exported), { timeout: 15_000 }).toBe(true);
    await page.locator('.notification-toast', { hasText: 'Sociogram exported to' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const svg = await readFile(exported, 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<svg');
    expect(svg).toContain('data-actor=');
    const parsed = await parseSvg(page, svg);
    expect(parsed.error).toBeUndefined();
    expect(parsed.root).toBe('svg');
    expect([...new Set(parsed.actors)].sort(compareNames)).toEqual(actorNames);
    expect(parsed.actors.length).toBe(actorNames.length);
    expect(svg, 'the export has the typed tie').toContain(`data-tie="${newTieId}"`);
    console.log(`[e2e] exported ${svg.length} bytes: ${parsed.actors.length} actors, ${parsed.ties} ties`);
    step('export SVG');
    await session.screenshot('preview-e2e-4-exported');
    // The exported file as a browser shows it (it must be self-contained).
    await copyFile(exported, join(RESULTS_DIR, 'preview-e2e-export.svg'));
    const viewer = await session.browser.context.newPage();
    try {
      await viewer.goto(pathToFileURL(exported).href);
      await viewer.locator('svg [data-actor]').first().waitFor({ state: 'attached', timeout: 10_000 });
      const size = await viewer.evaluate(() => {
        // Shown whole: the root's viewBox scales it into the window.
        const root = document.documentElement;
        const size = `${root.getAttribute('width')}×${root.getAttribute('height')}`;
        root.setAttribute('width', String(innerWidth));
        root.setAttribute('height', String(innerHeight));
        return size;
      });
      await viewer.screenshot({ path: join(RESULTS_DIR, 'preview-e2e-5-export-in-browser.png'), timeout: 20_000 });
      console.log(`[e2e] exported picture ${size} px`);
    } finally {
      await viewer.close();
    }

    // The whole picture in a larger window, nothing selected, for a human to look at.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await frame.locator('input.search-input').press('Escape'); // Escape in the preview clears the selection
    await frame.locator('svg g.node.selected').waitFor({ state: 'detached', timeout: 5_000 });
    await frame.locator('button.fit').click();
    await session.screenshot('preview-e2e-6-fit-large');
  },
);

/**
 * A point of `element` (relative to its box) where a click lands on the element itself or
 * inside its node, not on something drawn over it: the centre if free, else the first free
 * point of a spiral around it.
 */
async function ownSpot(element: Locator): Promise<{ x: number; y: number }> {
  const spot = await element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const own = el.closest('g.node') ?? el;
    const r = Math.min(box.width, box.height) / 2;
    for (let i = 0; i < 60; i++) {
      const d = (r * 0.9 * i) / 60;
      const a = i * 2.4;
      const x = box.width / 2 + d * Math.cos(a);
      const y = box.height / 2 + d * Math.sin(a);
      const hit = document.elementFromPoint(box.left + x, box.top + y);
      if (hit && own.contains(hit)) return { x, y };
    }
    return undefined;
  });
  if (!spot) throw new Error('Every point of the node is covered by something else');
  return spot;
}

/** Types `actor` in the preview's search box and presses Enter until it is the current match (centred). */
async function centreOnActor(frame: Frame, actor: string, timeout = 10_000): Promise<void> {
  const search = frame.locator('input.search-input');
  await search.fill(actor);
  const current = frame.locator(`svg g.node.current-match[data-actor="${actor}"]`);
  const deadline = Date.now() + timeout;
  while (!(await current.count())) {
    if (Date.now() > deadline) throw new Error(`The preview's search did not make ${actor} the current match`);
    await search.press('Enter');
    await current.waitFor({ state: 'attached', timeout: 1_000 }).catch(() => undefined);
  }
}

/** Waits for code-server's simple save dialog (a quick input titled `title`) and returns its input. */
async function simpleSaveDialog(page: Page, title: string, timeout = 20_000) {
  const widget = quickInput(page);
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout });
  const input = widget.locator('input').first();
  await input.waitFor({ state: 'visible', timeout });
  // The dialog pre-fills the default path and lists its folder; wait until it has.
  await expect.poll(() => input.inputValue(), { timeout }).toMatch(/\.svg$/);
  return input;
}
