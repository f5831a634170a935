import { describe, expect, test } from 'vitest';
import type { ActorData, PairConvergence, TerritoryModel, TieData } from '../src/index.js';
import { analyze, buildGraphs, compareNames, pairKey, positionAgreement } from '../src/index.js';
import { analysePairs } from '../src/convergence.js';
import { introducers } from '../src/metrics/paths.js';
import { withIntroducers } from '../src/suggestions.js';
import { seededRandom } from '../../../test/seeded-random.js';

/**
 * `analysePairs` only looks at the pairs that can matter and builds only those it keeps;
 * these tests hold it to the plain definition: every pair sharing an interest, in full, then
 * the strongest, the best opportunities, the tensions and the bridges chosen among them.
 */


interface Shape {
    actors: number;
    interests: number;
    /** Most stances an actor takes. */
    stances: number;
    ties: number;
    /** Intensities drawn from this list (with a sign). */
    intensities: readonly number[];
}

/**
 * A random model: few or many stances per actor, repeated and zero stances, several ties on
 * one pair, negative, neutral and positive ties, actors without any stance.
 */
function randomModel(seed: number, shape: Shape): TerritoryModel {
    const random = seededRandom(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const interestNames = Array.from({ length: shape.interests }, (_, i) => `I${i}`);
    const actors: ActorData[] = Array.from({ length: shape.actors }, (_, i) => {
        const count = Math.floor(random() * (shape.stances + 1));
        const positions = Array.from({ length: count }, () => ({
            interest: pick(interestNames),
            position: (random() < 0.25 ? -1 : 1) * pick(shape.intensities)
        }));
        return { name: `A${String(i).padStart(4, '0')}`, positions, tags: [] };
    });
    const ties: TieData[] = [];
    for (let t = 0; t < shape.ties; t++) {
        const source = pick(actors).name;
        const target = random() < 0.2 && ties.length > 0 ? ties[ties.length - 1].target : pick(actors).name;
        const polarity = pick(['positive', 'positive', 'neutral', 'negative'] as const);
        ties.push({ source, target, relation: polarity === 'negative' ? 'conflict' : 'trust', directed: random() < 0.5, polarity, weight: 1 + Math.floor(random() * 3) });
    }
    return {
        asOf: '2025-01-01',
        actors: actors.sort((a, b) => compareNames(a.name, b.name)),
        ties,
        interests: interestNames.map(name => ({ name })),
        workshops: [],
        dialogues: [],
        places: []
    };
}

/** The pair analysis by its definition: every pair sharing an interest, built in full, then sorted and cut. */
function plainPairs(model: TerritoryModel, rStar: ArrayLike<number>, listAll: boolean, listLimit: number, top: number) {
    const graphs = buildGraphs(model);
    const n = model.actors.length;
    const firstStances = model.actors.map(actor => {
        const seen = new Map<string, number>();
        for (const { interest, position } of actor.positions) if (!seen.has(interest) && position !== 0) seen.set(interest, position);
        return seen;
    });
    const interests = [...new Set(model.actors.flatMap(actor => actor.positions.map(p => p.interest)))].sort(compareNames);
    const all: PairConvergence[] = [];
    const joined: boolean[] = [];
    const signs: Array<1 | -1 | undefined> = [];
    for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
            const pair: PairConvergence = {
                a: model.actors[a].name, b: model.actors[b].name, convergence: 0, divergence: 0, convergentInterests: 0,
                divergentInterests: 0, weightedConvergence: 0, weightedDivergence: 0, interests: []
            };
            let shared = false;
            for (const interest of interests) {
                const p = firstStances[a].get(interest);
                const o = firstStances[b].get(interest);
                if (p === undefined || o === undefined) continue;
                shared = true;
                const plain = positionAgreement(p, o);
                const weighted = positionAgreement(rStar[a] * p, rStar[b] * o);
                pair.convergence += plain.convergence;
                pair.divergence += plain.divergence;
                pair.weightedConvergence += weighted.convergence;
                pair.weightedDivergence += weighted.divergence;
                if (plain.convergence > 0) pair.convergentInterests++; else pair.divergentInterests++;
                if (p * o > 0) pair.interests.push(interest);
            }
            if (!shared) continue;
            all.push(pair);
            const { offsets, neighbors } = graphs.compact;
            joined.push(Array.from(neighbors.subarray(offsets[a], offsets[a + 1])).includes(b));
            signs.push(graphs.signs.get(pairKey(a, b, n)));
        }
    }
    const byNames = (p: PairConvergence, q: PairConvergence) => compareNames(p.a, q.a) || compareNames(p.b, q.b);
    const strength = (p: PairConvergence, q: PairConvergence) => (q.convergence + q.divergence) - (p.convergence + p.divergence) || byNames(p, q);
    const balance = (p: PairConvergence, q: PairConvergence) => (q.convergence - q.divergence) - (p.convergence - p.divergence) || byNames(p, q);
    return {
        pairs: listAll ? [...all].sort(byNames) : [...all].sort(strength).slice(0, listLimit).sort(byNames),
        opportunities: all.filter((p, i) => p.convergence > p.divergence && !joined[i] && signs[i] === undefined).sort(balance).slice(0, top),
        tensions: all.filter((p, i) => joined[i] && p.divergence > p.convergence)
            .sort((p, q) => (q.divergence - q.convergence) - (p.divergence - p.convergence) || byNames(p, q)),
        bridges: all.filter((p, i) => signs[i] === -1 && p.convergence > 0).sort((p, q) => q.convergence - p.convergence || byNames(p, q))
    };
}

