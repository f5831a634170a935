import { DefaultFuzzyMatcher } from 'langium/lsp';

const DOT = '.'.charCodeAt(0);

/** Commitments are named `Dialogue.Commitment`: a word starts after the dot too. */
export class TerritoryFuzzyMatcher extends DefaultFuzzyMatcher {
    override isWordTransition(previous: number, current: number): boolean {
        return previous === DOT || super.isWordTransition(previous, current);
    }
}
