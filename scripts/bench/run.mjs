#!/usr/bin/env node
// The benchmark harness of issue 6: drives the REAL language server (out/server.cjs) over
// stdio with a plain JSON-RPC client, and the real CLI, on generated workspaces.
//   npm run bench [-- --sizes S,M] [--runs 3] [--edits 20] [--no-doc]
// Writes docs/performance.md (unless --no-doc) and prints a summary table.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { generate, SIZES } from '../generate-territory.mjs';
import { LspClient } from './lsp-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = path.join(root, 'out/server.cjs');
const CLI = path.join(root, 'packages/cli/bin/territory.cjs');
const DEBOUNCE_MS = 300; // the extension's default (territory.analysis.debounceMs)

const { values } = parseArgs({
    options: {
        sizes: { type: 'string', default: 'S,M' },
        runs: { type: 'string', default: '3' },
        edits: { type: 'string', default: '20' },
        'no-doc': { type: 'boolean', default: false },
        'no-cold': { type: 'boolean', default: false },
        'analysis-timeout': { type: 'string', default: '600' }
    }
});
const sizes = values.sizes.split(',').map(s => s.trim().toUpperCase()).filter(Boolean);
const RUNS = Math.max(1, Number(values.runs));
const EDITS = Math.max(1, Number(values.edits));
const ANALYSIS_TIMEOUT = Number(values['analysis-timeout']) * 1000;
for (const size of sizes) if (!SIZES[size]) { console.error(`unknown size ${size}`); process.exit(2); }
if (!fs.existsSync(SERVER)) { console.error(`${SERVER} is missing: run node scripts/build.mjs`); process.exit(2); }

// ---------------------------------------------------------------- statistics
const sorted = xs => [...xs].sort((a, b) => a - b);
function quantile(xs, q) {
    if (!xs.length) return undefined;
    const s = sorted(xs);
    return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = xs => quantile(xs, 0.5);
/** Temp folders and servers to remove or stop if the harness is interrupted. */
export const cleanups = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        for (const cleanup of cleanups) { try { cleanup(); } catch { /* best effort */ } }
        process.exit(130);
    });
}
const log = message => process.stderr.write(`[bench] ${message}\n`);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

// ---------------------------------------------------------------- workspace
/** Generates the workspace (seed 1) and a `views.territory` with zone views of about 200, 500 and 1,500 actors and an ego view. */
function writeWorkspace(size, dir) {
    const { files } = generate(size, 1);
    const texts = new Map();
    for (const [name, lines] of files) texts.set(name, lines.join('\n') + '\n');
    // Actors per commune zone, and the references of each actor (for the rename).
    const communes = new Map();
    const declaredIn = new Map();
    for (const [name, text] of texts) {
        let current;
        for (const line of text.split('\n')) {
            const actor = /^actor (\w+)/.exec(line);
            if (actor) { current = actor[1]; declaredIn.set(current, name); continue; }
            const zone = /^ {2}zone (\w+)/.exec(line);
            if (zone && current) { communes.set(zone[1], (communes.get(zone[1]) ?? 0) + 1); current = undefined; }
        }
    }
    const views = [];
    const total = [...communes.values()].reduce((a, b) => a + b, 0);
    for (const target of [200, 500, 1500]) {
        if (total < target * 1.2) continue;
        const chosen = [];
        let count = 0;
        for (const [zone, n] of communes) {
            if (count >= target) break;
            chosen.push(zone);
            count += n;
        }
        views.push({ name: `Bench${target}`, target, actors: count, text: `view Bench${target} "About ${target} actors" {\n  include zone ${chosen.join(', ')}\n}` });
    }
    // The hub: the actor named in the most tie lines.
    const mentions = new Map();
    for (const text of texts.values()) {
        for (const match of text.matchAll(/^tie (\w+) \S+ (\w+)/gm)) {
            mentions.set(match[1], (mentions.get(match[1]) ?? 0) + 1);
            mentions.set(match[2], (mentions.get(match[2]) ?? 0) + 1);
        }
    }
    const hub = [...mentions].sort((a, b) => b[1] - a[1])[0][0];
    views.push({ name: 'BenchEgo', target: 'ego', text: `view BenchEgo "Ego of ${hub}" {\n  include ego ${hub} depth 1\n}` });
    texts.set('views.territory', `// Views for the benchmark (scripts/bench/run.mjs).\n\n${views.map(v => v.text).join('\n')}\n`);
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of texts) fs.writeFileSync(path.join(dir, name), text);
    return { texts, views, declaredIn, hub };
}

