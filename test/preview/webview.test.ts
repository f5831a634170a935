// The sociogram preview webview in headless Chromium, outside VS Code: the built bundle
// (out/preview/preview.js) and styles load in a harness page under the panel host's CSP,
// with a stub acquireVsCodeApi recording what the preview posts. Updates are built from real
// models with the sociogram package, as the language server builds them.
//
//   npx vitest run test/preview
//
// Skipped (with a message) only when Chromium is missing and CI is not set. Screenshots of the
// light, dark and high-contrast themes go to test-results/preview/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { truncate } from '@territory/sociogram';
import type { FromPreview, ToPreview } from '../../packages/preview/src/protocol.js';
import { FRENCH, HarnessServer, REPO_ROOT, buildModel, buildUpdate, ensureBundle, positionsOf, readFolder, type Built, type HarnessPage, type ThemeName } from './harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const IN_CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());
const skipReason = !IN_CI && !existsSync(CHROMIUM) ? `Chromium not found at ${CHROMIUM} (run scripts/setup.sh)` : undefined;
if (skipReason) console.warn(`[preview] SKIPPED webview.test.ts: ${skipReason}`);

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'preview');

const IMG_LABEL = `<img src=x onerror="document.title='pwned'">`;
const SCRIPT_LABEL = `</svg><script>document.title='pwned'</script>`;
const ARABIC_LABEL = 'جمعية النور للتنمية';

const MODEL = String.raw`
territory T "Test territory"
zone Berkane "Province de Berkane" in T {
  zone Saidia "Commune de Saïdia"
}
zone Nador "Province de Nador" in T
interest Water "Water for the orchards"
interest Jobs "Jobs for young people"
actor AssocAmal "Association Amal" {
  kind association
  zone Saidia
  supports Water 3
  supports Jobs 2
}
actor CoopArgan "Coopérative Argan" {
  kind cooperative
  zone Berkane
  supports Water 2
}
actor CommuneSaidia "Commune de Saïdia" {
  kind elected
  zone Saidia
  supports Jobs 3
}
actor JeunesNador "Jeunes de Nador" {
  kind youth
  zone Nador
  supports Jobs 4
}
actor AgenceEau "Agence de l'eau" {
  kind agency
  zone Berkane
  supports Water 3
}
actor جمعية_النور "${ARABIC_LABEL}" {
  kind association
  zone Nador
  supports Water 2
  supports Jobs 1
}
actor Pwn1 "<img src=x onerror=\"document.title='pwned'\">" {
  kind ngo
  zone Nador
  supports Jobs 1
}
actor Pwn2 "</svg><script>document.title='pwned'</script>" {
  kind ngo
  zone Nador
}
tie AssocAmal -- CoopArgan collaboration 3
tie AssocAmal -> CommuneSaidia advice
tie CommuneSaidia -- JeunesNador collaboration 2
tie AgenceEau -> CoopArgan funding 2
tie AgenceEau -> AssocAmal funding 1
tie JeunesNador -- Pwn1 trust
tie Pwn2 -> CommuneSaidia information
tie CommuneSaidia -- AgenceEau conflict 2
tie جمعية_النور -- JeunesNador collaboration
tie جمعية_النور -- AssocAmal trust 2
`;

const NEWCOMER = `
actor Newcomer "Newcomer" {
  kind youth
  zone Nador
}
tie Newcomer -- JeunesNador collaboration
`;

type Posted = FromPreview.Message;