const SHAPES: Record<string, Shape> = {
    // Mostly one stance per actor, few on several interests: pairs sharing two interests are few.
    'one stance each, small intensities': { actors: 300, interests: 6, stances: 2, ties: 500, intensities: [1, 2, 3, 4] },
    'one stance each, spread intensities': { actors: 250, interests: 4, stances: 2, ties: 300, intensities: [1, 5, 9, 0.5, 2.25] },
    // Many stances per actor: most pairs share several interests.
    'many stances each': { actors: 120, interests: 8, stances: 7, ties: 300, intensities: [1, 2, 3] },
    'fractional intensities': { actors: 150, interests: 5, stances: 3, ties: 200, intensities: [0.1, 0.7, 1.3, 2.9, 0] }
};

describe('pairs chosen as by their definition', () => {
    for (const [label, shape] of Object.entries(SHAPES)) {
        test.each([1, 2, 3])(`${label} (seed %i)`, seed => {
            const model = randomModel(seed * 7919 + shape.actors, shape);
            const graphs = buildGraphs(model);
            const random = seededRandom(seed);
            const rStar = Float64Array.from(model.actors, () => (random() < 0.1 ? 0 : 0.2 + random() * 2));
            for (const [listAll, listLimit, top] of [[false, 40, 7], [false, 1, 1], [false, 500, 60], [true, 0, 15]] as const) {
                const found = analysePairs(model, rStar, { listAll, listLimit, top, joined: graphs.compact, signs: graphs.signs });
                const expected = plainPairs(model, rStar, listAll, listLimit, top);
                expect(found.pairs).toEqual(expected.pairs);
                expect(found.opportunities).toEqual(expected.opportunities);
                expect(found.tensions).toEqual(expected.tensions);
                expect(found.bridges).toEqual(expected.bridges);
                expect(found.truncated).toBe(!listAll);
            }
        });
    }

    test('repeated, neutral and negative ties on one pair: a negative tie makes a bridge and no opportunity', () => {
        const actor = (name: string, position: number): ActorData => ({ name, positions: [{ interest: 'Water', position }], tags: [] });
        const tie = (source: string, target: string, polarity: TieData['polarity']): TieData =>
            ({ source, target, relation: polarity, directed: false, polarity, weight: 1 });
        const model: TerritoryModel = {
            asOf: '2025-01-01',
            actors: [actor('A', 3), actor('B', 2), actor('C', 1), actor('D', -4)],
            ties: [tie('A', 'B', 'positive'), tie('B', 'A', 'positive'), tie('A', 'B', 'negative'), tie('C', 'D', 'neutral'), tie('D', 'C', 'neutral')],
            interests: [{ name: 'Water' }],
            workshops: [],
            dialogues: [],
            places: []
        };
        const result = analyze(model);
        expect(result.bridges).toEqual([{ a: 'A', b: 'B', convergence: 2.5, interests: ['Water'] }]);
        expect(result.tensions).toEqual([{ a: 'C', b: 'D', convergence: 0, divergence: 2.5 }]);
        expect(result.opportunities.map(o => [o.a, o.b])).toEqual([['A', 'C'], ['B', 'C']]);
    });
});

describe('introducers of the opportunities', () => {
    test.each([1, 2, 3, 4])('the same as from two full searches (random model %i)', seed => {
        const model = randomModel(seed, { actors: 200, interests: 3, stances: 1, ties: 260, intensities: [1] });
        const graphs = buildGraphs(model);
        const random = seededRandom(seed);
        const pairs = Array.from({ length: 150 }, () => {
            const a = Math.floor(random() * 200);
            const b = (a + 1 + Math.floor(random() * 199)) % 200;
            return { a: graphs.names[Math.min(a, b)], b: graphs.names[Math.max(a, b)] } as PairConvergence;
        });
        const found = withIntroducers(graphs, pairs).map(o => o.introducers);
        const expected = pairs.map(({ a, b }) => introducers(graphs.compact, graphs.indexOf.get(a)!, graphs.indexOf.get(b)!).map(({ actor }) => graphs.names[actor]));
        expect(found).toEqual(expected);
    });

    test('more than 2^53 shortest paths: still the same', () => {
        // 60 layers of 2 actors, each tied to both actors of the next layer: 2^59 shortest paths end to end.
        const names = ['S', ...Array.from({ length: 120 }, (_, i) => `L${String(i).padStart(3, '0')}`), 'T'].sort(compareNames);
        const layer = (k: number) => [`L${String(2 * k).padStart(3, '0')}`, `L${String(2 * k + 1).padStart(3, '0')}`];
        const ties: TieData[] = [];
        const tie = (source: string, target: string): TieData => ({ source, target, relation: 'trust', directed: false, polarity: 'positive', weight: 1 });
        for (const first of layer(0)) ties.push(tie('S', first));
        for (let k = 0; k + 1 < 60; k++) for (const from of layer(k)) for (const to of layer(k + 1)) ties.push(tie(from, to));
        for (const last of layer(59)) ties.push(tie(last, 'T'));
        const model: TerritoryModel = {
            asOf: '2025-01-01', actors: names.map(name => ({ name, positions: [], tags: [] })), ties,
            interests: [], workshops: [], dialogues: [], places: []
        };
        const graphs = buildGraphs(model);
        const pairs = [{ a: 'L000', b: 'T' }, { a: 'S', b: 'T' }, { a: 'L010', b: 'L101' }] as PairConvergence[];
        const found = withIntroducers(graphs, pairs).map(o => o.introducers);
        const expected = pairs.map(({ a, b }) => introducers(graphs.compact, graphs.indexOf.get(a)!, graphs.indexOf.get(b)!).map(({ actor }) => graphs.names[actor]));
        expect(found).toEqual(expected);
        expect(found[1]).toHaveLength(120);
    });
});
