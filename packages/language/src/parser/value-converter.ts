import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter } from 'langium';
import { normalizeName } from '../names.js';

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/** Reads `"..."` with its escapes; an unknown escape keeps its backslash (the validator flags it). */
export function unescapeString(quoted: string): string {
    return quoted.slice(1, -1).replace(/\\(.)/gu, (whole, char: string) => ESCAPES[char] ?? whole);
}

export class TerritoryValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'STRING':
                return unescapeString(input);
            case 'LONG_STRING':
                return input.slice(3, -3);
            case 'ID':
                return normalizeName(input);
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}