describe.skipIf(!!skipReason)('the preview webview in Chromium', () => {
    let browser: Browser;
    let server: HarnessServer;
    let built: Built;
    let first: ToPreview.Update;
    let second: ToPreview.Update;
    let page: Page;
    const pageErrors: string[] = [];
    const timings: Record<string, number> = {};

    beforeAll(async () => {
        let t0 = performance.now();
        ensureBundle();
        timings.bundle = performance.now() - t0;
        t0 = performance.now();
        built = await buildModel({ 'model.territory': MODEL });
        first = await buildUpdate(built, { title: 'Test territory' });
        const edited = await buildModel({ 'model.territory': MODEL + NEWCOMER });
        second = await buildUpdate(edited, { title: 'Test territory', previous: positionsOf(first.graph) });
        timings.updates = performance.now() - t0;
        t0 = performance.now();
        server = await HarnessServer.start();
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run']
        });
        timings.launch = performance.now() - t0;
        mkdirSync(SCREENSHOTS, { recursive: true });
    });

    afterAll(async () => {
        await browser?.close();
        await server?.close();
        console.log(`[preview] timings (ms): ${Object.entries(timings).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
    });

    async function open(options: HarnessPage = {}, viewport = { width: 1100, height: 720 }): Promise<Page> {
        const p = await browser.newPage({ viewport });
        p.on('pageerror', error => pageErrors.push(error.message));
        p.on('console', message => {
            if (message.type() === 'error') pageErrors.push(message.text());
        });
        await p.goto(server.page(options));
        await p.waitForFunction(() => (window as any).__posted?.some((m: Posted) => m.type === 'ready'));
        return p;
    }

    async function send(p: Page, message: ToPreview.Message): Promise<number> {
        // Dispatched as the webview receives it; the handler runs synchronously, so this is its time.
        return p.evaluate(data => {
            const t0 = performance.now();
            window.dispatchEvent(new MessageEvent('message', { data }));
            return performance.now() - t0;
        }, message);
    }

    const posted = (p: Page): Promise<Posted[]> => p.evaluate(() => (window as any).__posted);
    const transformOf = (p: Page): Promise<string | null> => p.locator('svg.sociogram > g.viewport').getAttribute('transform');

    it('says ready, then draws one node per actor and one edge per tie, with their hooks', async () => {
        page = await open();
        expect((await posted(page))[0]).toEqual({ type: 'ready' });
        timings.firstDraw = await send(page, first);
        const actors = await page.locator('svg.sociogram g.node').evaluateAll(nodes => nodes.map(n => n.getAttribute('data-actor')));
        expect(actors).toHaveLength(first.graph.nodes.length);
        expect(new Set(actors)).toEqual(new Set(first.graph.nodes.map(n => n.id)));
        const ties = await page.locator('svg.sociogram line.edge').evaluateAll(edges => edges.map(e => e.getAttribute('data-tie')));
        expect(ties).toHaveLength(first.graph.edges.length);
        expect(new Set(ties)).toEqual(new Set(first.graph.edges.map(e => e.id)));
        expect(await page.locator('svg.sociogram line.opportunity').count()).toBe(first.opportunities.length);
        expect(first.opportunities.length).toBeGreaterThan(0);
        // The first update frames the picture.
        expect(await transformOf(page)).toMatch(/^translate\(.+\) scale\(.+\)$/);
        await expect.poll(() => page.locator('.status').textContent()).toContain('Laid out (clusters)');
        expect(await page.locator('.legend-box').isVisible()).toBe(true);
        expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    });

    it('shows model text as text: labels with markup run nothing', async () => {
        const labelOf = (actor: string) => page.locator(`g.node[data-actor="${actor}"] text`).textContent();
        expect(await labelOf('Pwn1')).toBe(truncate(IMG_LABEL, 28));
        expect(await labelOf('Pwn2')).toBe(truncate(SCRIPT_LABEL, 28));
        expect(await page.locator('g.node[data-actor="Pwn1"]').getAttribute('aria-label')).toBe(`${IMG_LABEL} (Pwn1)`);
        // The hover card shows the full label, as text.
        await page.locator('g.node[data-actor="Pwn2"] circle').hover();
        await expect.poll(() => page.locator('.tooltip-title').textContent()).toBe(SCRIPT_LABEL);
        expect(await page.locator('.tooltip').isVisible()).toBe(true);
        await page.locator('g.node[data-actor="Pwn1"] circle').hover();
        await expect.poll(() => page.locator('.tooltip-title').textContent()).toBe(IMG_LABEL);
        // Nothing ran, nothing was parsed as markup.
        await page.waitForTimeout(100);
        expect(await page.title()).toBe('Territory harness');
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.locator('script').count()).toBe(2);
        expect(await page.evaluate(() => document.querySelectorAll('svg svg, svg script, foreignObject').length)).toBe(0);
    });

    it('draws Arabic labels right to left', async () => {
        const text = page.locator('g.node[data-actor="جمعية_النور"] text');
        expect(await text.textContent()).toBe(ARABIC_LABEL);
        const layout = await text.evaluate((element: SVGTextElement) => {
            const box = element.getBBox();
            const n = element.getNumberOfChars();
            return {
                direction: getComputedStyle(element).direction,
                bidi: getComputedStyle(element).unicodeBidi,
                width: box.width,
                height: box.height,
                // In right-to-left text the first letter is the rightmost one.
                firstX: element.getStartPositionOfChar(0).x,
                lastX: element.getStartPositionOfChar(n - 1).x
            };
        });
        expect(layout.direction).toBe('rtl');
        expect(layout.bidi).toBe('plaintext');
        expect(layout.width).toBeGreaterThan(40);
        expect(layout.width).toBeLessThan(400);
        expect(layout.height).toBeGreaterThan(5);
        expect(layout.firstX).toBeGreaterThan(layout.lastX);
    });

    it('clicking an actor reveals it and highlights its ego network; Escape clears', async () => {
        const before = (await posted(page)).length;
        await page.locator('g.node[data-actor="AssocAmal"] circle').click();
        const after = (await posted(page)).slice(before);
        expect(after).toEqual([{ type: 'reveal', actor: 'AssocAmal' }]);
        expect(await page.locator('g.node.selected').getAttribute('data-actor')).toBe('AssocAmal');
        const neighbours = await page.locator('g.node.neighbour').evaluateAll(nodes => nodes.map(n => n.getAttribute('data-actor')).sort());
        expect(neighbours).toEqual(['AgenceEau', 'CoopArgan', 'CommuneSaidia', 'جمعية_النور'].sort());
        const ego = await page.locator('line.edge.ego').count();
        expect(ego).toBe(first.graph.edges.filter(e => e.source === 'AssocAmal' || e.target === 'AssocAmal').length);
        const opacity = (actor: string) => page.locator(`g.node[data-actor="${actor}"]`).evaluate(n => Number(getComputedStyle(n).opacity));
        await expect.poll(() => opacity('Pwn2')).toBeLessThan(0.5);
        expect(await opacity('CoopArgan')).toBe(1);
        expect(await page.evaluate(() => (window as any).__state.selected)).toBe('AssocAmal');
        await page.keyboard.press('Escape');
        expect(await page.locator('g.node.selected').count()).toBe(0);
    });

    it('searches names and labels without case or accents; Enter centres the match', async () => {
        await page.locator('.search-input').fill('SAIDIA');
        const matches = await page.locator('g.node.match').evaluateAll(nodes => nodes.map(n => n.getAttribute('data-actor')));
        expect(matches).toEqual(['CommuneSaidia']);
        expect(await page.locator('.search-count').textContent()).toBe('1');
        await expect.poll(() => page.locator('g.node[data-actor="CoopArgan"]').evaluate(n => Number(getComputedStyle(n).opacity))).toBeLessThan(0.5);
        const ring = await page.locator('g.node[data-actor="CommuneSaidia"] circle').evaluate(c => getComputedStyle(c).strokeWidth);
        expect(parseFloat(ring)).toBeGreaterThanOrEqual(3);
        await page.locator('.search-input').press('Enter');
        const centre = await page.evaluate(() => {
            const node = document.querySelector('g.node[data-actor="CommuneSaidia"] circle')!.getBoundingClientRect();
            const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
            return { dx: node.x + node.width / 2 - (canvas.x + canvas.width / 2), dy: node.y + node.height / 2 - (canvas.y + canvas.height / 2) };
        });
        expect(Math.abs(centre.dx)).toBeLessThan(2);
        expect(Math.abs(centre.dy)).toBeLessThan(2);
        await page.locator('.search-input').fill('النور');
        expect(await page.locator('g.node.match').getAttribute('data-actor')).toBe('جمعية_النور');
        await page.locator('.search-input').fill('');
        expect(await page.locator('g.node.match').count()).toBe(0);
    });

    it('a relation filter hides that relation\'s edges, without a new layout', async () => {
        const transform = await transformOf(page);
        await page.locator('.filters-toggle').click();
        expect(await page.locator('.filters').isVisible()).toBe(true);
        const layoutsAsked = (await posted(page)).filter(m => m.type === 'layout').length;
        await page.locator('fieldset[data-facet="relations"] input[value="collaboration"]').uncheck();
        const display = (selector: string) => page.locator(selector).evaluateAll(lines => lines.map(l => getComputedStyle(l).display));
        const hidden = await display('line.edge[data-relation="collaboration"]');
        expect(hidden.length).toBeGreaterThan(0);
        expect(hidden.every(d => d === 'none')).toBe(true);
        expect((await display('line.edge:not([data-relation="collaboration"])')).every(d => d !== 'none')).toBe(true);
        expect(await page.locator('g.node').evaluateAll(nodes => nodes.every(n => getComputedStyle(n).display !== 'none'))).toBe(true);
        expect((await posted(page)).filter(m => m.type === 'layout').length).toBe(layoutsAsked);
        expect(await transformOf(page)).toBe(transform);
        // A kind filter hides actors, and their ties with them.
        await page.locator('fieldset[data-facet="kinds"] input[value="ngo"]').uncheck();
        expect(await page.locator('g.node[data-actor="Pwn1"]').evaluate(n => getComputedStyle(n).display)).toBe('none');
        expect(await page.locator('line.edge[data-tie="Pwn2|information|CommuneSaidia"]').evaluate(n => getComputedStyle(n).display)).toBe('none');
        expect(await page.evaluate(() => (window as any).__state.hidden)).toMatchObject({ relations: ['collaboration'], kinds: ['ngo'] });
        // The minimum weight hides lighter ties.
        await page.locator('.weight-slider').fill('2');
        const shownWeights = await page.locator('line.edge').evaluateAll(lines => lines.filter(l => getComputedStyle(l).display !== 'none').map(l => Number(l.getAttribute('data-weight'))));
        expect(shownWeights.length).toBeGreaterThan(0);
        expect(shownWeights.every(w => w >= 2)).toBe(true);
        await page.locator('.weight-slider').fill('0');
        // The synergy overlay is on by default, and can be switched off.
        const dotted = () => page.locator('line.opportunity').evaluateAll(lines => lines.filter(l => getComputedStyle(l).display !== 'none').length);
        expect(await dotted()).toBeGreaterThan(0);
        await page.locator('.opportunities-toggle input').uncheck();
        expect(await dotted()).toBe(0);
        await page.locator('.opportunities-toggle input').check();
        expect(await dotted()).toBeGreaterThan(0);
    });

    it('exports an SVG that parses, holds the visible nodes and leaves out the filtered ones', async () => {
        const before = (await posted(page)).length;
        await page.locator('.export-svg').click();
        const message = (await posted(page)).slice(before).find(m => m.type === 'export') as FromPreview.Export;
        expect(message.format).toBe('svg');
        const parsed = await page.evaluate(text => {
            const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
            return {
                errors: doc.getElementsByTagName('parsererror').length,
                root: doc.documentElement.localName,
                actors: Array.from(doc.querySelectorAll('g.node')).map(n => n.getAttribute('data-actor')),
                relations: [...new Set(Array.from(doc.querySelectorAll('line.edge')).map(e => e.getAttribute('data-relation')))],
                legend: doc.querySelectorAll('g.legend').length,
                viewport: doc.querySelectorAll('g.viewport').length,
                arabic: doc.querySelector('g.node[data-actor="جمعية_النور"] text')?.textContent
            };
        }, message.data);
        expect(parsed.errors).toBe(0);
        expect(parsed.root).toBe('svg');
        expect(new Set(parsed.actors)).toEqual(new Set(first.graph.nodes.filter(n => n.kind !== 'ngo').map(n => n.id)));
        expect(parsed.relations).not.toContain('collaboration');
        expect(parsed.relations.length).toBeGreaterThan(0);
        expect(parsed.legend).toBe(1);
        expect(parsed.viewport).toBe(0);
        expect(parsed.arabic).toBe(ARABIC_LABEL);
        expect(message.data).not.toContain('<script');
    });

    it('exports a PNG drawn from that SVG', async () => {
        const before = (await posted(page)).length;
        const t0 = performance.now();
        await page.locator('.export-png').click();
        await page.waitForFunction(n => (window as any).__posted.length > n, before);
        timings.png = performance.now() - t0;
        const message = (await posted(page)).slice(before)[0] as FromPreview.Export;
        expect(message).toMatchObject({ type: 'export', format: 'png' });
        expect(message.data).toMatch(/^data:image\/png;base64,/);
        const size = await page.evaluate(url => new Promise<{ width: number; height: number }>((done, fail) => {
            const image = new Image();
            image.onload = () => done({ width: image.naturalWidth, height: image.naturalHeight });
            image.onerror = () => fail(new Error('PNG does not load'));
            image.src = url;
        }), message.data);
        expect(size.width).toBeGreaterThan(300);
        expect(size.height).toBeGreaterThan(100);
        expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
        // The export commands ask the webview for the picture.
        const count = (await posted(page)).length;
        await send(page, { type: 'export', format: 'svg' });
        expect((await posted(page)).slice(count)).toMatchObject([{ type: 'export', format: 'svg' }]);
        // Filters back on for what follows.
        await page.locator('fieldset[data-facet="relations"] .show-all').click();
        await page.locator('fieldset[data-facet="kinds"] .show-all').click();
        expect(await page.locator('.sociogram .is-hidden:not(.opportunity)').count()).toBe(0);
    });

    it('zooms with the wheel and the buttons, pans by dragging the background, reaches nodes by keyboard', async () => {
        const scale = async () => Number((await transformOf(page))!.match(/scale\(([^)]+)\)/)![1]);
        const translate = async () => (await transformOf(page))!.match(/translate\(([^)]+)\)/)![1];
        const k0 = await scale();
        await page.locator('.zoom-in').click();
        expect(await scale()).toBeCloseTo(k0 * 1.25, 3);
        await page.locator('.zoom-out').click();
        expect(await scale()).toBeCloseTo(k0, 3);
        // A background point: the canvas corner away from the legend.
        const corner = await page.evaluate(() => {
            const box = document.querySelector('.canvas')!.getBoundingClientRect();
            return { x: box.right - 30, y: box.top + 30 };
        });
        expect(await page.evaluate(({ x, y }) => !document.elementFromPoint(x, y)?.closest('g.node'), corner)).toBe(true);
        await page.mouse.move(corner.x, corner.y);
        await page.mouse.wheel(0, -240);
        await expect.poll(scale).toBeGreaterThan(k0 * 1.2);
        const before = await translate();
        const posts = (await posted(page)).length;
        await page.mouse.down();
        await page.mouse.move(corner.x - 80, corner.y + 50, { steps: 5 });
        await page.mouse.up();
        expect(await translate()).not.toBe(before);
        expect((await posted(page)).length).toBe(posts);
        expect((await page.evaluate(() => (window as any).__state.transform)).k).toBeCloseTo(await scale(), 3);
        await page.locator('.fit').click();
        expect(await scale()).toBeCloseTo(k0, 3);
        // Keyboard: a node takes the focus, shows its card, and Enter reveals it.
        await page.locator('g.node[data-actor="CoopArgan"]').focus();
        await expect.poll(() => page.locator('.tooltip-title').textContent()).toBe('Coopérative Argan');
        await page.keyboard.press('Enter');
        expect((await posted(page)).at(-1)).toEqual({ type: 'reveal', actor: 'CoopArgan' });
        await page.keyboard.press('Escape');
        expect(await page.locator('g.node.selected').count()).toBe(0);
    });

    it('a second update (one more actor) keeps the zoom, pan and selection', async () => {
        await page.locator('.zoom-in').click();
        await page.locator('.zoom-in').click();
        await page.locator('.canvas').focus();
        await page.keyboard.press('ArrowLeft');
        await page.locator('g.node[data-actor="JeunesNador"] circle').click();
        const transform = await transformOf(page);
        timings.secondDraw = await send(page, second);
        expect(await page.locator('g.node').count()).toBe(first.graph.nodes.length + 1);
        expect(await page.locator('g.node[data-actor="Newcomer"]').count()).toBe(1);
        expect(await page.locator('line.edge').count()).toBe(second.graph.edges.length);
        expect(await transformOf(page)).toBe(transform);
        expect(await page.locator('g.node.selected').getAttribute('data-actor')).toBe('JeunesNador');
        expect(await page.locator('g.node[data-actor="Newcomer"]').getAttribute('class')).toContain('neighbour');
    });

    it('a select message selects and centres an actor; a revived panel comes back as it was', async () => {
        await send(page, { type: 'select', actor: 'AgenceEau' });
        expect(await page.locator('g.node.selected').getAttribute('data-actor')).toBe('AgenceEau');
        const transform = await transformOf(page);
        const state = await page.evaluate(() => (window as any).__state);
        const revived = await open({ state });
        await send(revived, second);
        expect(await transformOf(revived)).toBe(transform);
        expect(await revived.locator('g.node.selected').getAttribute('data-actor')).toBe('AgenceEau');
        await revived.close();
    });

    it('the theme follows VS Code: colours from its variables, redrawn when it changes', async () => {
        const fill = () => page.locator('g.node[data-actor="AssocAmal"] text').getAttribute('fill');
        expect(await fill()).toBe('#3b3b3b');
        await page.evaluate(async vars => {
            for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(`--vscode-${name}`, value);
            document.body.className = 'vscode-dark';
        }, (await import('./harness.js')).THEMES.dark.vars);
        await expect.poll(fill).toBe('#cccccc');
        expect(await page.locator('g.node').count()).toBe(second.graph.nodes.length);
        expect(await page.locator('g.node.selected').getAttribute('data-actor')).toBe('AgenceEau');
        await page.close();
    });

    it('a group node drills down; back, layout and the layout note go to and from the extension', async () => {
        const p = await open();
        const grouped = await buildUpdate(built, { aggregateBy: 'zone', title: 'Test territory' });
        await send(p, grouped);
        const group = grouped.graph.nodes[0].id;
        expect(await p.locator('g.node.group-node').count()).toBe(grouped.graph.nodes.length);
        await p.locator(`g.node[data-group="${group}"] circle`).click();
        expect((await posted(p)).at(-1)).toEqual({ type: 'drill', group });
        expect(await p.locator('.back').isVisible()).toBe(false);
        const drilled = await buildUpdate(built, { spec: { zones: ['Nador'] }, algorithm: 'stress', title: 'Test — zone Nador', drilled: true });
        drilled.graph = { ...drilled.graph, layout: { ...drilled.graph.layout, note: 'stress takes seconds above 50 actors; showing clusters.' } };
        drilled.layouts = drilled.layouts.map(l => (l.algorithm === 'force' ? { ...l, usable: false, reason: 'force takes seconds above 60 actors' } : l));
        await send(p, drilled);
        expect(await p.locator('.back').isVisible()).toBe(true);
        expect(await p.locator('.notice').textContent()).toContain('stress takes seconds');
        expect(await p.locator('.layout-select option[value="force"]').getAttribute('title')).toBe('force takes seconds above 60 actors');
        expect(await p.locator('.layout-select option[value="force"]').isDisabled()).toBe(true);
        await p.locator('.back').click();
        expect((await posted(p)).at(-1)).toEqual({ type: 'back' });
        await p.locator('.layout-select').selectOption('radial');
        expect((await posted(p)).at(-1)).toEqual({ type: 'layout', algorithm: 'radial' });
        expect(await p.locator('.status').textContent()).toBe('Laying out the sociogram…');
        await send(p, { type: 'progress', message: 'Laying out 12 actors…' });
        expect(await p.locator('.status').textContent()).toBe('Laying out 12 actors…');
        await p.close();
    });

    it('draws the Oriental example quickly; screenshots in light, dark and high contrast', async () => {
        let t0 = performance.now();
        const oriental = await buildModel(readFolder(join(REPO_ROOT, 'examples', 'oriental')));
        const update = await buildUpdate(oriental, { title: 'Région de l\'Oriental', spec: { sizeBy: 'betweenness' } });
        timings.orientalLayout = performance.now() - t0;
        const tutorial = await buildUpdate(await buildModel(readFolder(join(REPO_ROOT, 'examples', 'tutorial'))), { title: 'Massif des Beni Snassen' });
        const grouped = await buildUpdate(oriental, { title: 'Région de l\'Oriental', aggregateBy: 'zone', spec: { colorBy: { kind: 'zone' } } });
        const hub = [...update.graph.nodes].sort((a, b) => b.radius - a.radius)[0].id;
        const shots: Array<{ theme: ThemeName; message: ToPreview.Update; name: string; filters?: boolean; act?: (p: Page) => Promise<void> }> = [
            { theme: 'light', message: update, name: 'oriental-light' },
            { theme: 'dark', message: { ...update, strings: FRENCH }, name: 'oriental-dark-fr', filters: true },
            { theme: 'light', message: update, name: 'oriental-selected', act: p => p.locator(`g.node[data-actor="${hub}"] circle`).click() },
            { theme: 'dark', message: update, name: 'oriental-search-zoomed', act: async p => {
                await p.locator('.search-input').fill('cooperative');
                await p.locator('.search-input').press('Enter');
                for (let i = 0; i < 4; i++) await p.locator('.zoom-in').click();
            } },
            { theme: 'light', message: grouped, name: 'oriental-zones-light' },
            { theme: 'light', message: tutorial, name: 'tutorial-light', filters: true },
            { theme: 'dark', message: tutorial, name: 'tutorial-dark' },
            { theme: 'high-contrast', message: tutorial, name: 'tutorial-high-contrast' }
        ];
        for (const { theme, message, name, filters, act } of shots) {
            const p = await open({ theme }, { width: 1280, height: 800 });
            const drawn = await send(p, message);
            if (name === 'oriental-light') timings.orientalDraw = drawn;
            expect(await p.locator('g.node').count()).toBe(message.graph.nodes.length);
            if (filters) await p.locator('.filters-toggle').click();
            if (name === 'oriental-light' || name === 'tutorial-light') {
                // The exported pictures, for a look: what a coach saves.
                for (const format of ['svg', 'png'] as const) {
                    const count = (await posted(p)).length;
                    await send(p, { type: 'export', format });
                    await p.waitForFunction(n => (window as any).__posted.length > n, count);
                    const { data } = (await posted(p)).at(-1) as FromPreview.Export;
                    writeFileSync(join(SCREENSHOTS, `${name}-export.${format}`), format === 'svg' ? data : Buffer.from(data.split(',')[1], 'base64'));
                }
            }
            if (act) await act(p);
            else {
                const hovered = message.graph.nodes.find(n => n.label.includes('جمعية')) ?? message.graph.nodes[0];
                await p.locator(`g.node[data-${message.graph.aggregated ? 'group' : 'actor'}="${hovered.id}"] circle`).hover();
            }
            await p.waitForTimeout(200);
            await p.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
            expect(await p.evaluate(() => (window as any).__violations)).toEqual([]);
            await p.close();
        }
        expect(pageErrors).toEqual([]);
    }, 120_000); // a model of 173 actors and three screenshots: slow on a loaded machine
});