/** An actor declared in a province file and referenced from the most other files. */
function renameTarget(texts, declaredIn) {
    const counts = new Map();
    for (const [file, text] of texts) {
        const seen = new Set();
        for (const match of text.matchAll(/\b([A-Z][A-Za-z]+\d+)\b/g)) {
            const name = match[1];
            if (!declaredIn.has(name) || declaredIn.get(name) === file || seen.has(name)) continue;
            seen.add(name);
            counts.set(name, (counts.get(name) ?? 0) + 1);
        }
    }
    const [actor] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const file = declaredIn.get(actor);
    const lines = texts.get(file).split('\n');
    const line = lines.findIndex(l => l.startsWith(`actor ${actor} `));
    const others = [...texts].filter(([name, text]) => name !== file && new RegExp(`\\b${actor}\\b`).test(text)).map(([name]) => name);
    return { actor, file, line, others };
}

// ---------------------------------------------------------------- a server session
class Session {
    constructor(dir, texts) {
        this.dir = dir;
        this.texts = texts;
        this.uri = name => pathToFileURL(path.join(dir, name)).toString();
        this.diagnostics = new Map(); // uri -> { at, count, errors }
        this.progress = []; // { token, kind, message, at }
        this.versions = new Map();
    }

    async start() {
        this.t0 = performance.now();
        this.client = new LspClient(SERVER, { analysis: { debounceMs: DEBOUNCE_MS } });
        const client = this.client;
        this.kill = () => client.process.kill('SIGKILL');
        cleanups.add(this.kill);
        this.client.on((message, at) => {
            if (message.method === 'textDocument/publishDiagnostics') {
                const list = message.params.diagnostics ?? [];
                this.diagnostics.set(message.params.uri, { at, count: list.length, errors: list.filter(d => d.severity === 1).length });
            } else if (message.method === '$/progress') {
                this.progress.push({ token: message.params.token, kind: message.params.value.kind, message: message.params.value.message ?? '', at });
            }
        });
        const folder = pathToFileURL(this.dir).toString();
        await this.client.request('initialize', {
            processId: process.pid,
            rootUri: folder,
            workspaceFolders: [{ uri: folder, name: 'bench' }],
            capabilities: {
                window: { workDoneProgress: true },
                workspace: { configuration: true, codeLens: { refreshSupport: true }, workspaceFolders: true },
                textDocument: {
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true } },
                    synchronization: { didSave: true },
                    codeLens: {},
                    publishDiagnostics: {}
                }
            }
        });
        this.client.notify('initialized', {});
    }

    open(name) {
        this.versions.set(name, 1);
        this.client.notify('textDocument/didOpen', { textDocument: { uri: this.uri(name), languageId: 'territory', version: 1, text: this.texts.get(name) } });
    }

    /**
     * Replaces line `line` of `name` with `text` (an incremental change); returns when it was
     * sent (after the harness's own copy of the text is updated: that is not the server's time).
     */
    editLine(name, line, text) {
        const lines = this.texts.get(name).split('\n');
        const old = lines[line];
        lines[line] = text;
        this.texts.set(name, lines.join('\n'));
        const version = this.versions.get(name) + 1;
        this.versions.set(name, version);
        const sent = performance.now();
        this.client.notify('textDocument/didChange', {
            textDocument: { uri: this.uri(name), version },
            contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: old.length } }, text }]
        });
        return sent;
    }

    /** Resolves when every file in `names` has had diagnostics published after `since`; returns the time of the last. */
    async diagnosticsAfter(names, since, timeoutMs) {
        const uris = names.map(this.uri);
        const done = () => uris.every(uri => (this.diagnostics.get(uri)?.at ?? -1) >= since);
        const last = () => Math.max(...uris.map(uri => this.diagnostics.get(uri).at));
        if (done()) return last();
        await this.client.waitFor(() => (done() ? true : undefined), timeoutMs, `diagnostics of ${names.length} files`);
        return last();
    }

    /** The first progress event after `since` matching `test`. */
    async progressAfter(since, test, timeoutMs, what) {
        const found = () => this.progress.find(p => p.at >= since && test(p));
        if (found()) return found();
        await this.client.waitFor(() => (found() ? true : undefined), timeoutMs, what);
        return found();
    }

    /** Whether an analysis is running (begun and not ended). */
    analysing() {
        const open = new Set();
        for (const p of this.progress) {
            if (p.kind === 'begin') open.add(p.token);
            else if (p.kind === 'end') open.delete(p.token);
        }
        return open.size > 0;
    }

    async timed(method, params, timeoutMs = 60_000) {
        const start = performance.now();
        const result = await this.client.request(method, params, timeoutMs);
        return { ms: performance.now() - start, result };
    }

    async close() {
        this.peakRssMb = this.client?.peakRssMb();
        await this.client?.close();
        cleanups.delete(this.kill);
    }
}

