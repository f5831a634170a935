import type { AnalysisResult, PairConvergence, StructuralResult, TerritoryModel } from '@territory/analysis';
import { compareNames, hasKeyFigures } from '@territory/analysis';
import type { LangiumDocuments } from 'langium';
import { Cancellation, DocumentState, isOperationCancelled, OperationCancelled } from 'langium';
import type { Connection, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver';
import { Emitter, WorkDoneProgress, WorkDoneProgressCreateRequest } from 'vscode-languageserver';
import type { TerritoryServices } from '../territory-module.js';
import { modelFromDocumentsInterruptibly } from './model-from-documents.js';
import type { AnalysisRunner, BetweennessEstimate, Pause } from './analysis-runner.js';
import { RequestsFirstLock } from '../workspace/requests-first-lock.js';

export interface AnalysisSettings {
    /** Quiet time after the last build before the analysis starts. */
    debounceMs: number;
}

const DEFAULT_SETTINGS: AnalysisSettings = { debounceMs: 300 };

/** A finished (or partial, cheap-figures-first) analysis with the model it describes. */
export interface AnalysisSnapshot {
    readonly model: TerritoryModel;
    /**
     * Partial (`complete: false`) while the path metrics are computed; on large models, first
     * only the structural figures, without communities and convergence pairs (`hasKeyFigures`).
     */
    readonly result: AnalysisResult | StructuralResult;
    /** While the exact betweenness is computed on a large model: an estimate from sampled sources. */
    readonly estimate?: BetweennessEstimate;
    /** Increases with every analysis run; a newer run supersedes older ones. */
    readonly generation: number;
}

/** A snapshot with the key figures (communities, convergence pairs): every complete one. */
export type KeyFiguresSnapshot = AnalysisSnapshot & { readonly result: AnalysisResult };

function withKeyFigures(snapshot: AnalysisSnapshot): snapshot is KeyFiguresSnapshot {
    return hasKeyFigures(snapshot.result);
}

/**
 * Runs the sociogram analysis once per workspace build: debounced after the build (so it
 * never delays diagnostics), through the `AnalysisRunner` (in the language server, worker
 * threads: this thread only reads the model out of the documents), key figures first (on
 * large models, the structural figures before the communities and convergence pairs), then
 * on large models a betweenness estimate, then the path metrics; cancelled by any newer
 * build. Editor features read the latest snapshot and never wait for it.
 */
export class TerritoryAnalysisService {
    private readonly documents: LangiumDocuments;
    private readonly runner: () => AnalysisRunner;
    private readonly connection?: Connection;
    private readonly services: TerritoryServices;
    private readonly lock: RequestsFirstLock;
    private latest?: AnalysisSnapshot;
    /** The latest snapshot with the key figures: `latest`, or the one before its structural figures. */
    private latestKeyed?: KeyFiguresSnapshot;
    private generation = 0;
    private timer?: ReturnType<typeof setTimeout>;
    private running?: Cancellation.CancellationTokenSource;
    private readonly emitter = new Emitter<AnalysisSnapshot>();
    private waiting: Array<{ ready: (snapshot: AnalysisSnapshot) => boolean; resolve: (snapshot: AnalysisSnapshot) => void }> = [];
    private convergentIndex?: { generation: number; byActor: Map<string, PairConvergence[]> };
    private progressSupported = false;
    private progressCount = 0;
    private latestFingerprint?: string;

    /**
     * Fired when an analysis produces results: with the structural figures (large models),
     * with the key figures, with a betweenness estimate (large models), complete.
     */
    readonly onAnalysis = this.emitter.event;

    constructor(services: TerritoryServices) {
        this.services = services;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.runner = () => services.analysis.AnalysisRunner;
        this.connection = services.shared.lsp.Connection;
        const lock = services.shared.workspace.WorkspaceLock;
        if (!(lock instanceof RequestsFirstLock)) throw new Error('The analysis needs the RequestsFirstLock of TerritorySharedModule.');
        this.lock = lock;
        services.shared.lsp.LanguageServer?.onInitialize(params => {
            this.progressSupported = Boolean(params.capabilities.window?.workDoneProgress);
        });
        // Only a language server analyses after every build; the CLI and tests call `analyze` themselves.
        if (this.connection) {
            // An update that changes nothing (a file opened as it is on disk) leaves the analysis be.
            services.shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => {
                if (changed.length + deleted.length > 0) this.cancelRunning();
            });
            services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => { void this.schedule(); });
        }
    }

    /** The latest analysis, possibly still without path metrics; undefined before the first one. */
    current(): AnalysisSnapshot | undefined {
        return this.latest;
    }

    /** The next complete analysis (or the current one when it is complete and up to date). */
    complete(cancel: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<KeyFiguresSnapshot> {
        const idle = !this.timer && !this.running;
        const latest = this.latest;
        if (idle && latest && withKeyFigures(latest) && latest.result.complete && latest.generation === this.generation) {
            return Promise.resolve(latest);
        }
        if (idle) void this.schedule(0); // nothing built since start-up: analyse what there is now
        return this.next((snapshot): snapshot is KeyFiguresSnapshot => withKeyFigures(snapshot) && snapshot.result.complete, cancel);
    }

    /**
     * The latest analysis with the key figures (communities, convergence pairs): while a newer
     * one has only its structural figures, the one before it, as `current` was before the newer
     * one began. Before the first, the next one.
     */
    withKeyFigures(cancel: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<KeyFiguresSnapshot> {
        if (this.latestKeyed) return Promise.resolve(this.latestKeyed);
        if (!this.timer && !this.running) return this.complete(cancel);
        return this.next(withKeyFigures, cancel);
    }

    private next(ready: (snapshot: AnalysisSnapshot) => snapshot is KeyFiguresSnapshot, cancel: Cancellation.CancellationToken): Promise<KeyFiguresSnapshot> {
        return new Promise((resolve, reject) => {
            const waiter = { ready, resolve: (snapshot: AnalysisSnapshot) => resolve(snapshot as KeyFiguresSnapshot) };
            this.waiting.push(waiter);
            cancel.onCancellationRequested(() => {
                this.waiting = this.waiting.filter(w => w !== waiter);
                reject(OperationCancelled);
            });
        });
    }

    /**
     * The actors that converge most with `actor` (by 2CAA), most first; undefined while the
     * convergence pairs are being computed (or before the first analysis).
     */
    mostConvergent(actor: string, count = 3): PairConvergence[] | undefined {
        const snapshot = this.latest;
        if (!snapshot || !withKeyFigures(snapshot)) return undefined;
        if (this.convergentIndex?.generation !== snapshot.generation) {
            const byActor = new Map<string, PairConvergence[]>();
            for (const pair of snapshot.result.convergence.pairs) {
                if (pair.convergence <= 0) continue;
                for (const name of [pair.a, pair.b]) {
                    const list = byActor.get(name) ?? [];
                    list.push(pair);
                    byActor.set(name, list);
                }
            }
            this.convergentIndex = { generation: snapshot.generation, byActor };
        }
        return (this.convergentIndex.byActor.get(actor) ?? [])
            .slice()
            .sort((p, q) => q.convergence - p.convergence || compareNames(other(p, actor), other(q, actor)))
            .slice(0, count);
    }

    private cancelRunning(): void {
        this.running?.cancel();
        this.running = undefined;
    }

    private async schedule(delay?: number): Promise<void> {
        this.cancelRunning();
        if (this.timer) clearTimeout(this.timer);
        const generation = ++this.generation;
        // The debounce waits for typing to pause; the workspace's first build has nothing to wait for.
        const debounceMs = delay ?? (this.latest ? (await this.settings()).debounceMs : 0);
        if (generation !== this.generation) return;
        this.timer = setTimeout(() => {
            this.timer = undefined;
            void this.run(generation);
        }, debounceMs);
    }

    private async settings(): Promise<AnalysisSettings> {
        try {
            const configured = await this.services.shared.workspace.ConfigurationProvider.getConfiguration('territory', 'analysis');
            return { ...DEFAULT_SETTINGS, ...(configured ?? {}) };
        } catch {
            return DEFAULT_SETTINGS;
        }
    }

    private async run(generation: number): Promise<void> {
        const source = new Cancellation.CancellationTokenSource();
        this.running = source;
        const progress = await this.beginProgress();
        let outcome = 'cancelled by a newer edit';
        try {
            // Analyse the model as the checker sees it: once every document is validated.
            await this.services.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, source.token);
            if (source.token.isCancellationRequested || generation !== this.generation) return;
            const documents = this.documents.all.filter(document => document.state >= DocumentState.Validated).toArray();
            // Opening a file rebuilds it without changing it: the same text, the same analysis.
            // The texts are hashed only when there is a complete analysis to compare with, or
            // once this one completes: hashing reads every file (40 ms at 15,500 actors), which
            // the first analysis of a session would otherwise wait for.
            const texts = documents.map(document => [document.uri.toString(), document.textDocument.getText()] as const);
            // Between its steps on this thread, the analysis lets the editor's requests go first.
            const pause: Pause = () => this.lock.requestsAnswered(source.token);
            if (this.latest?.result.complete && await textFingerprint(texts, pause) === this.latestFingerprint) {
                outcome = 'unchanged';
                this.publishUnchanged(generation);
                return;
            }
            const model = await modelFromDocumentsInterruptibly(documents, pause);
            progress?.report(`${model.actors.length} actors: key figures`);
            const current = () => !source.token.isCancellationRequested && generation === this.generation;
            let partial: AnalysisResult | undefined;
            const result = await this.runner().analyze(model, source.token, {
                structure: result => {
                    if (!current()) return;
                    this.publish({ model, result, generation });
                    progress?.report(`${model.actors.length} actors: communities, convergence, betweenness, closeness`);
                },
                keyFigures: result => {
                    if (!current()) return;
                    partial = result;
                    this.publish({ model, result, generation });
                    progress?.report(`${model.actors.length} actors: betweenness, closeness`);
                },
                betweennessEstimate: estimate => {
                    if (!current() || !partial) return;
                    this.publish({ model, result: partial, estimate, generation });
                    progress?.report(`${model.actors.length} actors: betweenness estimated from ${estimate.sources} sources; exact betweenness, closeness`);
                }
            }, pause);
            if (!current()) return;
            this.publish({ model, result, generation });
            this.latestFingerprint = await textFingerprint(texts, pause);
            outcome = `done: ${model.actors.length} actors`;
        } catch (error) {
            if (!isOperationCancelled(error) && !source.token.isCancellationRequested) {
                outcome = 'failed';
                console.error('Territory analysis failed:', error);
            }
        } finally {
            progress?.done(outcome);
            if (this.running === source) this.running = undefined;
            source.dispose();
        }
    }

    /** Nothing changed: waiters get the current analysis, listeners are not told again. */
    private publishUnchanged(generation: number): void {
        this.latest = { ...this.latest!, generation };
        if (withKeyFigures(this.latest)) this.latestKeyed = this.latest;
        const waiting = this.waiting;
        this.waiting = [];
        waiting.forEach(waiter => waiter.resolve(this.latest!));
    }

    private publish(snapshot: AnalysisSnapshot): void {
        this.latest = snapshot;
        if (withKeyFigures(snapshot)) this.latestKeyed = snapshot;
        this.emitter.fire(snapshot);
        const ready = this.waiting.filter(waiter => waiter.ready(snapshot));
        this.waiting = this.waiting.filter(waiter => !ready.includes(waiter));
        ready.forEach(waiter => waiter.resolve(snapshot));
    }

    /**
     * Server-initiated progress (`window/workDoneProgress/create`, then `$/progress`), when the
     * client supports it. The end message says whether the run finished or a newer edit
     * cancelled it.
     */
    private async beginProgress(): Promise<{ report(message: string): void; done(message: string): void } | undefined> {
        const connection = this.connection;
        if (!connection || !this.progressSupported) return undefined;
        const token = `territory-analysis-${++this.progressCount}`;
        try {
            await connection.sendRequest(WorkDoneProgressCreateRequest.type, { token });
        } catch {
            return undefined;
        }
        const send = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) =>
            void connection.sendProgress(WorkDoneProgress.type, token, value);
        send({ kind: 'begin', title: 'Territory analysis', cancellable: false });
        return {
            report: message => send({ kind: 'report', message }),
            done: message => send({ kind: 'end', message })
        };
    }
}

/**
 * A hash of the documents' URIs and texts (FNV-1a, 32 bits, over both), in URI order, with a
 * `pause` between files (hashing takes the thread 40 ms at 15,500 actors).
 */
async function textFingerprint(texts: ReadonlyArray<readonly [uri: string, text: string]>, pause: Pause): Promise<string> {
    let hash = 0x811c9dc5;
    const add = (text: string) => {
        for (let i = 0; i < text.length; i++) {
            hash ^= text.charCodeAt(i);
            hash = Math.imul(hash, 0x01000193);
        }
    };
    for (const [uri, text] of [...texts].sort((a, b) => compareNames(a[0], b[0]))) {
        await pause();
        add(uri);
        add('\u0000');
        add(text);
        add('\u0001');
    }
    return `${texts.length}:${(hash >>> 0).toString(16)}`;
}

function other(pair: PairConvergence, actor: string): string {
    return pair.a === actor ? pair.b : pair.a;
}
