import { describe, expect, test } from 'vitest';
import type { Actor, Model, Tie } from '../src/generated/ast.js';
import { PRELUDE_URI } from '../src/prelude.js';
import { createWorkspace } from './helpers.js';

const errorsOf = (diagnostics: { severity?: number; message: unknown }[] | undefined) =>
    (diagnostics ?? []).filter(d => d.severity === 1).map(d => String(d.message));

describe('one global namespace over all files', () => {
    test('references resolve across files, nested zones included', async () => {
        const workspace = createWorkspace();
        const documents = await workspace.build({
            'region.territory': 'territory Oriental\nzone Berkane in Oriental {\n  zone Saidia\n}\ninterest Water',
            'actors.territory': 'actor AssocAmal { zone Saidia\n supports Water }\nactor Coop { zone Oriental }',
            'ties.territory': 'tie AssocAmal -- Coop collaboration'
        });
        for (const document of Object.values(documents)) expect(errorsOf(document.diagnostics)).toEqual([]);
        const tie = (documents['ties.territory'].parseResult.value as Model).statements[0] as Tie;
        expect(tie.source.ref?.name).toBe('AssocAmal');
        const actor = (documents['actors.territory'].parseResult.value as Model).statements[0] as Actor;
        expect(actor.zone?.ref?.$type).toBe('Zone');
    });

    test('references update when another file changes', async () => {
        const workspace = createWorkspace();
        const documents = await workspace.build({
            'actors.territory': 'actor AssocAmal\nactor Coop',
            'ties.territory': 'tie AssocAmal -- Coop collaboration'
        });
        expect(errorsOf(documents['ties.territory'].diagnostics)).toEqual([]);

        await workspace.edit('actors.territory', 'actor AssocAmalBerkane\nactor Coop');
        expect(errorsOf(workspace.document('ties.territory').diagnostics)).toEqual([
            "Unknown actor 'AssocAmal'. Did you mean 'AssocAmalBerkane'?"
        ]);

        await workspace.edit('actors.territory', 'actor AssocAmal\nactor Coop');
        expect(errorsOf(workspace.document('ties.territory').diagnostics)).toEqual([]);
        const tie = (workspace.document('ties.territory').parseResult.value as Model).statements[0] as Tie;
        expect(tie.source.ref?.name).toBe('AssocAmal');
    });

    test('workspace-wide checks follow edits in other files', async () => {
        const workspace = createWorkspace();
        await workspace.build({
            'actors.territory': 'actor AssocAmal\nactor Coop',
            'ties.territory': ''
        });
        const isolated = () => (workspace.document('actors.territory').diagnostics ?? []).filter(d => d.code === 'isolated-actor').length;
        expect(isolated()).toBe(2);
        await workspace.edit('ties.territory', 'tie AssocAmal -- Coop collaboration');
        expect(isolated()).toBe(0);
        await workspace.edit('ties.territory', 'interest AssocAmal');
        expect(errorsOf(workspace.document('actors.territory').diagnostics)).toEqual([
            "Duplicate name 'AssocAmal': also declared as interest in ties.territory:1."
        ]);
    });
});

describe('the built-in prelude', () => {
    test('built-in kinds and relations resolve to the read-only prelude document', async () => {
        const workspace = createWorkspace();
        const { 'm.territory': document } = await workspace.build({ 'm.territory': 'actor A { kind association }\nactor B\ntie A -> B rejection' });
        const model = document.parseResult.value as Model;
        const kind = (model.statements[0] as Actor).kind!;
        expect(kind.ref?.name).toBe('association');
        expect(kind.$nodeDescription?.documentUri.toString()).toBe(PRELUDE_URI);
        expect(errorsOf(document.diagnostics)).toEqual([]);
    });

    test('the prelude declares every default kind and relation with the spec\'s direction and polarity', async () => {
        const workspace = createWorkspace();
        await workspace.build({ 'm.territory': '' });
        const prelude = workspace.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.toString() === PRELUDE_URI)!;
        const statements = (prelude.parseResult.value as Model).statements as Array<{ $type: string; name: string; direction?: string; polarity?: string }>;
        expect(statements.filter(s => s.$type === 'Kind').map(s => s.name)).toEqual([
            'association', 'cooperative', 'elected', 'civilServant', 'youth', 'enterprise', 'agency', 'ngo', 'donor', 'resident',
            'media', 'university', 'coach'
        ]);
        expect(statements.filter(s => s.$type === 'Relation').map(s => `${s.name} ${s.direction} ${s.polarity}`)).toEqual([
            'collaboration mutual positive', 'trust mutual positive', 'information directed positive', 'advice directed positive',
            'funding directed positive', 'authority directed neutral', 'influence directed neutral', 'membership directed neutral',
            'conflict mutual negative', 'rejection directed negative'
        ]);
        expect(prelude.diagnostics ?? []).toEqual([]);
    });
});
