import * as fs from 'node:fs';
import * as path from 'node:path';
import { Cancellation, interruptAndCheck, isOperationCancelled } from 'langium';
import { describe, expect, test } from 'vitest';
import { modelFromDocuments, modelFromDocumentsInterruptibly } from '../src/analysis/model-from-documents.js';
import { createWorkspace } from './helpers.js';

const oriental = path.resolve(__dirname, '../../../examples/oriental');
const files = Object.fromEntries(fs.readdirSync(oriental).filter(f => f.endsWith('.territory')).map(f => [f, fs.readFileSync(path.join(oriental, f), 'utf8')]));

describe('reading the model while the editor may type', () => {
    test('gives the model read in one go', async () => {
        const documents = Object.values(await createWorkspace().build(files));
        const model = await modelFromDocumentsInterruptibly(documents, () => interruptAndCheck(Cancellation.CancellationToken.None));
        expect(model.actors.length).toBeGreaterThan(50);
        expect(model).toEqual(modelFromDocuments(documents));
    });

    test('stops when an edit cancels the analysis', async () => {
        const documents = Object.values(await createWorkspace().build(files));
        const edit = new Cancellation.CancellationTokenSource();
        edit.cancel();
        const reading = modelFromDocumentsInterruptibly(documents, () => interruptAndCheck(edit.token));
        await expect(reading).rejects.toSatisfy(isOperationCancelled);
    });
});
