/** Names are compared after Unicode NFC normalisation (spec: "Workspace and names"). */
export function normalizeName(name: string): string {
    return ASCII.test(name) ? name : name.normalize('NFC'); // ASCII is always in NFC: skip the costly call
}

const ASCII = /^[\x00-\x7f]*$/;

// Bidirectional control characters make two different names look the same.
const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function hasBidiControl(name: string): boolean {
    return BIDI_CONTROL.test(name);
}

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{M}\p{N}_]/u;

/**
 * The first character that may not stand where it is in a name (the lexer reads any
 * character beyond U+00BF as part of a name, and leaves this check to the validator).
 */
export function invalidNameCharacter(name: string): string | undefined {
    const chars = Array.from(name);
    if (chars.length > 0 && !NAME_START.test(chars[0])) return chars[0];
    return chars.find(char => !NAME_PART.test(char));
}

/**
 * Levenshtein distance over Unicode code points: exact up to `max`, and above it some number
 * above it (the count stops once a whole row of the table exceeds `max`: every alignment
 * crosses every row).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
    const x = SURROGATE.test(a) ? Array.from(a) : a;
    const y = SURROGATE.test(b) ? Array.from(b) : b;
    // Two rows, reused: this runs over every declared name for each unknown one.
    if (rows[0].length <= y.length) rows = [new Int32Array(2 * y.length + 2), new Int32Array(2 * y.length + 2)];
    let [previous, current] = rows;
    for (let j = 0; j <= y.length; j++) previous[j] = j;
    for (let i = 1; i <= x.length; i++) {
        current[0] = i;
        let rowMinimum = i;
        for (let j = 1; j <= y.length; j++) {
            const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
            const value = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
            current[j] = value;
            if (value < rowMinimum) rowMinimum = value;
        }
        if (rowMinimum > max) return max + 1;
        [previous, current] = [current, previous];
    }
    return previous[y.length];
}

let rows = [new Int32Array(64), new Int32Array(64)];

/**
 * The candidates closest to `name` by edit distance (case differences count as half an edit,
 * since `assocamal` for `AssocAmal` is the commonest slip), at most `limit`, closest first,
 * then by name. Candidates within a third of the name's length are kept, and so are names
 * that extend the one written (`AssocAmal` for `AssocAmalBerkane`), after the close ones.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
    const wanted = normalizeName(name);
    const wantedFolded = wanted.toLowerCase();
    const length = codePoints(wanted);
    const budget = Math.max(1, Math.floor(length / 3));
    const scored: Array<{ candidate: string; score: number }> = [];
    const seen = new Set<string>();
    for (const candidate of candidates) {
        if (seen.has(candidate) || candidate === wanted) continue;
        seen.add(candidate);
        // Both distances are at least the difference in length: most names are out of reach at once.
        if (Math.abs(codePoints(candidate) - length) > budget) {
            if (isExtension(wanted, candidate)) scored.push({ candidate, score: budget + 1 });
            continue;
        }
        // The score is at least the case-folded distance, and within the budget only while the
        // exact one is at most 2 × budget − folded: the distances stop counting past those.
        const folded = editDistance(wantedFolded, candidate.toLowerCase(), budget);
        const exact = folded > budget ? Infinity : editDistance(wanted, candidate, 2 * budget - folded);
        const score = folded + (exact - folded) / 2;
        if (score <= budget) scored.push({ candidate, score });
        else if (isExtension(wanted, candidate)) scored.push({ candidate, score: budget + 1 });
    }
    scored.sort((p, q) => p.score - q.score || (p.candidate < q.candidate ? -1 : p.candidate > q.candidate ? 1 : 0));
    return scored.slice(0, limit).map(entry => entry.candidate);
}

function codePoints(text: string): number {
    return SURROGATE.test(text) ? Array.from(text).length : text.length;
}

const SURROGATE = /[\uD800-\uDBFF]/;

function isExtension(wanted: string, candidate: string): boolean {
    const [short, long] = wanted.length < candidate.length ? [wanted, candidate] : [candidate, wanted];
    return short.length >= 3 && long.toLowerCase().startsWith(short.toLowerCase());
}
