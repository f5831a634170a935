// The real editor: code-server (VS Code 1.100.3) with territory.vsix installed, driven by
// Chromium. A copy of examples/tutorial with one tie pointing at a misspelled actor:
// the Problems panel lists the error, fixing the name in the editor clears it, and
// Ctrl+Space at a tie's endpoint offers actor names.
//
//   scripts/setup-code-server.sh && npm run package && npx vitest run test/e2e/editor.e2e.test.ts
//
// Skipped (with a message) only when .tools/code-server is missing and CI is not set.
// Overrides for trying it out: TERRITORY_E2E_FOLDER (default examples/tutorial),
// TERRITORY_E2E_VSIX (default territory.vsix).
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import {
  REPO_ROOT,
  goToLineColumn,
  listFiles,
  openFromExplorer,
  openProblems,
  problemRows,
  statusBarText,
  suggestWidget,
  suggestionLabels,
  triggerCompletion,
  codeOnly,
  describeRealEditor,
  NAME,
} from './code-server.js';

const FOLDER = resolve(process.env.TERRITORY_E2E_FOLDER ?? join(REPO_ROOT, 'examples', 'tutorial'));
const VSIX = resolve(process.env.TERRITORY_E2E_VSIX ?? join(REPO_ROOT, 'territory.vsix'));

// ---------------------------------------------------------------------------------------
// Seeding the error: pick a tie whose first endpoint is a declared actor and misspell it.

const ACTOR = new RegExp(String.raw`^[ \t]*actor[ \t]+(${NAME})`, 'gmu');
const TIE = new RegExp(String.raw`^([ \t]*tie[ \t]+)(${NAME})([ \t]*(?:--|->)[ \t]*)(${NAME})`, 'u');


function misspell(name: string, taken: (candidate: string) => boolean): string {
  const candidates: string[] = [];
  if (name.includes('Amal')) candidates.push(name.replace('Amal', 'Amel'));
  const swap: Record<string, string> = { a: 'e', e: 'a', i: 'o', o: 'i', u: 'a' };
  for (let i = name.length - 1; i > 0; i--) {
    const c = name[i];
    if (c in swap) candidates.push(name.slice(0, i) + swap[c] + name.slice(i + 1));
  }
  candidates.push(`${name}x`, `${name}Zz`);
  const found = candidates.find((c) => !taken(c));
  if (!found) throw new Error(`Could not find a free misspelling of ${name}`);
  return found;
}

interface Seed {
  file: string; // relative to the folder, "/"-separated
  line: number; // 1-based
  column: number; // 1-based, start of the wrong name
  right: string;
  wrong: string;
  actors: string[];
}

async function seedError(folder: string): Promise<Seed> {
  const files = await listFiles(folder, '.territory');
  if (!files.length) throw new Error(`No .territory files in ${folder}`);
  const texts = new Map<string, string>();
  for (const f of files) texts.set(f, await readFile(join(folder, f), 'utf8'));
  const actors = [...new Set([...texts.values()].flatMap((t) => [...codeOnly(t).matchAll(ACTOR)].map((m) => m[1])))];
  if (!actors.length) throw new Error(`No actor declarations found in ${folder}`);
  const allText = [...texts.values()].join('\n');
  const taken = (w: string) => new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}_])${w}(?![\p{L}\p{M}\p{N}_])`, 'u').test(allText);

  type Candidate = { file: string; index: number; m: RegExpExecArray };
  const candidates: Candidate[] = [];
  for (const [file, text] of texts) {
    codeOnly(text)
      .split('\n')
      .forEach((line, index) => {
        const m = TIE.exec(line);
        if (m && actors.includes(m[2])) candidates.push({ file, index, m });
      });
  }
  // Prefer an ASCII name of some length (predictable typing and misspelling).
  candidates.sort((a, b) => score(b.m[2]) - score(a.m[2]));
  const chosen = candidates[0];
  if (!chosen) throw new Error(`No tie between declared actors found in ${folder}`);
  const right = chosen.m[2];
  const wrong = misspell(right, taken);
  const column0 = chosen.m[1].length;
  const lines = texts.get(chosen.file)!.split('\n');
  const line = lines[chosen.index];
  lines[chosen.index] = line.slice(0, column0) + wrong + line.slice(column0 + right.length);
  await writeFile(join(folder, chosen.file), lines.join('\n'));
  return { file: chosen.file.split(/[\\/]/).join('/'), line: chosen.index + 1, column: column0 + 1, right, wrong, actors };
}

function score(name: string): number {
  return (/^[A-Za-z0-9_]+$/.test(name) ? 100 : 0) + Math.min(name.length, 20) + (name.includes('Amal') ? 50 : 0);
}

// ---------------------------------------------------------------------------------------

describeRealEditor(
  {
    file: 'editor.e2e.test.ts',
    title: 'real editor (code-server + Chromium)',
    test: 'lists a seeded error in Problems, clears it when fixed, completes actor names',
    folder: FOLDER,
    vsix: VSIX,
    failureName: 'editor-e2e-failure',
  },
  async ({ copy, step, open }) => {
    const seed = await seedError(copy);
    console.log(`[e2e] seeded '${seed.wrong}' for '${seed.right}' in ${seed.file}:${seed.line}:${seed.column}`);

    const session = await open();
    const { page } = session;
    await session.openWorkbench(90_000);
    step('workbench');

    // Open the file from the Explorer, then the Problems panel.
    await openFromExplorer(page, seed.file);
    step('open file');
    await openProblems(page);
    const wrongRows = problemRows(page, seed.wrong);
    await wrongRows.first().waitFor({ state: 'visible', timeout: 60_000 });
    step('error listed in Problems');
    expect(await wrongRows.first().getAttribute('aria-label')).toMatch(/error/i);

    // Fix it by typing: select the wrong name and type the right one.
    await goToLineColumn(page, seed.line, seed.column);
    await page.keyboard.press('Control+Shift+ArrowRight');
    await statusBarText(page, `(${seed.wrong.length} selected)`);
    await page.keyboard.type(seed.right, { delay: 15 });
    await page.keyboard.press('Escape');
    expect(await page.locator('.markers-panel').isVisible()).toBe(true);
    await expect.poll(() => wrongRows.count(), { timeout: 30_000 }).toBe(0);
    step('error cleared after the fix');

    // Completion at a tie's endpoint: a new `tie ` line at the end of the file.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.type('tie ', { delay: 15 });
    await page.keyboard.press('Escape');
    const labels = await triggerCompletion(page, 30_000);
    console.log(`[e2e] Ctrl+Space offered: ${labels.join(', ')}`);
    expect(labels.some((l) => seed.actors.includes(l)), `some of ${labels.join(', ')} is an actor`).toBe(true);
    // Narrow to the actor we fixed.
    await page.keyboard.type(seed.right.slice(0, 4), { delay: 15 });
    await expect
      .poll(async () => ((await suggestWidget(page).isVisible()) ? await suggestionLabels(page, 5_000) : []), { timeout: 15_000 })
      .toContain(seed.right);
    step('completion');
    await session.screenshot('editor-e2e-final');
  },
);
