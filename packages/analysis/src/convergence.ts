import type { TerritoryModel } from './model.js';
import { compareNames } from './model.js';

/** Convergence and divergence of a pair of actors, a < b by name. */
export interface PairConvergence {
    a: string;
    b: string;
    /** 2CAA: Σ over interests where both take the same side of (|p(a,i)| + |p(b,i)|)/2. */
    convergence: number;
    /** 2DAA: the same sum over interests where they take opposite sides. */
    divergence: number;
    /** 1CAA: how many interests they agree on. */
    convergentInterests: number;
    /** 1DAA: how many interests they disagree on. */
    divergentInterests: number;
    /** 3CAA: 2CAA on positions weighted by r* (3MAO). */
    weightedConvergence: number;
    /** 3DAA: 2DAA on positions weighted by r*. */
    weightedDivergence: number;
    /** The interests they agree on, by name. */
    interests: string[];
}

export interface InterestMobilisation {
    supporters: string[];
    opponents: string[];
    /** Σ of positive 3MAO positions (r*·p). */
    support: number;
    /** Σ of negative 3MAO positions (a negative number). */
    opposition: number;
    /** support + |opposition|. */
    mobilisation: number;
}

/**
 * What two positions on one interest add to a pair's convergence or divergence:
 * (|p(a,i)| + |p(b,i)|)/2, on the side of convergence when they take the same side.
 */
export function positionAgreement(a: number, b: number): { convergence: number; divergence: number } {
    const weight = (Math.abs(a) + Math.abs(b)) / 2;
    if (a * b > 0) return { convergence: weight, divergence: 0 };
    if (a * b < 0) return { convergence: 0, divergence: weight };
    return { convergence: 0, divergence: 0 };
}

/**
 * MACTOR convergence between actors from their positions p(a,i) (+intensity for `supports`,
 * −intensity for `opposes`). Pairs are gathered through each interest's supporters and
 * opponents, never over all pairs of actors: only pairs sharing an interest can converge or
 * diverge. Returns every pair with convergence or divergence > 0, sorted by names.
 */
export function convergencePairs(model: TerritoryModel, rStar: (actor: string) => number): PairConvergence[] {
    const byInterest = positionsByInterest(model);
    const pairs = new Map<string, PairConvergence>();
    for (const [interest, positions] of [...byInterest].sort(([x], [y]) => compareNames(x, y))) {
        for (let i = 0; i < positions.length; i++) {
            for (let j = i + 1; j < positions.length; j++) {
                const [first, second] = compareNames(positions[i].actor, positions[j].actor) < 0
                    ? [positions[i], positions[j]] : [positions[j], positions[i]];
                const key = `${first.actor}\u0000${second.actor}`;
                let pair = pairs.get(key);
                if (!pair) {
                    pair = {
                        a: first.actor, b: second.actor, convergence: 0, divergence: 0, convergentInterests: 0,
                        divergentInterests: 0, weightedConvergence: 0, weightedDivergence: 0, interests: []
                    };
                    pairs.set(key, pair);
                }
                const plain = positionAgreement(first.position, second.position);
                const weighted = positionAgreement(rStar(first.actor) * first.position, rStar(second.actor) * second.position);
                pair.convergence += plain.convergence;
                pair.divergence += plain.divergence;
                pair.weightedConvergence += weighted.convergence;
                pair.weightedDivergence += weighted.divergence;
                if (plain.convergence > 0) {
                    pair.convergentInterests++;
                    pair.interests.push(interest);
                } else {
                    pair.divergentInterests++;
                }
            }
        }
    }
    return [...pairs.values()].sort((p, q) => compareNames(p.a, q.a) || compareNames(p.b, q.b));
}

/** Per interest: who supports and opposes it, and the MACTOR support, opposition and mobilisation. */
export function interestMobilisation(model: TerritoryModel, rStar: (actor: string) => number): Map<string, InterestMobilisation> {
    const byInterest = positionsByInterest(model);
    const result = new Map<string, InterestMobilisation>();
    for (const interest of model.interests) {
        const positions = byInterest.get(interest.name) ?? [];
        let support = 0;
        let opposition = 0;
        for (const { actor, position } of positions) {
            const mao = rStar(actor) * position;
            if (mao > 0) support += mao; else opposition += mao;
        }
        result.set(interest.name, {
            supporters: positions.filter(p => p.position > 0).map(p => p.actor),
            opponents: positions.filter(p => p.position < 0).map(p => p.actor),
            support,
            opposition,
            mobilisation: support + Math.abs(opposition)
        });
    }
    return result;
}

function positionsByInterest(model: TerritoryModel): Map<string, Array<{ actor: string; position: number }>> {
    const byInterest = new Map<string, Array<{ actor: string; position: number }>>();
    for (const actor of model.actors) {
        const seen = new Set<string>();
        for (const { interest, position } of actor.positions) {
            // A repeated or contradictory stance is a checker error: the first one counts.
            if (seen.has(interest) || position === 0) continue;
            seen.add(interest);
            const list = byInterest.get(interest) ?? [];
            list.push({ actor: actor.name, position });
            byInterest.set(interest, list);
        }
    }
    return byInterest;
}

