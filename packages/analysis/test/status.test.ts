import { describe, expect, test } from 'vitest';
import { analysisOf } from './helpers.js';

/**
 * A textbook-style sociometric test of eight actors. Positive choices (advice, a positive
 * relation) and rejections give:
 *           LM  LL
 *   Pop      4   0     chosen by A1–A4, rejected by nobody
 *   Con      3   3     chosen by A1–A3, rejected by A4, Rej and Neg
 *   Rej      0   4     rejected by A1–A4
 *   Neg      0   0     nobody chooses or rejects them
 *   A1       1   1     chosen by Pop, rejected by Rej
 *   A2–A4    1   0     chosen by Pop
 * zLM: mean 11/8, sd √1.734375; zLL: mean 1, sd 1.5. Then zSP = z(zLM − zLL) and
 * zSI = z(zLM + zLL): Pop zSP ≈ 1.82 → popular; Rej zSP ≈ −2.09 → rejected; Neg zSI ≈ −1.25
 * → neglected; Con zSI ≈ 1.88 with zLM, zLL > 0 → controversial; the A's |zSP| < 0.5 → average.
 */
const MODEL = `
actor Pop
actor Con
actor Rej
actor Neg
actor A1
actor A2
actor A3
actor A4
tie A1 -> Pop advice
tie A2 -> Pop advice
tie A3 -> Pop advice
tie A4 -> Pop advice
tie A1 -> Con advice
tie A2 -> Con advice
tie A3 -> Con advice
tie Pop -> A1 advice
tie Pop -> A2 advice
tie Pop -> A3 advice
tie Pop -> A4 advice
tie A1 -> Rej rejection
tie A2 -> Rej rejection
tie A3 -> Rej rejection
tie A4 -> Rej rejection
tie A4 -> Con rejection
tie Rej -> Con rejection
tie Neg -> Con rejection
tie Rej -> A1 rejection
`;

describe('sociometric status (Coie–Dodge)', () => {
    test('each status on a textbook-style case', async () => {
        const { actors } = await analysisOf(MODEL);
        const status = Object.fromEntries(Object.entries(actors).map(([name, figures]) => [name, figures.status]));
        expect(status).toEqual({
            A1: 'average', A2: 'average', A3: 'average', A4: 'average',
            Con: 'controversial', Neg: 'neglected', Pop: 'popular', Rej: 'rejected'
        });
        expect([actors.Con.likedBy, actors.Con.rejectedBy]).toEqual([3, 3]);
    });

    test('a mutual tie is a choice both ways; neutral ties are no choice; choices count once per chooser', async () => {
        const { actors } = await analysisOf('actor A\nactor B\nactor C\ntie A -- B trust\ntie A -> B advice\ntie C -> A authority\ntie C -- A conflict');
        expect([actors.A.likedBy, actors.B.likedBy, actors.C.likedBy]).toEqual([1, 1, 0]);
        expect([actors.A.rejectedBy, actors.C.rejectedBy]).toEqual([1, 1]);
    });

    test('without any deviation every actor is average', async () => {
        const { actors } = await analysisOf('actor A\nactor B\ntie A -- B trust');
        expect([actors.A.status, actors.B.status]).toEqual(['average', 'average']);
    });
});
