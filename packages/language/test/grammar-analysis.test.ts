import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { TerritoryLanguageLanguageMetaData } from '../src/generated/module.js';
import { createTerritoryServices } from '../src/territory-module.js';

describe("Chevrotain's checks of the grammar", () => {
    test('are skipped by the server, whose generated code is for production', () => {
        expect(TerritoryLanguageLanguageMetaData.mode).toBe('production');
    });

    test('find nothing wrong when run, as in development', () => {
        const { Territory } = createTerritoryServices(EmptyFileSystem, {
            LanguageMetaData: () => ({ ...TerritoryLanguageLanguageMetaData, mode: 'development' })
        });
        // Chevrotain checks the lexer when it is made, and each parser at its first parse, and
        // throws on an ambiguous or left-recursive rule. A syntax error takes Langium's parser.
        expect(Territory.parser.Lexer.tokenize('actor A "Association" { kind association }').errors).toEqual([]);
        const parsed = Territory.parser.LangiumParser.parse('actor A { kind }');
        expect(parsed.parserErrors.length).toBeGreaterThan(0);
        const completion = Territory.parser.CompletionParser.parse('actor A { kind ');
        expect(completion.tokens.length).toBeGreaterThan(0);
    });
});
