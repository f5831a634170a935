import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AstNode, ReferenceInfo } from 'langium';
import { AstUtils } from 'langium';
import { expect, test } from 'vitest';
import { forEachNode, forEachReference } from '../src/ast-walk.js';
import { createWorkspace } from './helpers.js';

const oriental = path.resolve(__dirname, '../../../examples/oriental');
const files = Object.fromEntries(fs.readdirSync(oriental).filter(f => f.endsWith('.territory')).map(f => [f, fs.readFileSync(path.join(oriental, f), 'utf8')]));

// The linker resolves, and the checker checks, in this order: it must be Langium's.
test('walks the nodes and references of a model in the order of Langium’s streams', async () => {
    const documents = await createWorkspace().build(files);
    let walked = 0;
    let resolved = 0;
    for (const document of Object.values(documents)) {
        const root = document.parseResult.value;
        const nodes: AstNode[] = [];
        forEachNode(root, node => nodes.push(node));
        expect(nodes).toEqual(AstUtils.streamAst(root).toArray());
        walked += nodes.length;
        const references: ReferenceInfo[] = [];
        for (const node of nodes) forEachReference(node, reference => references.push(reference));
        const expected = nodes.flatMap(node => AstUtils.streamReferences(node).toArray());
        expect(references.length).toBe(expected.length);
        references.forEach((reference, i) => {
            expect(reference.reference).toBe(expected[i].reference);
            expect(reference.container).toBe(expected[i].container);
            expect(reference.property).toBe(expected[i].property);
            expect(reference.index).toBe(expected[i].index);
        });
        resolved += references.length;
    }
    expect(walked).toBeGreaterThan(100);
    expect(resolved).toBeGreaterThan(100);
});
