import { describe, expect, test } from 'vitest';
import { closestNames, editDistance } from '../src/names.js';
import { seededRandom } from '../../../test/seeded-random.js';

/** Plain Levenshtein over code points, the whole table: what the bounded one must agree with. */
function fullDistance(a: string, b: string): number {
    const x = Array.from(a);
    const y = Array.from(b);
    const table = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= x.length; i++) {
        for (let j = 1; j <= y.length; j++) {
            table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        }
    }
    return table[x.length][y.length];
}

function randomName(next: () => number): string {
    const alphabets = ['abcAB', 'Association1943', 'جمعيةالأمل', 'é😀Zz'];
    const letters = Array.from(alphabets[Math.floor(next() * alphabets.length)]);
    return Array.from({ length: 1 + Math.floor(next() * 14) }, () => letters[Math.floor(next() * letters.length)]).join('');
}

describe('"did you mean" suggestions', () => {
    test('the edit distance stops counting past its bound, and is exact within it', () => {
        const next = seededRandom(7);
        for (let i = 0; i < 2000; i++) {
            const [a, b] = [randomName(next), randomName(next)];
            const max = Math.floor(next() * 6);
            const full = fullDistance(a, b);
            expect(editDistance(a, b)).toBe(full);
            const bounded = editDistance(a, b, max);
            if (full <= max) expect(bounded).toBe(full); else expect(bounded).toBeGreaterThan(max);
        }
    });

    test('the suggestions are those of the full distances', () => {
        // closestNames as documented, with whole-table distances.
        const reference = (name: string, candidates: string[]) => {
            const length = Array.from(name).length;
            const budget = Math.max(1, Math.floor(length / 3));
            const scored = [...new Set(candidates)].filter(candidate => candidate !== name).map(candidate => {
                const folded = fullDistance(name.toLowerCase(), candidate.toLowerCase());
                const score = folded + (fullDistance(name, candidate) - folded) / 2;
                const [short, long] = name.length < candidate.length ? [name, candidate] : [candidate, name];
                const extension = short.length >= 3 && long.toLowerCase().startsWith(short.toLowerCase());
                return { candidate, score: score <= budget ? score : extension ? budget + 1 : Infinity };
            }).filter(entry => entry.score !== Infinity);
            scored.sort((p, q) => p.score - q.score || (p.candidate < q.candidate ? -1 : p.candidate > q.candidate ? 1 : 0));
            return scored.slice(0, 3).map(entry => entry.candidate);
        };
        const next = seededRandom(11);
        for (let i = 0; i < 300; i++) {
            const candidates = Array.from({ length: 40 }, () => randomName(next));
            const name = next() < 0.5 ? randomName(next) : candidates[0].slice(0, -1) + 'x';
            expect(closestNames(name, candidates), `${name} among ${candidates.join(' ')}`).toEqual(reference(name, candidates));
        }
        expect(closestNames('AssocAmla', ['AssocAmal', 'AssocAmalBerkane', 'assocamal2', 'CoopNisae'])).toEqual(['AssocAmal', 'assocamal2']);
    });
});
