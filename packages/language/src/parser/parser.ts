import type { LangiumCoreServices, LangiumParser } from 'langium';
import { createLangiumParser } from 'langium';

/**
 * Langium's parser, made to skip a search it does for nothing. Before each token it hands the
 * comments that precede it to its tree builder, and the builder, at the first token of a
 * statement, looks for the statement's place among its siblings even when there is no comment
 * to insert: an `indexOf` over every statement before it, so a file of 18,000 statements took
 * quadratic time (180 ms of a 2-second parse at 15,500 actors). With no comment to insert, the
 * builder has nothing to do.
 */
export function createTerritoryParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const builder = (parser as unknown as { nodeBuilder: { addHiddenNodes(tokens: readonly unknown[]): void } }).nodeBuilder;
    const addHiddenNodes = builder.addHiddenNodes.bind(builder);
    builder.addHiddenNodes = tokens => {
        if (tokens.length > 0) addHiddenNodes(tokens);
    };
    return parser;
}
