import { TextDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { CodeAction, CompletionItem, Diagnostic, Hover, Location, LocationLink, MarkupContent, WorkspaceEdit } from 'vscode-languageserver';
import { PRELUDE_URI } from '../src/prelude.js';
import { createWorkspace, cursor } from './helpers.js';
import type { Workspace } from './helpers.js';

async function at(files: Record<string, string>, name: string): Promise<{ workspace: Workspace; position: { line: number; character: number } }> {
    const { text, offset } = cursor(files[name]);
    const workspace = createWorkspace();
    await workspace.build({ ...files, [name]: text });
    return { workspace, position: workspace.document(name).textDocument.positionAt(offset) };
}

async function complete(files: Record<string, string>, name = 'model.territory'): Promise<CompletionItem[]> {
    const { workspace, position } = await at(files, name);
    const list = await workspace.services.lsp.CompletionProvider!.getCompletion(workspace.document(name), {
        textDocument: { uri: workspace.uri(name) }, position
    });
    return list?.items ?? [];
}

async function hover(files: Record<string, string>, name = 'model.territory'): Promise<string> {
    const { workspace, position } = await at(files, name);
    const result = await workspace.services.lsp.HoverProvider!.getHoverContent(workspace.document(name), {
        textDocument: { uri: workspace.uri(name) }, position
    }) as Hover | undefined;
    return (result?.contents as MarkupContent | undefined)?.value ?? '';
}

const labels = (items: CompletionItem[]) => items.map(item => item.label);

const MODEL = {
    'region.territory': 'territory Oriental "Région de l\'Oriental"\nzone Berkane "Province de Berkane" in Oriental\ninterest Water "Access to water"',
    'actors.territory': `actor AssocAmal "Association Amal — جمعية الأمل" {
  kind association
  zone Berkane
  power 4
  supports Water 3
  description "Women's *association* [link](http://example.com)"
}
actor CoopArgan "Coopérative Argan" { kind cooperative }
actor CommuneBerkane { kind elected }`,
    'ties.territory': 'tie AssocAmal -- CoopArgan collaboration 3\ntie CommuneBerkane -> AssocAmal funding 4'
};

describe('completion', () => {
    test('a tie\'s relation slot offers relations only', async () => {
        const items = labels(await complete({ ...MODEL, 'model.territory': 'tie AssocAmal -- CoopArgan <|>' }));
        expect(items).toContain('collaboration');
        expect(items).toContain('rejection');
        expect(items).not.toContain('AssocAmal');
        expect(items).not.toContain('association');
        expect(items).not.toContain('Berkane');
    });

    test('a tie\'s endpoints offer actors only, from every file', async () => {
        const items = labels(await complete({ ...MODEL, 'model.territory': 'tie AssocAmal -- <|>' }));
        expect(items).toEqual(expect.arrayContaining(['AssocAmal', 'CoopArgan', 'CommuneBerkane']));
        expect(items).not.toContain('Berkane');
        expect(items).not.toContain('Water');
        expect(items).not.toContain('collaboration');
    });

    test('an actor\'s kind offers kinds, its zone offers the territory and zones', async () => {
        expect(labels(await complete({ ...MODEL, 'model.territory': 'actor X { kind <|> }' }))).toEqual(expect.arrayContaining(['association', 'coach', 'youth']));
        const zones = labels(await complete({ ...MODEL, 'model.territory': 'actor X { zone <|> }' }));
        expect(zones).toEqual(expect.arrayContaining(['Oriental', 'Berkane']));
        expect(zones).not.toContain('AssocAmal');
    });

    test('statement keywords at the start of a line', async () => {
        const items = labels(await complete({ 'model.territory': 'actor A\n<|>' }));
        expect(items).toEqual(expect.arrayContaining(['actor', 'tie', 'zone', 'interest', 'workshop', 'dialogue', 'view', 'territory']));
    });

    test('deep in a long file, inside a block, the same offers as at its top', async () => {
        const above = Array.from({ length: 200 }, (_, i) => `actor Filler${i} { kind youth }\ntie Filler${i} -- AssocAmal trust`).join('\n');
        const inBlock = labels(await complete({ ...MODEL, 'model.territory': `${above}\nactor X {\n  kind association\n  zone <|>\n}` }));
        expect(inBlock).toEqual(expect.arrayContaining(['Oriental', 'Berkane']));
        expect(inBlock).not.toContain('AssocAmal');
        const relation = labels(await complete({ ...MODEL, 'model.territory': `${above}\ntie AssocAmal -- CoopArgan <|>` }));
        expect(relation).toContain('collaboration');
        expect(relation).not.toContain('Filler3');
    });

    test('thousands of candidates: at most 500 at a time, and typing narrows them', async () => {
        const many = Array.from({ length: 3000 }, (_, i) => `actor Actor${i}`).join('\n');
        expect(labels(await complete({ ...MODEL, 'model.territory': `${many}\ntie AssocAmal -- <|>` }))).toHaveLength(500);
        expect(labels(await complete({ ...MODEL, 'model.territory': `${many}\ntie AssocAmal -- Actor2999<|>` }))).toContain('Actor2999');
    });

    test('value slots offer their value words', async () => {
        const statuses = labels(await complete({ ...MODEL, 'model.territory': 'dialogue D { parties AssocAmal\n commitment C: AssocAmal commits status <|> }' }));
        expect(statuses).toEqual(['proposed', 'agreed', 'ongoing', 'done', 'dropped']);
        const layouts = labels(await complete({ 'model.territory': 'view V { layout <|> }' }));
        expect(layouts).toEqual(['layered', 'stress', 'force', 'radial']);
        const metrics = labels(await complete({ 'model.territory': 'view V { size by <|> }' }));
        expect(metrics).toContain('betweenness');
        expect(metrics).not.toContain('territory');
    });
});

describe('hover', () => {
    test('an actor: label, kind, zone, power, stances, number of ties, description as text', async () => {
        const content = await hover({ ...MODEL, 'model.territory': 'tie Assoc<|>Amal -> CommuneBerkane advice' });
        expect(content).toContain('**actor** `AssocAmal` — Association Amal — جمعية الأمل');
        expect(content).toContain('kind: Association');
        expect(content).toContain('zone: Province de Berkane');
        expect(content).toContain('power: 4/5');
        expect(content).toContain('3 tie statements');
        expect(content).toContain('supports Water (3)');
        // Model text is shown as text: Markdown in a description cannot make links or emphasis.
        expect(content).toContain("Women's \\*association\\* \\[link\\]\\(http://example\\.com\\)");
    });

    test('a built-in relation says what it is and that it is built in', async () => {
        const content = await hover({ ...MODEL, 'model.territory': 'tie AssocAmal -> CommuneBerkane fund<|>ing' });
        expect(content).toContain('**relation** `funding` — Funding');
        expect(content).toContain('directed, positive');
        expect(content).toContain('Built in');
    });

    test('a zone and an interest', async () => {
        expect(await hover({ ...MODEL, 'model.territory': 'actor X { zone Berk<|>ane }' })).toContain('in Région de l\'Oriental');
        expect(await hover({ ...MODEL, 'model.territory': 'actor X { supports Wat<|>er }' })).toContain('**interest** `Water` — Access to water');
    });
});

describe('navigation', () => {
    test('go to definition crosses files and reaches the prelude', async () => {
        const { workspace, position } = await at({ ...MODEL, 'model.territory': 'tie Coop<|>Argan -> CommuneBerkane advice' }, 'model.territory');
        const links = await workspace.services.lsp.DefinitionProvider!.getDefinition(workspace.document('model.territory'), {
            textDocument: { uri: workspace.uri('model.territory') }, position
        }) as LocationLink[];
        expect(links.map(link => [link.targetUri, link.targetSelectionRange.start.line])).toEqual([[workspace.uri('actors.territory'), 7]]);

        const relation = await at({ ...MODEL, 'model.territory': 'tie CoopArgan -> CommuneBerkane adv<|>ice' }, 'model.territory');
        const builtin = await relation.workspace.services.lsp.DefinitionProvider!.getDefinition(relation.workspace.document('model.territory'), {
            textDocument: { uri: relation.workspace.uri('model.territory') }, position: relation.position
        }) as LocationLink[];
        expect(builtin[0].targetUri).toBe(PRELUDE_URI);
    });

    test('find references lists every use in every file', async () => {
        const { workspace, position } = await at({ ...MODEL, 'model.territory': 'actor X\ntie X -- Assoc<|>Amal trust' }, 'model.territory');
        const locations = await workspace.services.lsp.ReferencesProvider!.findReferences(workspace.document('model.territory'), {
            textDocument: { uri: workspace.uri('model.territory') }, position, context: { includeDeclaration: true }
        }) as Location[];
        const files = locations.map(location => location.uri.replace(/^.*\//, '')).sort();
        expect(files).toEqual(['actors.territory', 'model.territory', 'ties.territory', 'ties.territory']);
    });

    test('document highlight marks the name and its uses in the file', async () => {
        const { workspace, position } = await at({ 'model.territory': 'actor <|>A\nactor B\ntie A -- B trust\ntie B -> A advice' }, 'model.territory');
        const highlights = await workspace.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(workspace.document('model.territory'), {
            textDocument: { uri: workspace.uri('model.territory') }, position
        });
        expect(highlights?.map(h => h.range.start.line).sort()).toEqual([0, 2, 3]);
    });
});

describe('rename', () => {
    async function rename(newName: string, marked: string): Promise<{ edit?: WorkspaceEdit; error?: string; workspace: Workspace }> {
        const { workspace, position } = await at({ ...MODEL, 'model.territory': marked }, 'model.territory');
        try {
            const edit = await workspace.services.lsp.RenameProvider!.rename(workspace.document('model.territory'), {
                textDocument: { uri: workspace.uri('model.territory') }, position, newName
            });
            return { edit, workspace };
        } catch (error) {
            return { error: (error as Error).message, workspace };
        }
    }

    test('renames the declaration and every reference across files', async () => {
        const { edit, workspace } = await rename('AssocAmalBerkane', 'tie Assoc<|>Amal -> CommuneBerkane advice');
        const changes = edit!.changes!;
        expect(Object.keys(changes).map(uri => uri.replace(/^.*\//, '')).sort()).toEqual(['actors.territory', 'model.territory', 'ties.territory']);
        for (const [uri, edits] of Object.entries(changes)) {
            const name = uri.replace(/^.*\//, '');
            const renamed = TextDocument.applyEdits(workspace.document(name).textDocument, edits);
            expect(renamed).not.toMatch(/\bAssocAmal\b/);
            expect(renamed).toContain('AssocAmalBerkane');
        }
    });

    test('refuses built-ins, keywords and invalid names', async () => {
        expect((await rename('help', 'tie AssocAmal -> CommuneBerkane adv<|>ice')).error).toMatch(/built in/);
        expect((await rename('zone', 'tie Assoc<|>Amal -> CommuneBerkane advice')).error).toMatch(/keyword/);
        expect((await rename('2Assoc', 'tie Assoc<|>Amal -> CommuneBerkane advice')).error).toMatch(/not a valid name/);
        expect((await rename('جمعية_الأمل', 'tie Assoc<|>Amal -> CommuneBerkane advice')).edit).toBeDefined();
    });
});

describe('symbols, folding and highlighting', () => {
    test('document symbols list declarations with nested zones and commitments', async () => {
        const workspace = createWorkspace();
        const { 'm.territory': document } = await workspace.build({
            'm.territory': 'zone Berkane {\n  zone Saidia\n}\nactor A\ndialogue D {\n  commitment Open: A commits\n}'
        });
        const symbols = await workspace.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: workspace.uri('m.territory') } });
        const outline = symbols.map(s => `${s.name}[${(s.children ?? []).map(c => c.name).join(',')}]`);
        expect(outline).toEqual(['Berkane[Saidia]', 'A[]', 'D[Open]']);
    });

    test('workspace symbols find declarations of every file, commitments by qualified name', async () => {
        const workspace = createWorkspace();
        await workspace.build({ ...MODEL, 'd.territory': 'dialogue Charter {\n  commitment OpenPoints: AssocAmal commits\n}' });
        const symbols = await workspace.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'Assoc' });
        expect(symbols.map(s => s.name)).toContain('AssocAmal');
        const commitments = await workspace.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'OpenPoints' });
        expect(commitments.map(s => s.name)).toContain('Charter.OpenPoints');
    });

    test('blocks and multi-line comments fold', async () => {
        const workspace = createWorkspace();
        const { 'm.territory': document } = await workspace.build({ 'm.territory': '/* a\n long\n comment */\nactor A {\n  power 3\n  kind youth\n}' });
        const ranges = await workspace.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: workspace.uri('m.territory') } });
        // Like VS Code's own languages, the last line (the closing `}` or `*/`) stays visible.
        expect(ranges.map(r => [r.startLine, r.endLine])).toEqual(expect.arrayContaining([[0, 1], [3, 5]]));
    });

    test('semantic tokens tell declarations from references and actors from relations', async () => {
        const workspace = createWorkspace();
        const { 'm.territory': document } = await workspace.build({ 'm.territory': 'actor A\nactor B\ntie A -- B trust' });
        const tokens = await workspace.services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: workspace.uri('m.territory') } });
        // 5 tokens: A, B declared; A, B, trust referenced (relative encoding: 5 numbers each)
        expect(tokens.data.length).toBe(25);
        const legend = workspace.services.lsp.SemanticTokenProvider!.tokenTypes;
        const typeNames = Object.fromEntries(Object.entries(legend).map(([name, index]) => [index, name]));
        const types = [];
        for (let i = 0; i < tokens.data.length; i += 5) types.push(typeNames[tokens.data[i + 3]]);
        expect(types).toEqual(['variable', 'variable', 'variable', 'variable', 'function']);
    });
});

