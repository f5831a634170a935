// `territory report`: one self-contained HTML file for a provincial council.
//
// The file-level checks (exit codes, determinism, contents) always run. The browser checks
// open the report in headless Debian Chromium (/usr/bin/chromium, driven by playwright-core):
// no request but the file itself, the SVG renders, model text stays text, it prints to PDF.
// They are skipped (with a message) only when Chromium is missing and CI is not set.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root, territory } from './run.js';

const CHROMIUM = process.env.TERRITORY_CHROMIUM ?? '/usr/bin/chromium';
const IN_CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());
const skipReason = IN_CI || existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (apt-get install chromium) to open the report`;
if (skipReason) console.warn(`[report] SKIPPED the browser checks of report.test.ts: ${skipReason}`);

/** A model whose every text tries to become markup, with an Arabic-only actor, an overdue commitment and a view. */
const HOSTILE = String.raw`
territory Hostile "Territoire <script>document.title='pwned'</script>" {
  asOf 2024-01-15
  description "A description with <b>markup</b> & <script>document.title='pwned'</script>"
}
zone Z1 "Zone <i>une</i>" in Hostile
interest Water "Eau <img src=x onerror=\"document.title='pwned'\">"
interest Jobs "Emploi — تشغيل"
actor Evil "<img src=x onerror=\"document.title='pwned'\">" { kind association zone Z1 supports Water 3 supports Jobs 2 }
actor Script "<script>document.title='pwned'</script>" { kind ngo zone Z1 supports Water 2 }
actor جمعية_النور "جمعية النور" { kind association zone Z1 supports Water 2 supports Jobs 2 }
actor Commune "Commune \"A & B\"" { kind elected zone Z1 supports Jobs 3 opposes Water 3 }
actor Lonely "Isolé <u>seul</u>" { supports Jobs 1 }
tie Evil -- Commune collaboration 2
tie Script -- Commune trust
tie Script -- جمعية_النور conflict
tie Commune -> جمعية_النور funding 2
dialogue Talks "Dialogue <script>document.title='pwned'</script>" on 2023-06-01 {
  parties Evil, Commune
  commitment Late: Evil commits to Commune "Do <img src=y onerror=\"document.title='pwned'\"> now" due 2023-12-01 status ongoing
  commitment Finished: Commune commits "Finish" due 2023-12-01 status done
}
view Local "Vue <script>document.title='pwned'</script>" { include zone Z1 color by zone layout force }
`;
const EVIL_LABEL = `<img src=x onerror="document.title='pwned'">`;

const SECTIONS = ['glance', 'sociogram', 'opportunities', 'brokers', 'isolates', 'communities', 'tensions', 'bridges', 'commitments', 'about'];

let work: string;
let hostile: string;

beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'territory-report-'));
    hostile = join(work, 'hostile');
    await mkdir(hostile);
    await writeFile(join(hostile, 'model.territory'), HOSTILE);
});

afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
});

// Each test runs the real bin a few times (about 1.5 s each on an idle machine).
describe('territory report: the file', { timeout: 60_000 }, () => {
    test('usage problems exit 2 with one clear line', async () => {
        expect(await territory(['report', 'examples/tutorial'], root))
            .toMatchObject({ code: 2, stdout: '', stderr: 'territory: report needs -o FILE (or -o - for standard output)\n' });
        expect(await territory(['report', 'examples/oriental', '-o', '-', '--view', 'Nowhere'], root)).toMatchObject({
            code: 2,
            stdout: '',
            stderr: "territory: no view named 'Nowhere' in the model (views: CooperativesFeminines, EauBasseMoulouya, RegionEntiere, ReseauAgenceOriental, StatutSociometrique, TensionsJerada)\n"
        });
        expect(await territory(['report', 'examples/tutorial', '-o', '-', '--lang', 'de'], root))
            .toMatchObject({ code: 2, stderr: "territory: --lang must be en or fr, not 'de'\n" });
        expect(await territory(['report', 'examples/tutorial', '-o', '-', '--top', 'all'], root))
            .toMatchObject({ code: 2, stderr: "territory: --top takes a whole number, not 'all'\n" });
        expect(await territory(['report', 'examples/tutorial', '-o', join(work, 'no/such/folder/report.html')], root))
            .toMatchObject({ code: 2, stderr: expect.stringMatching(/^territory: .*report\.html: cannot be written \(ENOENT\)\n$/) });
    });

    test('writes the file, the same bytes as -o -, the same on every run', async () => {
        const file = join(work, 'oriental.html');
        const written = await territory(['report', 'examples/oriental', '-o', file], root);
        expect(written.code).toBe(0);
        expect(written.stdout).toBe('');
        expect(written.stderr).toMatch(/: 173 actors, 519 ties, 2 overdue commitments\n$/);
        const html = await readFile(file, 'utf8');
        const again = await territory(['report', 'examples/oriental', '-o', '-', '--quiet'], root);
        expect(again).toMatchObject({ code: 0, stderr: '' });
        expect(again.stdout).toBe(html);
        // Nothing from the machine or the clock: only the model's asOf date.
        expect(html).not.toContain(root);
        expect(html).toContain('Situation as of 30 November 2023');
    });

    test('one self-contained page: every section, the sociogram inline, no script, no external resource', async () => {
        const { stdout: html } = await territory(['report', 'examples/oriental', '-o', '-'], root);
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        for (const id of SECTIONS) expect(html).toContain(`id="${id}"`);
        expect(html).toContain('<h1 dir="auto">Région de l&#39;Oriental — جهة الشرق</h1>');
        expect(html.match(/<svg[^>]*class="sociogram"/g)).toHaveLength(1);
        expect(html.match(/<g class="node"[^>]*data-actor=/g)).toHaveLength(173);
        expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\((?!#)|src=/i);
        expect(html).not.toMatch(/(href|src)="(https?:)?\/\//);
        // The overdue commitments, highlighted and counted at the top.
        expect(html.match(/<tr class="commitment overdue" data-commitment="[^"]+"/g)?.map(row => row.replace(/.*data-commitment="([^"]+)"/, '$1')))
            .toEqual(['CharteEauBasseMoulouya.CompteursForages', 'PacteReconversionJerada.LotsViabilises']);
        expect(html).toMatch(/<div class="figure-card alert" data-figure="overdue"><dt>Overdue commitments<\/dt><dd><span class="value">2<\/span>/);
    });

    test('--title, --view and --lang fr', async () => {
        const run = await territory(['report', 'examples/oriental', '-o', '-', '--lang', 'fr', '--view', 'TensionsJerada', '--title', 'Jerada — bilan'], root);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('<html lang="fr">');
        expect(run.stdout).toContain('<h1 dir="auto">Jerada — bilan</h1>');
        for (const heading of ['Opportunités de synergie', 'Intermédiaires', 'Acteurs isolés', 'Communautés', 'Passerelles', 'Engagements', 'Situation au 30 novembre 2023']) {
            expect(run.stdout).toContain(heading);
        }
        expect(run.stdout).toContain('Vue : <bdi>Jerada : fermeture des puits et reconversion</bdi>');
        // The view's actors only, coloured by stance.
        const shown = run.stdout.match(/<g class="node"[^>]*data-actor=/g)?.length ?? 0;
        expect(shown).toBeGreaterThan(5);
        expect(shown).toBeLessThan(173);
    });

    test('above 800 actors, the aggregated picture (one node per community)', async () => {
        const big = join(work, 'big');
        await mkdir(big);
        const lines = ['territory Big "Grand territoire" { asOf 2024-01-01 }', 'interest W "Water"'];
        for (let z = 0; z < 10; z++) lines.push(`zone Z${z} "Zone ${z}" in Big`);
        for (let i = 0; i < 820; i++) lines.push(`actor A${i} "Acteur ${i}" { zone Z${i % 10} supports W ${1 + (i % 4)} }`);
        for (let i = 0; i < 820; i++) lines.push(`tie A${i} -- A${(i + 10) % 820} collaboration`, `tie A${i} -> A${(i + 1) % 820} information`);
        await writeFile(join(big, 'big.territory'), lines.join('\n') + '\n');
        const run = await territory(['report', big, '-o', '-'], root);
        expect(run.code).toBe(0);
        expect(run.stdout).not.toMatch(/<g class="node"[^>]*data-actor=/);
        expect(run.stdout.match(/<g class="node group-node"/g)?.length).toBeGreaterThan(1);
        expect(run.stdout).toContain('With 820 actors, the picture shows one circle per community');
    }, 60_000);
});

describe.skipIf(!!skipReason)('territory report in headless Chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run']
        });
    });

    afterAll(async () => {
        await browser?.close();
    });

    /** Opens a file, recording every request the page makes. */
    async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const requests: string[] = [];
        const errors: string[] = [];
        page.on('request', request => requests.push(request.url()));
        page.on('pageerror', error => errors.push(error.message));
        page.on('console', message => errors.push(`console: ${message.text()}`));
        await page.goto(`file://${file}`, { waitUntil: 'load' });
        return { page, requests, errors };
    }

    test('the Oriental report: no request but the file, the SVG renders, every section, overdue rows highlighted, ≥ 2 A4 pages', async () => {
        const file = join(work, 'oriental-browser.html');
        expect((await territory(['report', 'examples/oriental', '-o', file], root)).code).toBe(0);
        const metrics = JSON.parse((await territory(['metrics', 'examples/oriental'], root)).stdout);
        const { page, requests, errors } = await open(file);
        try {
            expect(requests).toEqual([`file://${file}`]);
            expect(errors).toEqual([]);
            // The sociogram: one node per actor, drawn with a real size.
            expect(await page.locator('svg.sociogram g.node[data-actor]').count()).toBe(metrics.network.actors);
            const box = await page.locator('svg.sociogram').boundingBox();
            expect(box!.width).toBeGreaterThan(600);
            expect(box!.height).toBeGreaterThan(300);
            const node = await page.locator('svg.sociogram g.node[data-actor="ConseilRegionalOriental"] circle').boundingBox();
            expect(node!.width).toBeGreaterThan(1);
            // Every section is there and visible, with its heading.
            for (const id of SECTIONS) {
                await expect.poll(() => page.locator(`section#${id}`).isVisible()).toBe(true);
                expect(await page.locator(`section#${id} h2`).first().textContent()).not.toBe('');
            }
            expect(await page.locator('#brokers tbody tr').count()).toBe(10);
            expect(await page.locator('#isolates table.isolates-table tbody tr').count()).toBe(metrics.network.isolates.length);
            expect(await page.locator('#opportunities tbody tr').count()).toBe(20);
            // The overdue commitments: a class, and a colour that differs from the other rows.
            const overdue = page.locator('#commitments tr.overdue');
            expect(await overdue.count()).toBe(metrics.commitments.overdue.length);
            const background = (selector: string) => page.locator(selector).first().evaluate(row => getComputedStyle(row.querySelector('td')!).backgroundColor);
            expect(await background('#commitments tr.overdue')).not.toBe(await background('#commitments tr.commitment:not(.overdue)'));
            expect(await page.locator('[data-figure="overdue"] .value').textContent()).toBe('2');
            // Label cells take their direction from their own text (French and Arabic titles).
            expect(await page.locator('#brokers tbody td[dir="auto"]').count()).toBe(10);
            expect(await page.locator('#communities .members li[dir="auto"]').count()).toBe(metrics.network.actors - metrics.network.isolates.length);
            // Printing: A4 pages, the sociogram within the page width, the contents hidden.
            await page.emulateMedia({ media: 'print' });
            expect(await page.locator('nav.contents').isVisible()).toBe(false);
            const printed = await page.locator('svg.sociogram').boundingBox();
            expect(printed!.width).toBeLessThanOrEqual(await page.evaluate(() => document.documentElement.clientWidth));
            const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
            expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
            const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
            expect(pages).toBeGreaterThanOrEqual(2);
        } finally {
            await page.close();
        }
    }, 90_000);

    test('model text is text: an actor labelled <img onerror> renders as text and nothing runs', async () => {
        const file = join(work, 'hostile.html');
        const run = await territory(['report', hostile, '-o', file, '--view', 'Local'], root);
        expect(run.code).toBe(0);
        const { page, requests, errors } = await open(file);
        try {
            expect(requests).toEqual([`file://${file}`]);
            expect(errors).toEqual([]);
            expect(await page.title()).toBe(`Territoire <script>document.title='pwned'</script> — 15 January 2024`);
            expect(await page.locator('img').count()).toBe(0);
            expect(await page.locator('script').count()).toBe(0);
            expect(await page.locator('b, i, u').count()).toBe(0);
            expect(await page.locator('h1').textContent()).toBe(`Territoire <script>document.title='pwned'</script>`);
            // The label shows as written wherever the actor appears: tables, lists, the picture.
            await expect.poll(() => page.getByText(EVIL_LABEL, { exact: true }).count()).toBeGreaterThan(1);
            expect(await page.locator('svg.sociogram g.node[data-actor="Evil"] text').textContent()).toBe(truncated(EVIL_LABEL));
            expect(await page.locator('svg.sociogram g.node[data-actor="Evil"] title').textContent()).toContain(EVIL_LABEL);
            expect(await page.locator('#commitments tr.overdue td').first().textContent()).toContain(`Do <img src=y onerror="document.title='pwned'"> now`);
            expect(await page.locator('#opportunities tbody tr').count()).toBeGreaterThan(0);
            expect(await page.locator('#tensions tbody tr').count()).toBe(2);
            expect(await page.locator('#bridges tbody tr').count()).toBe(1);
            // The Arabic-only actor reads right to left.
            const cell = page.locator('#opportunities td.pair div', { hasText: 'جمعية النور' }).first();
            expect(await cell.evaluate(div => getComputedStyle(div).direction)).toBe('rtl');
            // Give any handler a chance to run: the title stays the same.
            await page.waitForTimeout(200);
            expect(await page.title()).not.toBe('pwned');
        } finally {
            await page.close();
        }
    }, 60_000);
});

/** The renderer's label: 28 characters at most, then "…". */
function truncated(label: string): string {
    const chars = Array.from(label);
    return chars.length <= 28 ? label : `${chars.slice(0, 27).join('').trimEnd()}…`;
}
