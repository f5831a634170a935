import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AnalysisResult, StructuralResult, TerritoryModel } from '@territory/analysis';
import { analyze } from '@territory/analysis';
import type { BetweennessEstimate } from '@territory/language';
import { modelFromDocuments } from '@territory/language';
import { Cancellation, interruptAndCheck, isOperationCancelled } from 'langium';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadModel } from '../../cli/src/load-model.js';
// @ts-expect-error: a plain JavaScript script, without type declarations
import { generate } from '../../../scripts/generate-territory.mjs';
import { WorkerAnalysisRunner } from '../src/worker-analysis-runner.js';

// The bundled worker script, as the server runs it (`npm test` builds it first).
const WORKER = path.resolve(__dirname, '../../../out/analysis-worker.cjs');

let model: TerritoryModel;
let ring: TerritoryModel;
const folders: string[] = [];

async function modelOf(files: Iterable<[string, string]>): Promise<TerritoryModel> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'territory-runner-'));
    folders.push(folder);
    for (const [name, text] of files) fs.writeFileSync(path.join(folder, name), text);
    const { documents } = await loadModel([folder]);
    return modelFromDocuments(documents);
}

beforeAll(async () => {
    const { files } = generate('S', 3) as { files: Map<string, string[]> };
    model = await modelOf([...files].map(([name, lines]) => [name, lines.join('\n') + '\n']));
    expect(model.actors).toHaveLength(300);
    // 4,000 actors on a ring with chords: large enough for the default sample to be an estimate.
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) lines.push(`actor A${i}`, `tie A${i} -- A${(i + 1) % 4000} trust`, `tie A${i} -- A${(i * 7 + 3) % 4000} collaboration`);
    ring = await modelOf([['ring.territory', lines.join('\n') + '\n']]);
}, 60_000);

afterAll(() => folders.forEach(folder => fs.rmSync(folder, { recursive: true, force: true })));

async function runStages(runner: WorkerAnalysisRunner, of: TerritoryModel) {
    const stages: string[] = [];
    let structure: StructuralResult | undefined;
    let keyFigures: AnalysisResult | undefined;
    let estimate: BetweennessEstimate | undefined;
    const result = await runner.analyze(of, Cancellation.CancellationToken.None, {
        structure: partial => { stages.push('structure'); structure = partial; },
        keyFigures: partial => { stages.push('key figures'); keyFigures = partial; },
        betweennessEstimate: sampled => { stages.push('estimate'); estimate = sampled; }
    }, pauseUntil(Cancellation.CancellationToken.None));
    return { stages, structure, keyFigures, estimate, result };
}

const ignore = { structure: () => undefined, keyFigures: () => undefined, betweennessEstimate: () => undefined };
const pauseUntil = (cancel: Cancellation.CancellationToken) => () => interruptAndCheck(cancel);

describe('the analysis in worker threads', () => {
    test('reports the structural figures, then the key figures, then exactly what the in-process analysis gives', async () => {
        const runner = new WorkerAnalysisRunner(0, WORKER);
        const { stages, structure, keyFigures, result } = await runStages(runner, model);
        // 300 actors: the default sample would be every actor, so no estimate is sent.
        expect(stages).toEqual(['structure', 'key figures']);
        expect(keyFigures!.complete).toBe(false);
        expect(Object.values(keyFigures!.actors).every(actor => actor.betweenness === null && actor.closeness === null)).toBe(true);
        // The first stage: partial, without what it has not computed, and the final figures for the rest.
        expect(structure!.complete).toBe(false);
        expect(Object.keys(structure!.actors)).toEqual(Object.keys(result.actors));
        for (const [name, figures] of Object.entries(structure!.actors)) {
            expect(figures).not.toHaveProperty('community');
            expect(figures).not.toHaveProperty('pagerank');
            expect(figures).not.toHaveProperty('eigenvector');
            const { community: _c, pagerank: _p, eigenvector: _e, ...known } = result.actors[name];
            expect(figures).toEqual({ ...known, betweenness: null, closeness: null });
        }
        expect(structure).not.toHaveProperty('convergence');
        const { modularity: _m, communities: _n, ...network } = result.network;
        expect(structure!.network).toEqual(network);
        expect(structure!.interests).toEqual(result.interests);
        expect(structure!.commitments).toEqual(result.commitments);
        expect(structure!.workshops).toEqual(result.workshops);
        // Split over two threads and added up: the same figures as one pass, to the last digit.
        expect(result).toEqual(analyze(model));
        runner.stop();
    });

    test('on a large model, a sampled betweenness estimate comes between the key figures and the exact figures', async () => {
        const runner = new WorkerAnalysisRunner(0, WORKER);
        const { stages, estimate, result } = await runStages(runner, ring);
        expect(stages).toEqual(['structure', 'key figures', 'estimate']);
        expect(estimate!.actors).toBe(4000);
        expect(estimate!.sources).toBeGreaterThan(0);
        expect(estimate!.sources).toBeLessThan(4000);
        expect(Object.keys(estimate!.betweenness)).toEqual(Object.keys(result.actors));
        expect(result).toEqual(analyze(ring));
        runner.stop();
    }, 60_000);

    test('a cancelled analysis rejects, and the next one runs on fresh threads', async () => {
        const runner = new WorkerAnalysisRunner(0, WORKER);
        const source = new Cancellation.CancellationTokenSource();
        const cancelled = runner.analyze(model, source.token, { ...ignore, keyFigures: () => source.cancel() }, pauseUntil(source.token));
        await expect(cancelled).rejects.toSatisfy(isOperationCancelled);
        const result = await runner.analyze(model, Cancellation.CancellationToken.None, ignore, pauseUntil(Cancellation.CancellationToken.None));
        expect(result.complete).toBe(true);
        runner.stop();
    });

    test('an analysis cancelled after its structural figures rejects, and the next one starts from its own model', async () => {
        const runner = new WorkerAnalysisRunner(0, WORKER);
        const source = new Cancellation.CancellationTokenSource();
        const cancelled = runner.analyze(ring, source.token, { ...ignore, structure: () => source.cancel() }, pauseUntil(source.token));
        await expect(cancelled).rejects.toSatisfy(isOperationCancelled);
        const { stages, result } = await runStages(runner, model);
        expect(stages).toEqual(['structure', 'key figures']);
        expect(result).toEqual(analyze(model));
        runner.stop();
    }, 60_000);
});
