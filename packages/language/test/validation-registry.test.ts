import type { ValidationChecks } from 'langium';
import { expect, test, vi } from 'vitest';
import type { TerritoryAstType } from '../src/generated/ast.js';
import { createWorkspace } from './helpers.js';

const MODEL = `
kind association "Association"
actor A association "A"
actor B association "B"
actor C association "C"
`;

test('a check that throws, or whose promise rejects, gives an error on its node and the other checks still run', async () => {
    const workspace = createWorkspace();
    // Checked once before the checks below are registered: the registry's list of checks per type must follow.
    await workspace.build({ 'before.territory': MODEL.replace(/actor (\w)/g, 'actor Z$1') });
    const checks: ValidationChecks<TerritoryAstType> = {
        Actor: [
            actor => {
                if (actor.name === 'A') throw new Error('no A');
            },
            async actor => {
                if (actor.name === 'B') throw new Error('no B');
            },
            (actor, accept) => {
                accept('warning', `checked ${actor.name}`, { node: actor });
            }
        ]
    };
    workspace.services.validation.ValidationRegistry.register(checks);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const diagnostics = (await workspace.build({ 'model.territory': MODEL }))['model.territory'].diagnostics ?? [];
    const messages = diagnostics.map(diagnostic => `${diagnostic.range.start.line}: ${diagnostic.message}`);
    expect(messages).toContain('2: An error occurred during validation: no A');
    expect(messages).toContain('3: An error occurred during validation: no B');
    expect(messages).toEqual(expect.arrayContaining(['2: checked A', '3: checked B', '4: checked C']));
    expect(logged).toHaveBeenCalled(); // as Langium does: the server's log gets the stack
    logged.mockRestore();
});