// ---------------------------------------------------------------- measurements
const providerFiles = texts => [...texts.keys()].filter(n => n !== 'region.territory' && n !== 'views.territory');

/** Cold start: spawn + initialize + didOpen of one file until every file's diagnostics; then the analysis. */
async function coldRun(dir, texts, { analysis }) {
    const session = new Session(dir, texts);
    try {
        await session.start();
        const first = providerFiles(texts)[0];
        session.open(first);
        const diagnosed = await session.diagnosticsAfter([...texts.keys()], 0, 300_000);
        const result = { coldMs: diagnosed - session.t0 };
        if (analysis) {
            // The server's progress reports, each naming what is still being computed: from 1,000
            // actors on, the structural figures first ('… communities, convergence, betweenness,
            // closeness'), then the key figures ('… betweenness, closeness'; below 1,000 actors
            // they come in one stage), then on large models '… estimated from N sources', then the
            // end 'done: N actors'. The first report naming betweenness is the first figures shown.
            const isFirst = p => p.kind === 'report' && /betweenness/.test(p.message);
            const isKeyFigures = p => p.kind === 'report' && /actors: betweenness, closeness$/.test(p.message);
            const firstResults = await session.progressAfter(0, isFirst, 120_000, 'first analysis results');
            result.firstResultsMs = Math.max(0, firstResults.at - diagnosed);
            const keyFigures = await session.progressAfter(0, isKeyFigures, ANALYSIS_TIMEOUT, 'key figures');
            result.keyFiguresMs = Math.max(0, keyFigures.at - diagnosed);
            const done = await session.progressAfter(0, p => p.kind === 'end' && /^done/.test(p.message), ANALYSIS_TIMEOUT, 'complete analysis');
            result.completeMs = done.at - diagnosed;
            result.pathMetricsMs = done.at - keyFigures.at;
            const estimated = session.progress.find(p => p.kind === 'report' && /estimated from/.test(p.message));
            if (estimated) result.estimateAfterKeyFiguresMs = estimated.at - keyFigures.at;
        }
        return result;
    } finally {
        await session.close();
    }
}

async function warmSession(dir, texts) {
    const session = new Session(dir, texts);
    await session.start();
    for (const name of providerFiles(texts)) session.open(name);
    await session.diagnosticsAfter([...texts.keys()], 0, 300_000);
    // The first analysis' key figures (its path metrics may still run in a worker thread).
    await session.progressAfter(0, p => (p.kind === 'end' && /^done|^unchanged/.test(p.message)) || (p.kind === 'report' && ALL_KEY_FIGURES.test(p.message)), ANALYSIS_TIMEOUT, 'key figures of the first analysis');
    return session;
}

/** The progress report that comes with all the key figures: only the path metrics are left, in worker threads. */
const ALL_KEY_FIGURES = /actors: betweenness, closeness$/;

/**
 * Waits for the analysis the edit sent at `since` triggers to begin (after the debounce;
 * at most two seconds more), then until it has left the main thread: ended, or reported all
 * its key figures (the path metrics then run in worker threads and block nothing; the
 * structural figures come earlier, but the server's thread still has the communities' and
 * pairs' objects to make after them), or `maxMs`. Until 29 November it looked for a running
 * analysis once, right after the debounce: an analysis whose progress had not begun yet was
 * missed, and at XL the next edit then waited behind that analysis' start.
 */
async function settle(session, since, maxMs) {
    const until = performance.now() + maxMs;
    try {
        await session.progressAfter(since, p => p.kind === 'begin', DEBOUNCE_MS + 2000, 'the analysis an edit triggers');
    } catch {
        return; // no analysis (the edit changed nothing it reads)
    }
    const mainThreadBusy = () => {
        const open = new Map();
        for (const p of session.progress) {
            if (p.kind === 'begin') open.set(p.token, false);
            else if (p.kind === 'end') open.delete(p.token);
            else if (p.kind === 'report' && ALL_KEY_FIGURES.test(p.message) && open.has(p.token)) open.set(p.token, true);
        }
        return [...open.values()].some(reported => !reported);
    };
    while (mainThreadBusy() && performance.now() < until) await sleep(20);
}

