import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter } from 'langium';
import { normalizeName } from '../names.js';

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/** Reads `"..."` with its escapes; an unknown escape keeps its backslash (the validator flags it). */
export function unescapeString(quoted: string): string {
    return quoted.slice(1, -1).replace(/\\(.)/gu, (whole, char: string) => ESCAPES[char] ?? whole);
}

/** A text no rule's conversion could give back unchanged unless it gives back any text unchanged. */
const PROBE = '\u0000probe';

export class TerritoryValueConverter extends DefaultValueConverter {
    /**
     * The rules whose value is their text as written (names, numbers, dates: every rule of this
     * grammar returns a string). Langium's default conversion looks up the rule's type on every
     * call, a tenth of the parse of a large workspace; it depends on the rule alone.
     */
    private readonly writtenAsIs = new Map<GrammarAST.AbstractRule, boolean>();

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'STRING':
                return unescapeString(input);
            case 'LONG_STRING':
                return input.slice(3, -3);
            case 'ID':
                return normalizeName(input);
        }
        let asIs = this.writtenAsIs.get(rule);
        if (asIs === undefined) {
            asIs = super.runConverter(rule, PROBE, cstNode) === PROBE;
            this.writtenAsIs.set(rule, asIs);
        }
        return asIs ? input : super.runConverter(rule, input, cstNode);
    }
}
