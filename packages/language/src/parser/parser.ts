import type { AstNode, CompletionParserResult, LangiumCoreServices, ParseResult, ParserOptions } from 'langium';
import { createParser, LangiumCompletionParser, LangiumParser } from 'langium';
import type { PredictiveParser } from './predictive-parser.js';
import { createPredictiveParser } from './predictive-parser.js';

/**
 * Langium's parser, with two changes for large workspaces:
 * - well-formed text is parsed by the predictive parser (`predictive-parser.ts`), which
 *   builds the same trees about three times faster; Langium parses the rest, and reports and
 *   recovers from its syntax errors;
 * - its tree builder skips a search it does for nothing. Before each token it hands the
 *   comments that precede it to the builder, and the builder, at the first token of a
 *   statement, looks for the statement's place among its siblings even when there is no
 *   comment to insert: an `indexOf` over every statement before it, so a file of 18,000
 *   statements took quadratic time (180 ms of a 2-second parse at 15,500 actors).
 */
export class TerritoryParser extends LangiumParser {
    private readonly predictive: PredictiveParser | undefined;
    private analysed = false;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.predictive = createPredictiveParser(services);
        const builder = (this as unknown as { nodeBuilder: unknown }).nodeBuilder as { addHiddenNodes(tokens: readonly unknown[]): void };
        const addHiddenNodes = builder.addHiddenNodes.bind(builder);
        builder.addHiddenNodes = tokens => {
            if (tokens.length > 0) addHiddenNodes(tokens);
        };
    }

    /** Whether well-formed text takes the predictive parser (false if the grammar has outgrown it). */
    get hasPredictiveParser(): boolean {
        return this.predictive !== undefined;
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        if (!options?.rule) {
            const result = this.predictive?.parse(input);
            if (result) return result as ParseResult<T>;
        }
        // Chevrotain analyses the grammar (60–90 ms of every server's start-up) only when
        // Langium's parser is first needed: a workspace of well-formed files never needs it.
        if (!this.analysed) {
            this.analysed = true;
            this.finalize();
        }
        return super.parse<T>(input, options);
    }
}

/** The parser, its rules given, analysed by Chevrotain at its first parse (see `parse`). */
export function createTerritoryParser(services: LangiumCoreServices): TerritoryParser {
    return createParser(services.Grammar, new TerritoryParser(services), services.parser.Lexer.definition);
}

/**
 * Langium's completion parser, analysed by Chevrotain at the first completion rather than when
 * the server starts (50 ms of every start-up, before the workspace is even read).
 */
export class TerritoryCompletionParser extends LangiumCompletionParser {
    private analysed = false;

    override parse(input: string): CompletionParserResult {
        if (!this.analysed) {
            this.analysed = true;
            this.finalize();
        }
        return super.parse(input);
    }
}

/** The completion parser, its rules given, analysed at its first parse (see `TerritoryCompletionParser`). */
export function createTerritoryCompletionParser(services: LangiumCoreServices): TerritoryCompletionParser {
    return createParser(services.Grammar, new TerritoryCompletionParser(services), services.parser.Lexer.definition);
}