async function measureEdits(session, texts, rename, count, settleMs) {
    // One-line edit changing no name: the weight of a tie line in the first province file.
    const file = providerFiles(texts)[0];
    const lines = texts.get(file).split('\n');
    const tieLine = lines.findIndex(l => /^tie \w+ \S+ \w+ \w+ \d+$/.test(l));
    const base = lines[tieLine].replace(/ \d+$/, '');
    const noName = [];
    for (let i = 0; i < count; i++) {
        const since = session.editLine(file, tieLine, `${base} ${1 + (i % 5)}${i % 2 ? '' : ' '}`);
        const at = await session.diagnosticsAfter([file], since, 120_000);
        noName.push(at - since);
        await settle(session, since, settleMs);
    }
    // Rename of an actor in its declaration: the declaring file and every referencing file must be re-published.
    const renameMs = [];
    let brokenSeen = false;
    const declaration = session.texts.get(rename.file).split('\n')[rename.line];
    for (let i = 0; i < count; i++) {
        const newName = i % 2 === 0 ? `${rename.actor}X` : rename.actor;
        const since = session.editLine(rename.file, rename.line, declaration.replace(`actor ${rename.actor} `, `actor ${newName} `));
        const at = await session.diagnosticsAfter([rename.file, ...rename.others], since, 300_000);
        renameMs.push(at - since);
        if (i % 2 === 0 && rename.others.some(o => (session.diagnostics.get(session.uri(o))?.errors ?? 0) > 0)) brokenSeen = true;
        await settle(session, since, settleMs);
    }
    if (count % 2 === 1) { // leave the actor with its own name (the ego view and the previews refer to it)
        const since = session.editLine(rename.file, rename.line, declaration);
        await session.diagnosticsAfter([rename.file, ...rename.others], since, 300_000);
        await settle(session, since, settleMs);
    }
    return { noName, renameMs, brokenSeen };
}

function hoverCompletionPositions(texts) {
    const file = providerFiles(texts)[0];
    const lines = texts.get(file).split('\n');
    const positions = [];
    lines.forEach((l, line) => {
        const m = /^tie (\w+) (\S+) (\w+) /.exec(l);
        if (m && positions.length < 40) {
            const targetStart = 4 + m[1].length + 1 + m[2].length + 1;
            positions.push({ line, hover: 4 + 2, completion: targetStart + 3 });
        }
    });
    return { file, positions };
}

async function measureRequests(session, texts, count) {
    const { file, positions } = hoverCompletionPositions(texts);
    const uri = session.uri(file);
    const run = async (kind, i) => {
        const p = positions[i % positions.length];
        const character = kind === 'hover' ? p.hover : p.completion;
        return (await session.timed(`textDocument/${kind}`, { textDocument: { uri }, position: { line: p.line, character } })).ms;
    };
    const idle = { hover: [], completion: [] };
    for (let i = 0; i < count; i++) idle.hover.push(await run('hover', i));
    for (let i = 0; i < count; i++) idle.completion.push(await run('completion', i));
    // During an analysis: edit (a comment line appended to the region file changes no name), wait
    // for the analysis to begin, and send requests while it runs.
    const busy = { hover: [], completion: [] };
    const region = 'region.territory';
    if (!session.versions.has(region)) session.open(region);
    const regionLines = session.texts.get(region).split('\n');
    const commentLine = regionLines.length - 1;
    const deadline = performance.now() + 60_000;
    let edit = 0;
    while ((busy.hover.length < count || busy.completion.length < count) && performance.now() < deadline) {
        const since = performance.now();
        session.editLine(region, commentLine, `// bench edit ${edit++}`);
        try {
            await session.progressAfter(since, p => p.kind === 'begin', 10_000, 'analysis begin');
        } catch { continue; }
        while (session.analysing() && (busy.hover.length < count || busy.completion.length < count)) {
            for (const kind of ['hover', 'completion']) {
                if (busy[kind].length >= count || !session.analysing()) continue;
                const ms = await run(kind, busy[kind].length);
                busy[kind].push(ms);
            }
        }
        await settle(session, since, 600_000);
    }
    return { idle, busy };
}

