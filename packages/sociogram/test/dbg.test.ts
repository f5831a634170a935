import { test } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { analyze } from '@territory/analysis';
import { modelFromDocuments } from '@territory/language';
import { createWorkspace } from '../../language/test/helpers.js';
import { layoutView, renderSociogram, selectView, toSvgString } from '../src/index.js';
test('d', async () => {
  const files: Record<string,string> = {};
  for (const f of readdirSync('examples/oriental')) if (f.endsWith('.territory')) files[f] = readFileSync('examples/oriental/'+f,'utf8');
  const docs = await createWorkspace().build(files);
  const model = modelFromDocuments(Object.values(docs));
  const result = analyze(model);
  for (const algorithm of ['clusters', 'clusters', 'layered'] as const) {
    const t0 = performance.now();
    const view = selectView(model, result, { sizeBy: 'betweenness' });
    const positioned = await layoutView(view, { algorithm });
    const svg = toSvgString(renderSociogram(positioned, { opportunities: result.opportunities.slice(0, 5) }));
    console.log(algorithm, performance.now() - t0, positioned.layout, svg.length);
    writeFileSync(`/tmp/oriental-${algorithm}.svg`, svg);
  }
  const ego = selectView(model, result, { egos: [{ actor: 'AgenceOriental', depth: 1 }], sizeBy: 'degree' });
  for (const algorithm of ['radial', 'layered', 'force', 'stress', 'radial', 'layered', 'force', 'stress'] as const) {
    const t0 = performance.now();
    const p = await layoutView(ego, { algorithm, root: 'AgenceOriental' });
    console.log(algorithm, ego.nodes.length, performance.now() - t0, p.layout.used);
    writeFileSync(`/tmp/ego-${algorithm}.svg`, toSvgString(renderSociogram(p)));
  }
}, 60000);
