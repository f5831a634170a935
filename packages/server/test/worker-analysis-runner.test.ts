import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AnalysisResult, TerritoryModel } from '@territory/analysis';
import { analyze } from '@territory/analysis';
import type { BetweennessEstimate } from '@territory/language';
import { modelFromDocuments } from '@territory/language';
import { Cancellation, isOperationCancelled } from 'langium';
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
    let keyFigures: AnalysisResult | undefined;
    let estimate: BetweennessEstimate | undefined;
    const result = await runner.analyze(of, Cancellation.CancellationToken.None, {
        keyFigures: partial => { stages.push('key figures'); keyFigures = partial; },
        betweennessEstimate: sampled => { stages.push('estimate'); estimate = sampled; }
    });
    return { stages, keyFigures, estimate, result };
}

describe('the analysis in worker threads', () => {
    test('reports the key figures first, then exactly what the in-process analysis gives', async () => {
        const runner = new WorkerAnalysisRunner(0, WORKER);
        const { stages, keyFigures, result } = await runStages(runner, model);
        // 300 actors: the default sample would be every actor, so no estimate is sent.
        expect(stages).toEqual(['key figures']);
        expect(keyFigures!.complete).toBe(false);
        expect(Object.values(keyFigures!.actors).every(actor => actor.betweenness === null && actor.closeness === null)).toBe(true);
        // Split over two threads and added up: the same figures as one pass, to the last digit.
        expect(result).toEqual(analyze(model));
        runner.stop();
    });

    test('on a large model, a sampled betweenness estimate comes between the key figures and the exact figures', async () => {
        const runner = new WorkerAnalysisRunner(0, WORKER);
        const { stages, estimate, result } = await runStages(runner, ring);
        expect(stages).toEqual(['key figures', 'estimate']);
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
        const cancelled = runner.analyze(model, source.token, {
            keyFigures: () => source.cancel(),
            betweennessEstimate: () => undefined
        });
        await expect(cancelled).rejects.toSatisfy(isOperationCancelled);
        const result = await runner.analyze(model, Cancellation.CancellationToken.None, { keyFigures: () => undefined, betweennessEstimate: () => undefined });
        expect(result.complete).toBe(true);
        runner.stop();
    });
});