async function measurePreviews(session, views, runs) {
    const rows = [];
    const time = async (label, params) => {
        const ms = [];
        let nodes;
        for (let i = 0; i < runs; i++) {
            const { ms: t, result } = await session.timed('territory/preview', params, 300_000);
            ms.push(t);
            nodes = result.graph?.nodes?.length;
        }
        rows.push({ label, ms: median(ms), nodes });
    };
    await time('whole model (clusters; aggregated above 800)', {});
    for (const view of views) {
        if (view.target === 'ego') { await time(`ego view (depth 1)`, { view: view.name }); continue; }
        await time(`view of ${view.actors} actors, clusters, not aggregated`, { view: view.name, aggregationThreshold: 1e9 });
        if (view.target !== 1500) {
            for (const layout of ['layered', 'radial', 'force', 'stress']) await time(`view of ${view.actors} actors, ${layout}`, { view: view.name, layout, aggregationThreshold: 1e9 });
        }
    }
    return rows;
}

function timeCli(args, runs) {
    const wall = [];
    let rss;
    let timings;
    const hasTime = fs.existsSync('/usr/bin/time');
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const cmd = hasTime ? '/usr/bin/time' : process.execPath;
        const argv = hasTime ? ['-v', process.execPath, CLI, ...args] : [CLI, ...args];
        const out = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 900_000 });
        wall.push(performance.now() - start);
        if (out.status !== 0 && out.status !== 1) throw new Error(`territory ${args.join(' ')} failed (${out.status}): ${out.stderr.slice(-500)}`);
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(out.stderr ?? '');
        if (m) rss = Math.max(rss ?? 0, Number(m[1]) / 1024);
        // `metrics --timings`: one line per step, "   12.3 ms  step".
        const steps = [...(out.stderr ?? '').matchAll(/^\s*([0-9.]+) ms {2}(.+)$/gm)];
        if (steps.length) timings = Object.fromEntries(steps.map(([, ms, step]) => [step, Number(ms)]));
    }
    return { ms: median(wall), rssMb: rss, timings };
}

/** The sociogram G of an export (undirected, simple, positive and neutral ties) as the server's CompactGraph. */
function compactFromExport(json) {
    const names = json.nodes.map(node => node.key).sort();
    const index = new Map(names.map((name, i) => [name, i]));
    const lists = names.map(() => new Set());
    for (const edge of json.edges) {
        const a = index.get(edge.source);
        const b = index.get(edge.target);
        if (a === undefined || b === undefined || a === b || edge.attributes?.polarity === 'negative') continue;
        lists[a].add(b);
        lists[b].add(a);
    }
    const offsets = new Int32Array(names.length + 1);
    let total = 0;
    lists.forEach((list, i) => { offsets[i] = total; total += list.size; });
    offsets[names.length] = total;
    const neighbors = new Int32Array(total);
    lists.forEach((list, i) => neighbors.set([...list].sort((x, y) => x - y), offsets[i]));
    return { order: names.length, offsets, neighbors };
}

/**
 * One job of the server's own analysis worker script (out/analysis-worker.cjs) in each of
 * `jobs.length` worker threads at once, as the server runs them; the wall time until all
 * have answered.
 */
