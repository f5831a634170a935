import type { TerritoryModel } from './model.js';
import { compareNames } from './model.js';
import { TopK } from './top-k.js';

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

export interface PairAnalysis {
    /** The pairs listed in `convergence.pairs`, sorted by names. */
    pairs: PairConvergence[];
    /** Whether `pairs` keeps only the strongest pairs (models above the listing limit). */
    truncated: boolean;
    /** Pairs joined neither in G nor in S with convergence > divergence: the best `top`, best first. */
    opportunities: PairConvergence[];
    /** Pairs joined in G whose divergence > convergence, most divergent first. */
    tensions: PairConvergence[];
    /** Pairs with a negative tie whose convergence > 0, most convergent first. */
    bridges: PairConvergence[];
}

export interface PairOptions {
    /** List every pair (small models, or `--all-pairs`); otherwise the `listLimit` strongest. */
    listAll: boolean;
    listLimit: number;
    /** How many synergy opportunities to keep. */
    top: number;
    /** Whether a and b (actor indices, names order) are joined in the sociogram G. */
    joined(a: number, b: number): boolean;
    /** The sign of the pair in S, if any. */
    sign(a: number, b: number): 1 | -1 | undefined;
}

/**
 * MACTOR convergence between actors from their positions p(a,i) (+intensity for `supports`,
 * −intensity for `opposes`), and what it suggests. Pairs are found through each interest's
 * supporters and opponents (only actors sharing an interest can converge or diverge), one
 * actor at a time into dense accumulators; they are never all kept in memory: the listing,
 * the best opportunities and the strongest pairs are chosen as they stream by. On a model of
 * 15,000 actors that is millions of pairs, in seconds and a few megabytes.
 */
export function analysePairs(model: TerritoryModel, rStar: (actor: string) => number, options: PairOptions): PairAnalysis {
    const names = model.actors.map(actor => actor.name);
    const n = names.length;
    const interests = [...new Set(model.actors.flatMap(actor => actor.positions.map(p => p.interest)))].sort(compareNames);
    const interestIndex = new Map(interests.map((name, i) => [name, i]));
    // Each actor's positions (first stance per interest counts), sorted by interest name.
    const positions: Array<Array<[number, number]>> = model.actors.map(actor => {
        const seen = new Set<number>();
        const list: Array<[number, number]> = [];
        for (const { interest, position } of actor.positions) {
            const index = interestIndex.get(interest)!;
            if (seen.has(index) || position === 0) continue;
            seen.add(index);
            list.push([index, position]);
        }
        return list.sort((p, q) => p[0] - q[0]);
    });
    const holders: Array<Array<[number, number]>> = interests.map(() => []);
    positions.forEach((list, actor) => list.forEach(([interest, position]) => holders[interest].push([actor, position])));
    const weight = names.map(name => rStar(name));

    const convergence = new Float64Array(n);
    const divergence = new Float64Array(n);
    const convergent = new Int32Array(n);
    const divergent = new Int32Array(n);
    const weightedConvergence = new Float64Array(n);
    const weightedDivergence = new Float64Array(n);
    const touched = new Int32Array(n);
    const seen = new Uint8Array(n);

    const listed: PairConvergence[] = [];
    const strongest = new TopK<PairConvergence>(options.listLimit, (p, q) =>
        (q.convergence + q.divergence) - (p.convergence + p.divergence) || compareNames(p.a, q.a) || compareNames(p.b, q.b));
    const opportunities = new TopK<PairConvergence>(options.top, (p, q) =>
        (q.convergence - q.divergence) - (p.convergence - p.divergence) || compareNames(p.a, q.a) || compareNames(p.b, q.b));
    const tensions: PairConvergence[] = [];
    const bridges: PairConvergence[] = [];

    const agreedInterests = (a: number, b: number): string[] => {
        const result: string[] = [];
        let i = 0, j = 0;
        const pa = positions[a], pb = positions[b];
        while (i < pa.length && j < pb.length) {
            if (pa[i][0] < pb[j][0]) i++;
            else if (pa[i][0] > pb[j][0]) j++;
            else {
                if (pa[i][1] * pb[j][1] > 0) result.push(interests[pa[i][0]]);
                i++; j++;
            }
        }
        return result;
    };

    for (let a = 0; a < n; a++) {
        let count = 0;
        for (const [interest, position] of positions[a]) {
            for (const [b, other] of holders[interest]) {
                if (b <= a) continue;
                if (!seen[b]) {
                    seen[b] = 1;
                    touched[count++] = b;
                }
                const plain = positionAgreement(position, other);
                const weighted = positionAgreement(weight[a] * position, weight[b] * other);
                convergence[b] += plain.convergence;
                divergence[b] += plain.divergence;
                weightedConvergence[b] += weighted.convergence;
                weightedDivergence[b] += weighted.divergence;
                if (plain.convergence > 0) convergent[b]++; else divergent[b]++;
            }
        }
        for (let t = 0; t < count; t++) {
            const b = touched[t];
            const make = (): PairConvergence => ({
                a: names[a], b: names[b], convergence: convergence[b], divergence: divergence[b],
                convergentInterests: convergent[b], divergentInterests: divergent[b],
                weightedConvergence: weightedConvergence[b], weightedDivergence: weightedDivergence[b],
                interests: agreedInterests(a, b)
            });
            let pair: PairConvergence | undefined;
            const get = () => (pair ??= make());
            if (options.listAll) listed.push(get());
            else {
                const probe = { a: names[a], b: names[b], convergence: convergence[b], divergence: divergence[b] } as PairConvergence;
                if (strongest.admits(probe)) strongest.offer(get());
            }
            const joined = options.joined(a, b);
            const sign = options.sign(a, b);
            if (convergence[b] > divergence[b] && !joined && sign === undefined) {
                const probe = { a: names[a], b: names[b], convergence: convergence[b], divergence: divergence[b] } as PairConvergence;
                if (opportunities.admits(probe)) opportunities.offer(get());
            }
            if (joined && divergence[b] > convergence[b]) tensions.push(get());
            if (sign === -1 && convergence[b] > 0) bridges.push(get());
            convergence[b] = divergence[b] = weightedConvergence[b] = weightedDivergence[b] = 0;
            convergent[b] = divergent[b] = 0;
            seen[b] = 0;
        }
    }
    const byNames = (p: PairConvergence, q: PairConvergence) => compareNames(p.a, q.a) || compareNames(p.b, q.b);
    return {
        pairs: (options.listAll ? listed : strongest.sorted()).sort(byNames),
        truncated: !options.listAll,
        opportunities: opportunities.sorted(),
        tensions: tensions.sort((p, q) => (q.divergence - q.convergence) - (p.divergence - p.convergence) || byNames(p, q)),
        bridges: bridges.sort((p, q) => q.convergence - p.convergence || byNames(p, q))
    };
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

