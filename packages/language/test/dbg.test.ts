import { test } from 'vitest';
import { TextDocument } from 'langium';
import { createWorkspace } from './helpers.js';
test('d', async () => {
  const ws = createWorkspace();
  const text = `// header comment
territory   T "Terr" {population 12 asOf 2022-01-01
description "x"}
zone Z in T {   zone Z2 "b"
   zone Z3 }
actor A "a" { kind association zone Z power 3 supports I 2 opposes J tags a,b ,c // trailing
  /* block */ description "d" }
actor B
tie A--B trust 2 "note"
tie A ->B funding


interest I { sdg 6,8 zone Z }
interest J
dialogue D "t" on 2022-01-01 { about I parties A , B from W
commitment C1 : A commits to B "x" due 2022-02-01 status done commitment C2: B commits }
workshop W on 2021-01-01 in Z { participants A,B about I facilitator A outcome "o" }
view V { include zone Z , interest I, ego A depth 2 relations trust,funding color by stance I size by degree layout radial }
`;
  const docs = await ws.build({'m.territory': text});
  const edits = await ws.services.lsp.Formatter!.formatDocument(docs['m.territory'], { textDocument: { uri: ws.uri('m.territory') }, options: { tabSize: 2, insertSpaces: true } });
  const out = TextDocument.applyEdits(docs['m.territory'].textDocument, edits);
  console.log(out);
  const docs2 = await ws.edit('m.territory', out);
  const edits2 = await ws.services.lsp.Formatter!.formatDocument(docs2, { textDocument: { uri: ws.uri('m.territory') }, options: { tabSize: 2, insertSpaces: true } });
  console.log('IDEMPOTENT', TextDocument.applyEdits(docs2.textDocument, edits2) === out);
});
