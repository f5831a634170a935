import { TextDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { createWorkspace } from './helpers.js';

async function format(text: string): Promise<string> {
    const workspace = createWorkspace();
    const { 'model.territory': document } = await workspace.build({ 'model.territory': text });
    const edits = await workspace.services.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: workspace.uri('model.territory') },
        options: { tabSize: 2, insertSpaces: true }
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}

const MESSY = `// Province de Berkane
territory   T "Terr" {population 12 asOf 2022-01-01
description "x"}
zone Z in T {   zone Z2 "b"
   zone Z3 }
actor A "Association Amal — جمعية الأمل" { kind association zone Z power 3 supports I 2 opposes J tags a,b ,c // trailing
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

const CANONICAL = `// Province de Berkane
territory T "Terr" {
  population 12
  asOf 2022-01-01
  description "x"
}
zone Z in T {
  zone Z2 "b"
  zone Z3
}
actor A "Association Amal — جمعية الأمل" {
  kind association
  zone Z
  power 3
  supports I 2
  opposes J
  tags a, b, c // trailing
  /* block */
  description "d"
}
actor B
tie A -- B trust 2 "note"
tie A -> B funding

interest I {
  sdg 6, 8
  zone Z
}
interest J
dialogue D "t" on 2022-01-01 {
  about I
  parties A, B
  from W
  commitment C1: A commits to B "x" due 2022-02-01 status done
  commitment C2: B commits
}
workshop W on 2021-01-01 in Z {
  participants A, B
  about I
  facilitator A
  outcome "o"
}
view V {
  include zone Z, interest I, ego A depth 2
  relations trust, funding
  color by stance I
  size by degree
  layout radial
}
`;

describe('formatting', () => {
    test('gives the canonical layout', async () => {
        expect(await format(MESSY)).toBe(CANONICAL);
    });

    test('is idempotent', async () => {
        const once = await format(MESSY);
        expect(await format(once)).toBe(once);
        expect(await format(CANONICAL)).toBe(CANONICAL);
    });

    test('keeps every comment', async () => {
        const formatted = await format(MESSY);
        for (const comment of ['// Province de Berkane', '// trailing', '/* block */']) {
            expect(formatted).toContain(comment);
        }
    });

    test('keeps nested zones indented by depth', async () => {
        expect(await format('zone A {\nzone B {\nzone C\n}\n}\n')).toBe('zone A {\n  zone B {\n    zone C\n  }\n}\n');
    });

    test('leaves a file with syntax errors usable: the text is never lost', async () => {
        const broken = 'actor A { power }\nactor   B\n';
        const formatted = await format(broken);
        expect(formatted).toContain('actor');
        expect(formatted.replace(/\s+/g, '')).toBe(broken.replace(/\s+/g, ''));
    });
});
