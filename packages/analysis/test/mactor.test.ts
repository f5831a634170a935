import { describe, expect, test } from 'vitest';
import { analysisOf } from './helpers.js';

/**
 * Three actors, three interests, every MACTOR matrix worked by hand.
 *
 * Influence ties: A -> B 3, B -> C 2, A -- C 1 (both ways), C -> A 5.
 *   MID      A  B  C          (C→A: 1 + 5 = 6, capped at 4)
 *     A      .  3  1
 *     B      0  .  2
 *     C      4  0  .
 *   MIDI(a,b) = MID(a,b) + Σ_k min(MID(a,k), MID(k,b)):
 *     A→B 3 + min(1,0) = 3     A→C 1 + min(3,2) = 3
 *     B→A 0 + min(2,4) = 2     B→C 2 + min(0,1) = 2
 *     C→A 4 + min(0,0) = 4     C→B 0 + min(4,3) = 3
 *   I:   A 6, B 4, C 7 (ΣI = 17)       Dep: A 6, B 6, C 5
 *   r:   A 6/17·6/12 = 180/1020, B 4/17·4/10 = 96/1020, C 7/17·7/12 = 245/1020 (Σr = 521/1020)
 *   r*:  A 540/521, B 288/521, C 735/521
 *
 * Positions p(a,i):     I1   I2   I3
 *                   A   +3   −2    0
 *                   B   +1   +4   −1
 *                   C   −2   −1   +2
 */
const MODEL = `
interest I1
interest I2
interest I3
actor A { supports I1 3
  opposes I2 2 }
actor B { supports I1
  supports I2 4
  opposes I3 }
actor C { opposes I1 2
  opposes I2
  supports I3 2 }
tie A -> B influence 3
tie B -> C influence 2
tie A -- C influence 1
tie C -> A influence 5
`;

const close = (value: number | null | undefined, expected: number) => expect(value).toBeCloseTo(expected, 9);

describe('MACTOR on a 3-actor, 3-interest case worked by hand', () => {
    test('influence, dependence and relative power r*', async () => {
        const { actors } = await analysisOf(MODEL);
        expect([actors.A.influence, actors.B.influence, actors.C.influence]).toEqual([6, 4, 7]);
        expect([actors.A.dependence, actors.B.dependence, actors.C.dependence]).toEqual([6, 6, 5]);
        close(actors.A.rStar, 540 / 521);
        close(actors.B.rStar, 288 / 521);
        close(actors.C.rStar, 735 / 521);
    });

    test('2CAA/2DAA, 1CAA/1DAA and 3CAA/3DAA for every pair', async () => {
        const { convergence } = await analysisOf(MODEL);
        const pair = (a: string, b: string) => convergence.pairs.find(p => p.a === a && p.b === b)!;
        // A,B: I1 both for (3+1)/2 = 2; I2 opposite (2+4)/2 = 3
        expect(pair('A', 'B')).toMatchObject({ convergence: 2, divergence: 3, convergentInterests: 1, divergentInterests: 1, interests: ['I1'] });
        close(pair('A', 'B').weightedConvergence, (1620 + 288) / 2 / 521);
        close(pair('A', 'B').weightedDivergence, (1080 + 1152) / 2 / 521);
        // A,C: I1 opposite (3+2)/2 = 2.5; I2 both against (2+1)/2 = 1.5
        expect(pair('A', 'C')).toMatchObject({ convergence: 1.5, divergence: 2.5, convergentInterests: 1, divergentInterests: 1 });
        close(pair('A', 'C').weightedConvergence, (1080 + 735) / 2 / 521);
        close(pair('A', 'C').weightedDivergence, (1620 + 1470) / 2 / 521);
        // B,C: opposite on all three: 1.5 + 2.5 + 1.5
        expect(pair('B', 'C')).toMatchObject({ convergence: 0, divergence: 5.5, convergentInterests: 0, divergentInterests: 3 });
        close(pair('B', 'C').weightedDivergence, (879 + 943.5 + 879) / 521);
        expect(convergence.pairs.map(p => `${p.a}-${p.b}`)).toEqual(['A-B', 'A-C', 'B-C']);
        expect(convergence.truncated).toBe(false);
    });

    test('per interest: support, opposition and mobilisation on r*-weighted positions (3MAO)', async () => {
        const { interests } = await analysisOf(MODEL);
        close(interests.I1.support, (1620 + 288) / 521);
        close(interests.I1.opposition, -1470 / 521);
        close(interests.I1.mobilisation, (1620 + 288 + 1470) / 521);
        close(interests.I2.support, 1152 / 521);
        close(interests.I2.opposition, -(1080 + 735) / 521);
        close(interests.I3.support, 1470 / 521);
        close(interests.I3.opposition, -288 / 521);
        expect(interests.I1).toMatchObject({ supporters: ['A', 'B'], opponents: ['C'] });
    });

    test('without any influence tie, every actor has r* = 1', async () => {
        const { actors, interests } = await analysisOf('interest I\nactor A { supports I 2 }\nactor B { opposes I }\ntie A -> B advice');
        expect([actors.A.rStar, actors.B.rStar]).toEqual([1, 1]);
        expect(interests.I).toMatchObject({ support: 2, opposition: -1, mobilisation: 3 });
    });
});