describe('quick fixes', () => {
    async function fixes(text: string, code: string): Promise<{ actions: CodeAction[]; apply: (action: CodeAction) => string }> {
        const workspace = createWorkspace();
        const { 'm.territory': document } = await workspace.build({ 'm.territory': text });
        const diagnostics = (document.diagnostics ?? []).filter((d: Diagnostic) => d.code === code);
        expect(diagnostics.length).toBeGreaterThan(0);
        const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: workspace.uri('m.territory') }, range: diagnostics[0].range, context: { diagnostics }
        }) as CodeAction[];
        return {
            actions,
            apply: action => TextDocument.applyEdits(document.textDocument, action.edit!.changes![workspace.uri('m.territory')])
        };
    }

    test('use the suggested name', async () => {
        const { actions, apply } = await fixes('actor AssocAmal\nactor B\ntie AssocAmel -- B trust\n', 'unresolved-reference');
        const use = actions.find(a => a.title === "Change to 'AssocAmal'")!;
        expect(apply(use)).toBe('actor AssocAmal\nactor B\ntie AssocAmal -- B trust\n');
    });

    test('declare the missing actor, interest or zone', async () => {
        const actor = await fixes('actor B\ntie Nouveau -- B trust\n', 'unresolved-reference');
        expect(actor.apply(actor.actions.find(a => a.title === "Declare actor 'Nouveau'")!)).toBe('actor B\ntie Nouveau -- B trust\n\nactor Nouveau\n');
        const interest = await fixes('actor B { supports Roads }', 'unresolved-reference');
        expect(interest.apply(interest.actions.find(a => a.title === "Declare interest 'Roads'")!)).toBe('actor B { supports Roads }\n\ninterest Roads\n');
        const zone = await fixes('actor B { zone Jerada }', 'unresolved-reference');
        expect(zone.apply(zone.actions.find(a => a.title === "Declare zone 'Jerada'")!)).toBe('actor B { zone Jerada }\n\nzone Jerada\n');
    });

    test('add the missing party to a dialogue', async () => {
        const text = 'actor A\nactor B\ntie A -- B trust\ndialogue D {\n  parties A\n  commitment C: B commits\n}\n';
        const { actions, apply } = await fixes(text, 'commitment-by-non-party');
        expect(apply(actions[0])).toBe(text.replace('parties A', 'parties A, B'));
        const bare = 'actor A\nactor B\ntie A -- B trust\ndialogue D {\n  commitment C: B commits\n}\n';
        const second = await fixes(bare, 'commitment-by-non-party');
        expect(second.apply(second.actions[0])).toBe(bare.replace('dialogue D {', 'dialogue D {\n  parties B'));
    });

    test('fix a tie\'s arrow to match its relation', async () => {
        const { actions, apply } = await fixes('actor A\nactor B\ntie A -- B funding\n', 'direction-mismatch');
        expect(apply(actions[0])).toBe('actor A\nactor B\ntie A -> B funding\n');
    });

    test('use the suggested value word', async () => {
        const { actions, apply } = await fixes('view V { layout forse }', 'unknown-value');
        expect(apply(actions[0])).toBe('view V { layout force }');
    });
});
