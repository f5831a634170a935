import type { GrammarAST } from 'langium';
import { DefaultTokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';

/** How each terminal is named in syntax errors ("Expecting a name but found `}`"). */
const TERMINAL_LABELS: Record<string, string> = {
    ID: 'a name',
    NUMBER: 'a number',
    DATE: 'a date (YYYY-MM-DD)',
    STRING: 'a text in quotes',
    LONG_STRING: 'a text in quotes'
};

export class TerritoryTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        const label = TERMINAL_LABELS[token.name];
        if (label) token.LABEL = label;
        return token;
    }

    /**
     * Langium gives a keyword the ID terminal as its "longer alternative" only when the ID
     * regex has no flags; our ID is Unicode (`/u`), so without this `information` would lex as
     * the keyword `in` followed by `formation`. Every word-shaped keyword gets ID here.
     */
    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        const id = terminalTokens.find(terminal => terminal.name === 'ID');
        if (id && /^[\p{L}_]/u.test(keyword.value)) token.LONGER_ALT = id;
        return token;
    }
}
