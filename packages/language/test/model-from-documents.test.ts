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

    test('sorts again when a name changes, and reads the same names the same way', async () => {
        const workspace = createWorkspace();
        const documents = Object.values(await workspace.build(files));
        const names = (model: ReturnType<typeof modelFromDocuments>) => model.actors.map(actor => actor.name);
        const sorted = (list: string[]) => list.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const first = names(modelFromDocuments(documents));
        expect(first).toEqual(sorted(first));
        expect(names(modelFromDocuments(documents)), 'the same names again').toEqual(first);
        // Renamed so that it sorts last: the order remembered from the first read no longer holds.
        await workspace.edit('berkane.territory', files['berkane.territory'].replace('actor CommuneBerkane ', 'actor ZzzCommuneBerkane '));
        const renamed = names(modelFromDocuments(Object.keys(files).map(name => workspace.document(name))));
        expect(renamed).toContain('ZzzCommuneBerkane');
        expect(renamed).not.toContain('CommuneBerkane');
        expect(renamed).toEqual(sorted(renamed));
    });
});
