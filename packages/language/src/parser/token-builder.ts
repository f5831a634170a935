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
}