async function timeWorkerJobs(jobs, timeoutMs) {
    const workers = jobs.map(() => new Worker(path.join(root, 'out/analysis-worker.cjs')));
    try {
        await new Promise(resolve => setTimeout(resolve, 300)); // let the workers load their bundle
        const start = performance.now();
        const replies = await Promise.all(workers.map((worker, i) => new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${jobs[i].kind} timed out`)), timeoutMs);
            worker.once('message', message => { clearTimeout(timer); if (message.error) reject(new Error(message.error)); else resolve(message); });
            worker.once('error', error => { clearTimeout(timer); reject(error); });
            worker.postMessage({ ...jobs[i], id: i + 1 });
        })));
        return { ms: performance.now() - start, replies };
    } finally {
        await Promise.all(workers.map(worker => worker.terminate()));
    }
}

/** Our figures on the graph: exact path metrics on two threads (as the server) and on one, the sampled estimate. */
async function ourTimes(graph, timeoutMs, runs, oneThreadToo) {
    const medianOf = async (jobs) => {
        const times = [];
        let replies;
        for (let i = 0; i < runs; i++) ({ ms: times[i], replies } = await timeWorkerJobs(jobs, timeoutMs));
        return { ms: median(times), replies };
    };
    const twoThreads = await medianOf([0, 1].map(part => ({ kind: 'paths', graph, part, parts: 2 })));
    const oneThread = oneThreadToo ? await medianOf([{ kind: 'paths', graph, part: 0, parts: 1 }]) : { ms: undefined };
    const estimate = await medianOf([{ kind: 'estimate', graph }]);
    return {
        ours_path_metrics_ms: twoThreads.ms,
        ours_one_thread_ms: oneThread.ms,
        ours_estimate_ms: estimate.ms,
        ours_estimate_sources: estimate.replies[0].sources
    };
}

async function referenceTimes(dir, tmp, size) {
    const json = path.join(tmp, 'export.json');
    execFileSync(process.execPath, [CLI, 'export', dir, '--format', 'json', '--quiet', '-o', json], { stdio: ['ignore', 'ignore', 'inherit'] });
    const graph = compactFromExport(JSON.parse(fs.readFileSync(json, 'utf8')));
    const ours = await ourTimes(graph, ANALYSIS_TIMEOUT, size === 'L' || size === 'XL' ? 1 : RUNS, size !== 'XL');
    const out = { ...ours, nodes: graph.order, edges: graph.neighbors.length / 2 };
    // XL: igraph would take a quarter of an hour (its L time × 14); XL has no speed-up target.
    if (size === 'XL') return { ...out, missing: 'not run at XL (igraph alone would take about 15 minutes; XL has no speed-up target)' };
    const ok = spawnSync('/usr/bin/python3', ['-c', 'import networkx, igraph'], { encoding: 'utf8' });
    if (ok.status !== 0) return { ...out, missing: 'python3-networkx / python3-igraph not installed' };
    const args = [path.join(root, 'scripts/bench/reference.py'), json];
    if (size === 'L' || size === 'XL') args.push('--skip-networkx'); // more than two minutes for betweenness alone
    const ref = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', timeout: 900_000 });
    if (ref.status !== 0) { log(`reference failed: ${ref.stderr}`); return out; }
    return { ...out, ...JSON.parse(ref.stdout) };
}

// ---------------------------------------------------------------- one size
async function benchSize(size) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `territory-bench-${size}-`));
    const dir = path.join(tmp, 'model');
    const removeTmp = () => fs.rmSync(tmp, { recursive: true, force: true });
    cleanups.add(removeTmp);
    try {
        const { texts, views, declaredIn } = writeWorkspace(size, dir);
        const rename = renameTarget(texts, declaredIn);
        const r = { size, spec: SIZES[size], files: texts.size, views, rename: { actor: rename.actor, file: rename.file, others: rename.others.length } };
        log(`${size}: ${texts.size} files in ${dir}`);

        const colds = [];
        for (let i = 0; i < (values['no-cold'] ? 0 : RUNS); i++) {
            colds.push(await coldRun(dir, new Map(texts), { analysis: true }));
            log(`${size}: cold run ${i + 1}: ${JSON.stringify(colds.at(-1))}`);
        }
        r.coldMs = median(colds.map(c => c.coldMs));
        r.firstResultsMs = median(colds.map(c => c.firstResultsMs));
        r.keyFiguresMs = median(colds.map(c => c.keyFiguresMs));
        r.completeMs = median(colds.map(c => c.completeMs));
        r.pathMetricsMs = median(colds.map(c => c.pathMetricsMs));

        const session = await warmSession(dir, new Map(texts));
        try {
            // Bounded by the time the cold run took to all the key figures, what `settle` waits for.
            const keyFiguresMs = r.keyFiguresMs ?? r.firstResultsMs;
            const settleMs = keyFiguresMs === undefined ? 60_000 : Math.min(60_000, Math.max(2000, keyFiguresMs * 2));
            const edits = await measureEdits(session, session.texts, rename, EDITS, settleMs);
            r.edit = { p50: median(edits.noName), p95: quantile(edits.noName, 0.95) };
            r.rename = { ...r.rename, p50: median(edits.renameMs), p95: quantile(edits.renameMs, 0.95), brokenSeen: edits.brokenSeen };
            log(`${size}: edits ${JSON.stringify(r.edit)} rename ${JSON.stringify(r.rename)}`);
            const requests = await measureRequests(session, session.texts, EDITS);
            r.requests = Object.fromEntries(['idle', 'busy'].flatMap(state => ['hover', 'completion'].map(kind => [`${kind}-${state}`, { n: requests[state][kind].length, p50: median(requests[state][kind]), p95: quantile(requests[state][kind], 0.95) }])));
            log(`${size}: requests ${JSON.stringify(r.requests)}`);
            r.previews = await measurePreviews(session, views, RUNS);
            log(`${size}: previews ${JSON.stringify(r.previews)}`);
        } finally {
            await session.close();
            r.serverPeakRssMb = session.peakRssMb;
        }

        r.cliCheck = timeCli(['check', dir, '--quiet'], RUNS);
        r.cliMetrics = timeCli(['metrics', dir, '--quiet', '--format', 'json', '--timings'], RUNS);
        r.timings = r.cliMetrics.timings;
        log(`${size}: cli ${JSON.stringify([r.cliCheck, r.cliMetrics])}`);
        r.reference = await referenceTimes(dir, tmp, size);
        log(`${size}: reference ${JSON.stringify(r.reference)}`);
        return r;
    } finally {
        removeTmp();
        cleanups.delete(removeTmp);
    }
}

// ---------------------------------------------------------------- report
const TARGETS = {
    L: { cold: 3000, edit: 150, rename: 500, request: 50, first: 1000, exact: 15000, sampled: 1000, previewAgg: 2000, memory: 1024, p200: 500, p500: 1000 },
    XL: { cold: 10000, edit: 400, rename: 1500, request: 100, first: 3000, exact: null, sampled: 5000, previewAgg: 3000, memory: 3072 }
};
const fmt = ms => (ms === undefined || ms === null || Number.isNaN(ms) ? '—' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const mb = x => (x === undefined ? '—' : `${Math.round(x)} MB`);
const check = (value, target) => (target === undefined || target === null || value === undefined ? '' : value <= target ? ' ✓' : ' ✗');

function rows(r) {
    const t = TARGETS[r.size] ?? TARGETS.L; // S and M: compared with the L targets (a bound they must meet a fortiori)
    const out = [];
    const row = (what, value, target, shown = fmt) => out.push([what, shown(value) + check(value, target), target === undefined || target === null ? '—' : shown(target)]);
    row('cold: start + initialize + open → all files\' diagnostics', r.coldMs, t.cold);
    row('edit → diagnostics, no name change, p50', r.edit?.p50, undefined);
    row('edit → diagnostics, no name change, p95', r.edit?.p95, t.edit);
    row(`rename across files (${r.rename.actor}, ${r.rename.others} other files) → all their diagnostics, p50`, r.rename?.p50, undefined);
    row('rename across files → diagnostics, p95', r.rename?.p95, t.rename);
    for (const key of ['hover-idle', 'completion-idle', 'hover-busy', 'completion-busy']) {
        const q = r.requests?.[key];
        const [kind, state] = key.split('-');
        row(`${kind} p95 (${state === 'idle' ? 'idle' : 'during an analysis'}, n=${q?.n ?? 0})`, q?.n ? q.p95 : undefined, t.request);
    }
    row('first analysis results after diagnostics (the first analysis of a session is not debounced)', r.firstResultsMs, t.first);
    row('all key figures after diagnostics (from 1,000 actors on, the communities and convergence pairs come after the first results)', r.keyFiguresMs, undefined);
    row('complete analysis after diagnostics', r.completeMs, undefined);
    row('in the server, from the key figures to \'done\' (estimate, then exact betweenness + closeness on two worker threads; in-process below 1,000 actors)', r.pathMetricsMs, t.exact);
    if (r.estimateAfterKeyFiguresMs !== undefined) row('in the server, from the key figures to the sampled betweenness estimate', r.estimateAfterKeyFiguresMs, t.sampled);
    const reference = r.reference ?? {};
    if (reference.ours_estimate_ms !== undefined) {
        row(`sampled betweenness estimate, out/analysis-worker.cjs, one thread (${reference.ours_estimate_sources} of ${reference.nodes} sources${reference.ours_estimate_sources === reference.nodes ? ': exact' : ''})`, reference.ours_estimate_ms, t.sampled);
    }
    for (const [metric, ms] of Object.entries(r.timings ?? {})) row(`time per step (CLI \`metrics --timings\`, last run): ${metric}`, ms, undefined);
    for (const p of r.previews ?? []) {
        let target;
        if (p.label.startsWith('whole')) target = t.previewAgg;
        else if (/view of (\d+)/.test(p.label)) {
            const n = Number(/view of (\d+)/.exec(p.label)[1]);
            target = n <= 300 ? t.p200 : n <= 700 ? t.p500 : undefined;
        }
        row(`preview round trip: ${p.label} (${p.nodes} nodes drawn)`, p.ms, target);
    }
    row('CLI `territory check` wall time', r.cliCheck?.ms, undefined);
    row('CLI `territory metrics` wall time', r.cliMetrics?.ms, undefined);
    row('server peak memory (VmHWM)', r.serverPeakRssMb, t.memory, mb);
    row('CLI peak memory (check / metrics)', Math.max(r.cliCheck?.rssMb ?? 0, r.cliMetrics?.rssMb ?? 0) || undefined, undefined, mb);
    if (r.reference) {
        const ref = r.reference;
        const ours = ref.ours_path_metrics_ms;
        row(`our exact betweenness + closeness, out/analysis-worker.cjs on two threads as in the server (G: ${ref.nodes} nodes, ${ref.edges} edges)`, ours, t.exact);
        if (ref.ours_one_thread_ms !== undefined) row('the same on one thread', ref.ours_one_thread_ms, undefined);
        if (ref.igraph_betweenness_s !== undefined) {
            const ig = (ref.igraph_betweenness_s + ref.igraph_closeness_s) * 1000;
            row(`igraph ${ref.igraph_version} betweenness + closeness (same graph)`, ig, undefined);
            const ratio = ig / ours;
            out.push(['speed-up over igraph (igraph time / ours)', `${ratio.toFixed(2)}×${r.size === 'L' ? (ratio >= 3 ? ' ✓' : ' ✗') : ''}`, '≥ 3×']);
        }
        if (ref.networkx_betweenness_s !== undefined) {
            const nx = (ref.networkx_betweenness_s + ref.networkx_closeness_s) * 1000;
            row(`networkx ${ref.networkx_version} betweenness + closeness (same graph)`, nx, undefined);
            out.push(['speed-up over networkx (networkx time / ours)', `${(nx / ours).toFixed(2)}×`, '—']);
        } else if (ref.igraph_betweenness_s !== undefined) {
            out.push(['networkx', 'skipped at this size (more than two minutes)', '—']);
        }
        if (ref.missing) out.push(['igraph / networkx', ref.missing, '—']);
    }
    return out;
}

function table(r) {
    return [`| what | measured | target (${r.size === 'XL' ? 'XL' : 'L'}) |`, '|---|---|---|', ...rows(r).map(cells => `| ${cells.join(' | ')} |`)].join('\n');
}

function machine() {
    const memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    return { nproc: os.availableParallelism?.() ?? os.cpus().length, memory, cpu, node: process.version, date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC' };
}

// ---------------------------------------------------------------- main
const results = [];
let failed = false;
for (const size of sizes) {
    try {
        results.push(await benchSize(size));
    } catch (error) {
        failed = true;
        log(`${size} failed: ${error.stack ?? error}`);
    }
}
const m = machine();
for (const r of results) {
    console.log(`\n## ${r.size}: ${r.spec.actors} actors / ${r.spec.ties} ties, ${r.files} files (median of ${RUNS} runs, ${EDITS} edits/requests)\n`);
    console.log(table(r));
}
if (!values['no-doc'] && results.length) {
    // One section per size between markers: rerunning some sizes keeps the others.
    const doc = path.join(root, 'docs/performance.md');
    let text = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '# Performance\n';
    if (!text.includes('<!-- bench:results -->')) text += '\n<!-- bench:results -->\n<!-- /bench:results -->\n';
    for (const r of results) {
        const section = [
            `<!-- bench:${r.size} -->`,
            `### ${r.size}: ${r.spec.actors} actors / ${r.spec.ties} ties, ${r.files} files`,
            '',
            `Measured on ${m.date}: ${m.nproc} cores (${m.cpu}), ${m.memory} memory, Node ${m.node}; \`npm run bench -- --sizes ${r.size} --runs ${RUNS} --edits ${EDITS}\`.`,
            '',
            table(r),
            `<!-- /bench:${r.size} -->`
        ].join('\n');
        const pattern = new RegExp(`<!-- bench:${r.size} -->[\\s\\S]*?<!-- /bench:${r.size} -->`);
        if (pattern.test(text)) text = text.replace(pattern, () => section);
        else {
            // Keep sizes in order S, M, L, XL.
            const order = Object.keys(SIZES);
            const later = order.slice(order.indexOf(r.size) + 1).find(other => text.includes(`<!-- bench:${other} -->`));
            const anchor = later ? `<!-- bench:${later} -->` : '<!-- /bench:results -->';
            text = text.replace(anchor, () => `${section}\n\n${anchor}`);
        }
    }
    fs.writeFileSync(doc, text);
    log(`wrote ${path.relative(root, doc)}`);
    fs.writeFileSync(path.join(os.tmpdir(), 'territory-bench-results.json'), JSON.stringify({ machine: m, results }, null, 2));
}
process.exit(failed ? 1 : 0);
