import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { TerritoryModel } from '../src/index.js';
import { analyze, analyzeWithoutPaths, buildGraphs, decodeModel, encodeModel, globalFigures, keyFiguresResult, structuralFigures, structuralResult } from '../src/index.js';
import { modelOf } from './helpers.js';

const examples = path.resolve(__dirname, '../../../examples');
const fixtures = path.resolve(__dirname, '../../../test/fixtures/analysis');

function filesOf(folder: string): Record<string, string> {
    return Object.fromEntries(fs.readdirSync(folder).filter(name => name.endsWith('.territory')).map(name => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));
}

describe('the model as it crosses to a worker thread', () => {
    test.each([
        ['examples/oriental', () => filesOf(path.join(examples, 'oriental'))],
        ['examples/tutorial', () => filesOf(path.join(examples, 'tutorial'))],
        ['signed.territory', () => fs.readFileSync(path.join(fixtures, 'signed.territory'), 'utf8')],
        ['disconnected.territory', () => fs.readFileSync(path.join(fixtures, 'disconnected.territory'), 'utf8')]
    ])('%s: the decoded model analyses exactly as the model', async (_, files) => {
        const model = await modelOf(files());
        const decoded = decodeModel(structuredClone(encodeModel(model)));
        expect(analyze(decoded)).toEqual(analyze(model));
        expect(decoded.actors.map(actor => actor.name)).toEqual(model.actors.map(actor => actor.name));
        expect(decoded.ties).toEqual(model.ties.map(({ note: _, ...tie }) => tie));
    });

    test('names that are not the actors\' own (unknown tie ends) keep their place', () => {
        const model: TerritoryModel = {
            asOf: '2024-01-01',
            actors: [{ name: 'A', zone: 'Z', power: 3, positions: [{ interest: 'I', position: -2 }], tags: [] }, { name: 'B', positions: [], tags: [] }],
            ties: [
                { source: 'A', target: 'Ghost', relation: 'trust', directed: true, polarity: 'positive', weight: 2 },
                { source: 'B', target: 'A', relation: 'conflict', directed: false, polarity: 'negative', weight: 1 },
                { source: 'A', target: 'B', relation: 'contact', directed: false, polarity: 'neutral', weight: 4 }
            ],
            interests: [{ name: 'I' }],
            workshops: [],
            dialogues: [],
            places: []
        };
        const decoded = decodeModel(encodeModel(model));
        expect(decoded.actors).toEqual(model.actors);
        expect(decoded.ties).toEqual(model.ties);
    });
});

describe('the key figures in two stages', () => {
    test('the structural figures, then the global ones, make the key figures of one pass', async () => {
        const model = await modelOf(filesOf(path.join(examples, 'oriental')));
        const graphs = buildGraphs(model);
        const structure = structuralFigures(model, graphs);
        const first = structuralResult(graphs.names, structure);
        const keyFigures = keyFiguresResult(graphs.names, first, globalFigures(model, graphs, structure.rStar));
        const oneStage = analyzeWithoutPaths(model, graphs);
        expect(keyFigures).toEqual(oneStage);
        // The same fields in the same order: the contract's JSON is the same text.
        expect(JSON.stringify(keyFigures)).toBe(JSON.stringify(oneStage));
        for (const [name, figures] of Object.entries(first.actors)) {
            const { pagerank: _p, eigenvector: _e, community: _c, ...known } = oneStage.actors[name];
            expect(figures).toEqual(known);
        }
    });
});
