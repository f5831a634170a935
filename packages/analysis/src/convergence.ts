import type { TerritoryModel } from './model.js';
import { compareNames } from './model.js';
import type { CompactGraph } from './graphs.js';
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
    /** The sociogram G over the actors (indices in names order): which pairs are joined. */
    joined: CompactGraph;
    /** The signed graph S, by `pairKey`. */
    signs: ReadonlyMap<number, 1 | -1>;
}

/**
 * MACTOR convergence between actors from their positions p(a,i) (+intensity for `supports`,
 * −intensity for `opposes`), and what it suggests. Only actors sharing an interest can
 * converge or diverge: pairs are found through each interest's supporters and opponents.
 * They are never all kept in memory: the listing, the best opportunities and the strongest
 * pairs are chosen on their convergence and divergence alone, and only the pairs kept are
 * built in full. Tensions and bridges are looked for among the ties only. The strongest pairs
 * and the best opportunities need not even look at every pair (`keepBySharedInterests`, or
 * bounds on what an actor's pairs can reach): on a model of 15,000 actors, millions of pairs
 * share an interest; a few hundred thousand are looked at, in a fraction of a second.
 */
export function analysePairs(model: TerritoryModel, rStar: ArrayLike<number>, options: PairOptions): PairAnalysis {
    const names = model.actors.map(actor => actor.name);
    const n = names.length;
    const rank = nameRanks(names);
    const { interests, positions } = positionIndex(model);
    const { actorStart, actorInterest, actorPosition } = positions;
    const { offsets, neighbors } = options.joined;

    /** The pair in full: its figures summed over the shared interests in interest order. */
    const make = (a: number, b: number): PairConvergence => {
        let convergence = 0, divergence = 0, weightedConvergence = 0, weightedDivergence = 0;
        let convergentInterests = 0, divergentInterests = 0;
        const agreed: string[] = [];
        let i = actorStart[a], j = actorStart[b];
        const endA = actorStart[a + 1], endB = actorStart[b + 1];
        while (i < endA && j < endB) {
            if (actorInterest[i] < actorInterest[j]) i++;
            else if (actorInterest[i] > actorInterest[j]) j++;
            else {
                const p = actorPosition[i], o = actorPosition[j];
                const share = (Math.abs(p) + Math.abs(o)) / 2;
                if (p * o > 0) {
                    convergence += share;
                    agreed.push(interests[actorInterest[i]]);
                } else if (p * o < 0) divergence += share;
                if (p * o > 0 && share > 0) convergentInterests++; else divergentInterests++;
                const x = rStar[a] * p, y = rStar[b] * o;
                const weightedShare = (Math.abs(x) + Math.abs(y)) / 2;
                if (x * y > 0) weightedConvergence += weightedShare;
                else if (x * y < 0) weightedDivergence += weightedShare;
                i++; j++;
            }
        }
        return {
            a: names[a], b: names[b], convergence, divergence, convergentInterests, divergentInterests,
            weightedConvergence, weightedDivergence, interests: agreed
        };
    };

    // Pairs are kept as (a, b) with a < b and built in full only once chosen.
    const listed = new PairList();
    const strongest = new TopK<number>(options.listAll ? 0 : options.listLimit);
    const opportunities = new TopK<number>(options.top);

    // Tensions and bridges are among the ties: their sums come from the pair's positions.
    const tensions = findTensions(positions, options.joined);
    const bridges = findBridges(positions, options.signs, n);

    // Whether a and b (a < b) are joined in G (a's neighbours are sorted) or in S.
    const isLinked = (a: number, b: number): boolean => {
        let low = offsets[a], high = offsets[a + 1];
        while (low < high) {
            const middle = (low + high) >> 1;
            if (neighbors[middle] < b) low = middle + 1; else high = middle;
        }
        return (low < offsets[a + 1] && neighbors[low] === b) || options.signs.has(a * n + b);
    };
    // Offers the pair (a, b), a < b, with its sums to the opportunities, and to the strongest pairs if `strong`.
    const offer = (a: number, b: number, c: number, d: number, strong: boolean): void => {
        if (strong) strongest.offer(c + d, rank[a], rank[b], a * n + b);
        if (c > d && opportunities.admits(c - d, rank[a], rank[b]) && !isLinked(a, b)) opportunities.offer(c - d, rank[a], rank[b], a * n + b);
    };

    if (options.listAll || !keepBySharedInterests(positions, n, rank, strongest, options.listLimit, opportunities, offer)) {
        keepByActors(positions, n, rank, options, strongest, opportunities, listed);
    }
    const build = (key: number) => make(Math.floor(key / n), key % n);
    return {
        // By names; the listed and kept pairs are distinct, so the order is complete.
        pairs: options.listAll ? listed.sorted(rank, false).map(([a, b]) => make(a, b)) : strongest.sortedByKeys().map(build),
        truncated: !options.listAll,
        opportunities: opportunities.sorted().map(build),
        // Most divergent first (d − c), then by names.
        tensions: tensions.sorted(rank, true).map(([a, b]) => make(a, b)),
        // Most convergent first, then by names.
        bridges: bridges.sorted(rank, true).map(([a, b]) => make(a, b))
    };
}

/**
 * The interests stood on (sorted by name) and each actor's positions (the first stance per
 * interest counts, 0 does not), sorted by interest, with each interest's holders.
 */
function positionIndex(model: TerritoryModel): { interests: string[]; positions: PositionIndex } {
    const n = model.actors.length;
    const interestSet = new Set<string>();
    for (const actor of model.actors) for (const { interest } of actor.positions) interestSet.add(interest);
    const interests = [...interestSet].sort(compareNames);
    const interestIndex = new Map(interests.map((name, i) => [name, i]));
    const actorStart = new Int32Array(n + 1);
    const ownInterests: number[] = [];
    const ownPositions: number[] = [];
    const seenInterest = new Int32Array(interests.length).fill(-1);
    for (let a = 0; a < n; a++) {
        const start = ownInterests.length;
        for (const { interest, position } of model.actors[a].positions) {
            const index = interestIndex.get(interest)!;
            if (seenInterest[index] === a || position === 0) continue;
            seenInterest[index] = a;
            // Insertion in interest order (an actor takes few stances).
            let k = ownInterests.length;
            ownInterests.push(index);
            ownPositions.push(position);
            for (; k > start && ownInterests[k - 1] > index; k--) {
                ownInterests[k] = ownInterests[k - 1];
                ownPositions[k] = ownPositions[k - 1];
            }
            ownInterests[k] = index;
            ownPositions[k] = position;
        }
        actorStart[a + 1] = ownInterests.length;
    }
    const actorInterest = Int32Array.from(ownInterests);
    const actorPosition = Float64Array.from(ownPositions);
    return { interests, positions: { actorStart, actorInterest, actorPosition, ...holdersOf(actorStart, actorInterest, actorPosition, interests.length) } };
}

/** Each interest's holders in actor order, and where each actor position stands among them. */
function holdersOf(actorStart: Int32Array, actorInterest: Int32Array, actorPosition: Float64Array, interestCount: number) {
    const holderStart = new Int32Array(interestCount + 1);
    for (let q = 0; q < actorInterest.length; q++) holderStart[actorInterest[q] + 1]++;
    for (let i = 0; i < interestCount; i++) holderStart[i + 1] += holderStart[i];
    const holderActor = new Int32Array(actorInterest.length);
    const holderPosition = new Float64Array(actorInterest.length);
    const actorSlot = new Int32Array(actorInterest.length);
    const fill = holderStart.slice(0, interestCount);
    for (let a = 0; a + 1 < actorStart.length; a++) {
        for (let q = actorStart[a]; q < actorStart[a + 1]; q++) {
            const slot = fill[actorInterest[q]]++;
            holderActor[slot] = a;
            holderPosition[slot] = actorPosition[q];
            actorSlot[q] = slot;
        }
    }
    return { actorSlot, holderStart, holderActor, holderPosition };
}

/** Tensions: pairs joined in G, more divergent than convergent, with d − c. */
function findTensions(positions: PositionIndex, joined: CompactGraph): PairList {
    const { actorStart } = positions;
    const { order, offsets, neighbors } = joined;
    const tensions = new PairList();
    const pair = new Float64Array(2);
    for (let a = 0; a < order; a++) {
        if (actorStart[a] === actorStart[a + 1]) continue; // no position, no sum
        for (let k = offsets[a]; k < offsets[a + 1]; k++) {
            const b = neighbors[k];
            if (b > a && actorStart[b] < actorStart[b + 1] && pairSums(a, b, positions, pair) > 0 && pair[1] > pair[0]) tensions.add(a, b, pair[1] - pair[0]);
        }
    }
    return tensions;
}

/** Bridges: pairs with a negative tie and some convergence, with c. */
function findBridges(positions: PositionIndex, signs: ReadonlyMap<number, 1 | -1>, n: number): PairList {
    const bridges = new PairList();
    const pair = new Float64Array(2);
    for (const [key, sign] of signs) {
        if (sign > 0) continue;
        const a = Math.floor(key / n), b = key % n;
        if (pairSums(a, b, positions, pair) > 0 && pair[0] > 0) bridges.add(a, b, pair[0]);
    }
    return bridges;
}

/** Each actor's positions and each interest's holders, in flat typed arrays (see `analysePairs`). */
interface PositionIndex {
    readonly actorStart: Int32Array;
    readonly actorInterest: Int32Array;
    readonly actorPosition: Float64Array;
    readonly actorSlot: Int32Array;
    readonly holderStart: Int32Array;
    readonly holderActor: Int32Array;
    readonly holderPosition: Float64Array;
}

/** Dense accumulators for one actor a's pairs with later actors. */
interface PairSums {
    readonly convergence: Float64Array;
    readonly divergence: Float64Array;
    /** The actors b with a sum, in the order first met; `seen[b]` is 1 for them. */
    readonly touched: Int32Array;
    readonly seen: Uint8Array;
    /** linked[b] === a: a and b are joined in G or in S. */
    readonly linked: Int32Array;
}

interface Candidates {
    readonly actor: Int32Array;
    readonly convergence: Float64Array;
    readonly divergence: Float64Array;
    readonly kind: Uint8Array;
}

const STRONG = 1;
const OPPORTUNITY = 2;

/**
 * Adds up a's convergence and divergence with every later actor b over their shared
 * interests, in interest order: (|p(a,i)| + |p(b,i)|)/2 on the side their positions take.
 * Returns how many actors b were touched.
 */
function accumulate(a: number, positions: PositionIndex, sums: PairSums): number {
    const { actorStart, actorInterest, actorPosition, actorSlot, holderStart, holderActor, holderPosition } = positions;
    const { convergence, divergence, touched, seen } = sums;
    let count = 0;
    for (let q = actorStart[a]; q < actorStart[a + 1]; q++) {
        const position = actorPosition[q];
        const own = Math.abs(position);
        const end = holderStart[actorInterest[q] + 1];
        for (let h = actorSlot[q] + 1; h < end; h++) {
            const b = holderActor[h];
            const other = holderPosition[h];
            if (seen[b] === 0) {
                seen[b] = 1;
                touched[count++] = b;
            }
            const product = position * other;
            if (product > 0) convergence[b] += (own + Math.abs(other)) / 2;
            else if (product < 0) divergence[b] += (own + Math.abs(other)) / 2;
        }
    }
    return count;
}

/**
 * Empties the accumulators of a's `count` touched pairs, keeping as candidates (in touched
 * order) those whose strength c + d is not below `strongFloor` and the opportunities (c > d,
 * not linked) whose c − d is not below `opportunityFloor`. Returns how many were kept.
 */
function collect(a: number, count: number, sums: PairSums, strongFloor: number, opportunityFloor: number, candidates: Candidates): number {
    const { convergence, divergence, touched, seen, linked } = sums;
    let found = 0;
    for (let t = 0; t < count; t++) {
        const b = touched[t];
        const c = convergence[b];
        const d = divergence[b];
        convergence[b] = 0;
        divergence[b] = 0;
        seen[b] = 0;
        let kind = 0;
        if (!(c + d < strongFloor)) kind = STRONG;
        if (c > d && !(c - d < opportunityFloor) && linked[b] !== a) kind |= OPPORTUNITY;
        if (kind !== 0) {
            candidates.actor[found] = b;
            candidates.convergence[found] = c;
            candidates.divergence[found] = d;
            candidates.kind[found++] = kind;
        }
    }
    return found;
}

/**
 * Every pair sharing an interest, one actor a at a time with its later actors, into dense
 * accumulators: the listing (`listAll`), else the strongest pairs, and the opportunities. These
 * keep the best pairs whichever order they come in: the actors most likely to have strong
 * pairs go first, and once the weakest kept pairs are stronger than any pair the next actor
 * could have, the others need not be looked at.
 */
function keepByActors(
    positions: PositionIndex, n: number, rank: Int32Array, options: PairOptions,
    strongest: TopK<number>, opportunities: TopK<number>, listed: PairList
): void {
    const { offsets, neighbors } = options.joined;
    const sums: PairSums = {
        convergence: new Float64Array(n),
        divergence: new Float64Array(n),
        touched: new Int32Array(n),
        seen: new Uint8Array(n),
        linked: new Int32Array(n).fill(-1)
    };
    const { linked } = sums;
    const candidates: Candidates = { actor: new Int32Array(n), convergence: new Float64Array(n), divergence: new Float64Array(n), kind: new Uint8Array(n) };
    const { partners, partnerStart } = signedPartners(options.signs, n);
    const bound = strengthBounds(positions, n);
    const order = Array.from({ length: n }, (_, a) => a).sort((a, b) => bound[b] - bound[a] || a - b);
    for (const a of order) {
        const strongFloor = options.listAll ? -Infinity : strongest.floor();
        const opportunityFloor = opportunities.floor();
        // The margin covers rounding: sums in another order may differ in the last bits.
        const most = bound[a] + Math.abs(bound[a]) * 1e-9;
        if (most < strongFloor && most < opportunityFloor) break;
        const count = accumulate(a, positions, sums);
        if (count === 0) continue;
        for (let k = offsets[a]; k < offsets[a + 1]; k++) linked[neighbors[k]] = a;
        for (let k = partnerStart[a]; k < partnerStart[a + 1]; k++) linked[partners[k]] = a;
        // The pairs that could be listed or be among the best opportunities, by their sums alone.
        const found = collect(a, count, sums, strongFloor, opportunityFloor, candidates);
        const ra = rank[a];
        for (let k = 0; k < found; k++) {
            const b = candidates.actor[k];
            const c = candidates.convergence[k];
            const d = candidates.divergence[k];
            if (candidates.kind[k] & STRONG) {
                if (options.listAll) listed.add(a, b, 0);
                else strongest.offer(c + d, ra, rank[b], a * n + b);
            }
            if (candidates.kind[k] & OPPORTUNITY) opportunities.offer(c - d, ra, rank[b], a * n + b);
        }
    }
}

/**
 * The strongest pairs and the best opportunities when most pairs share a single interest and
 * few share several (false, doing nothing, when that does not hold). The score of a pair is at
 * most the sum of its shares, (|p(a,i)| + |p(b,i)|)/2 over its shared interests, so:
 * 1. the pairs sharing two interests or more are all looked at, found through the actors
 *    holding both of some two interests;
 * 2. then, interest by interest, the pairs sharing only that one, holders by decreasing |p|:
 *    the share of the next pair only decreases, and once it is below the weakest kept score
 *    (of either list), no later pair can be kept. With the floors of step 1, step 2 often
 *    has nothing to do.
 * Every pair that could be kept is offered once with its exact sums, as when every pair is
 * looked at, so the same pairs are kept. `strongestSize` is how many strongest pairs are kept.
 * (Each step is a function of its own: small functions with one loop each are compiled
 * sooner and once.)
 */
function keepBySharedInterests(
    positions: PositionIndex, n: number, rank: Int32Array, strongest: TopK<number>, strongestSize: number, opportunities: TopK<number>,
    offer: (a: number, b: number, c: number, d: number, strong: boolean) => void
): boolean {
    // Shares that are not numbers would not order: leave those models to the general way.
    if (positions.holderPosition.some(Number.isNaN)) return false;
    const lists = interestPairLists(positions, n);
    if (lists === undefined) return false;
    const found = multiSharedPairs(positions, n, lists);
    const strong = strongestOf(found, strongestSize, rank, n);
    for (let k = 0; k < found.size; k++) offer(found.first[k], found.second[k], found.convergence[k], found.divergence[k], strong[k] === 1);
    const floor = () => Math.min(strongest.floor(), opportunities.floor());
    for (let i = 0; i + 1 < positions.holderStart.length; i++) singleSharedPairs(positions, i, floor, offer);
    return true;
}

/** For each two interests (i, j), i < j, the actors holding both, in increasing order. */
interface InterestPairLists {
    /** Actor a's lists are `membership[memberStart[a] .. memberStart[a+1])`. */
    readonly memberStart: Float64Array;
    readonly membership: Int32Array;
    /** List l holds `members[listStart[l] .. listStart[l+1])`. */
    readonly listStart: Int32Array;
    readonly members: Int32Array;
    /** How many pairs the lists hold, counted once per list: at least how many pairs share two interests. */
    readonly pairs: number;
}

/** The lists of actors holding two interests, or undefined when they would hold too many pairs for step 1 to pay. */
function interestPairLists(positions: PositionIndex, n: number): InterestPairLists | undefined {
    const { actorStart, actorInterest, holderStart } = positions;
    const interestCount = holderStart.length - 1;
    let allPairs = 0;
    for (let i = 0; i < interestCount; i++) {
        const holders = holderStart[i + 1] - holderStart[i];
        allPairs += (holders * (holders - 1)) / 2;
    }
    const memberStart = new Float64Array(n + 1);
    for (let a = 0; a < n; a++) {
        const m = actorStart[a + 1] - actorStart[a];
        memberStart[a + 1] = memberStart[a] + (m * (m - 1)) / 2;
    }
    if (memberStart[n] * 8 > allPairs) return undefined;
    const listOf = new Map<number, number>();
    const membership = new Int32Array(memberStart[n]);
    const sizes: number[] = [];
    for (let a = 0, t = 0; a < n; a++) {
        for (let q = actorStart[a]; q < actorStart[a + 1]; q++) {
            for (let r = q + 1; r < actorStart[a + 1]; r++) {
                const key = actorInterest[q] * interestCount + actorInterest[r];
                let list = listOf.get(key);
                if (list === undefined) {
                    listOf.set(key, (list = sizes.length));
                    sizes.push(0);
                }
                sizes[list]++;
                membership[t++] = list;
            }
        }
    }
    let pairs = 0;
    for (const size of sizes) pairs += (size * (size - 1)) / 2;
    // (Beyond a few million such pairs, holding them all would take too much memory.)
    if (pairs * 4 > allPairs || pairs > 4_000_000) return undefined;
    const listStart = new Int32Array(sizes.length + 1);
    for (let l = 0; l < sizes.length; l++) listStart[l + 1] = listStart[l] + sizes[l];
    const members = new Int32Array(listStart[sizes.length]);
    const next = listStart.slice(0, sizes.length);
    for (let a = 0; a < n; a++) for (let t = memberStart[a]; t < memberStart[a + 1]; t++) members[next[membership[t]]++] = a;
    return { memberStart, membership, listStart, members, pairs };
}

/** Pairs (first, second), first < second, with their convergence and divergence. */
interface FoundPairs {
    readonly size: number;
    readonly first: Int32Array;
    readonly second: Int32Array;
    readonly convergence: Float64Array;
    readonly divergence: Float64Array;
}

/** Step 1: every pair sharing two interests or more, with its sums: each actor a with its later actors in its lists. */
function multiSharedPairs(positions: PositionIndex, n: number, lists: InterestPairLists): FoundPairs {
    const { memberStart, membership, listStart, members } = lists;
    const first = new Int32Array(lists.pairs), second = new Int32Array(lists.pairs);
    const convergence = new Float64Array(lists.pairs), divergence = new Float64Array(lists.pairs);
    let size = 0;
    const cursor = listStart.slice(0, listStart.length - 1);
    const seen = new Uint8Array(n);
    const touched = new Int32Array(n);
    const pair = new Float64Array(2);
    for (let a = 0; a < n; a++) {
        let count = 0;
        for (let t = memberStart[a]; t < memberStart[a + 1]; t++) {
            const list = membership[t];
            // Lists hold actors in increasing order: a is at the cursor, its later actors after it.
            for (let k = ++cursor[list]; k < listStart[list + 1]; k++) {
                const b = members[k];
                if (seen[b] === 0) {
                    seen[b] = 1;
                    touched[count++] = b;
                }
            }
        }
        for (let k = 0; k < count; k++) {
            const b = touched[k];
            seen[b] = 0;
            pairSums(a, b, positions, pair);
            first[size] = a;
            second[size] = b;
            convergence[size] = pair[0];
            divergence[size++] = pair[1];
        }
    }
    return { size, first, second, convergence, divergence };
}

/**
 * Which of the found pairs can be among the `count` strongest (1) and which cannot (0): those
 * above the strength of the count-th, and of those at that strength, the first by names
 * (`rank`). Only they need be offered, which saves reshuffling the kept ones.
 */
function strongestOf(found: FoundPairs, count: number, rank: Int32Array, n: number): Uint8Array {
    const { size, first, second, convergence, divergence } = found;
    const strong = new Uint8Array(size).fill(count > 0 ? 1 : 0);
    if (count <= 0 || size <= count) return strong;
    const strengths = new Float64Array(size);
    for (let k = 0; k < size; k++) strengths[k] = convergence[k] + divergence[k];
    const threshold = strengths.slice().sort()[size - count];
    let above = 0, tied = 0;
    for (let k = 0; k < size; k++) {
        if (strengths[k] > threshold) above++;
        else if (strengths[k] === threshold) tied++;
        else strong[k] = 0;
    }
    // The tied pairs by names: (rank of first)·n + (rank of second) orders them.
    const keys = new Float64Array(tied);
    for (let k = 0, t = 0; k < size; k++) if (strengths[k] === threshold) keys[t++] = rank[first[k]] * n + rank[second[k]];
    const lastKey = keys.sort()[count - above - 1];
    for (let k = 0; k < size; k++) if (strengths[k] === threshold && rank[first[k]] * n + rank[second[k]] > lastKey) strong[k] = 0;
    return strong;
}

/**
 * Step 2 on interest i: the pairs sharing only i, by decreasing share, offered while their
 * share is not below `floor()`.
 */
function singleSharedPairs(
    positions: PositionIndex, i: number, floor: () => number, offer: (a: number, b: number, c: number, d: number, strong: boolean) => void
): void {
    const { holderStart, holderActor, holderPosition } = positions;
    const from = holderStart[i];
    // The largest share on this interest: if it is too small, nothing to sort.
    let largest = -Infinity, second = -Infinity;
    for (let h = from; h < holderStart[i + 1]; h++) {
        const size = Math.abs(holderPosition[h]);
        if (size > largest) [largest, second] = [size, largest];
        else if (size > second) second = size;
    }
    if ((largest + second) / 2 < floor()) return;
    const holders = Array.from({ length: holderStart[i + 1] - from }, (_, k) => from + k)
        .sort((h, g) => Math.abs(holderPosition[g]) - Math.abs(holderPosition[h]) || h - g);
    const pair = new Float64Array(2);
    for (let x = 0; x + 1 < holders.length; x++) {
        const own = Math.abs(holderPosition[holders[x]]);
        if ((own + Math.abs(holderPosition[holders[x + 1]])) / 2 < floor()) return;
        for (let y = x + 1; y < holders.length; y++) {
            if ((own + Math.abs(holderPosition[holders[y]])) / 2 < floor()) break;
            const a = Math.min(holderActor[holders[x]], holderActor[holders[y]]);
            const b = Math.max(holderActor[holders[x]], holderActor[holders[y]]);
            // Pairs sharing another interest were offered in step 1.
            if (pairSums(a, b, positions, pair) > 1) continue;
            offer(a, b, pair[0], pair[1], true);
        }
    }
}

/**
 * Convergence and divergence of the pair (a, b), a < b, into `out` ([c, d]), summed over
 * their shared interests in interest order as `accumulate` does; returns how many interests
 * they share.
 */
function pairSums(a: number, b: number, positions: PositionIndex, out: Float64Array): number {
    const { actorStart, actorInterest, actorPosition } = positions;
    let convergence = 0, divergence = 0, shared = 0;
    let i = actorStart[a], j = actorStart[b];
    const endA = actorStart[a + 1], endB = actorStart[b + 1];
    while (i < endA && j < endB) {
        if (actorInterest[i] < actorInterest[j]) i++;
        else if (actorInterest[i] > actorInterest[j]) j++;
        else {
            const position = actorPosition[i], other = actorPosition[j];
            const product = position * other;
            if (product > 0) convergence += (Math.abs(position) + Math.abs(other)) / 2;
            else if (product < 0) divergence += (Math.abs(position) + Math.abs(other)) / 2;
            shared++;
            i++; j++;
        }
    }
    out[0] = convergence;
    out[1] = divergence;
    return shared;
}

/**
 * For each actor a, an upper bound of c + d (and so of c − d) over its pairs with later
 * actors: Σ over a's interests of (|p(a,i)| + the largest |p(b,i)| of a later holder b)/2.
 */
function strengthBounds(positions: PositionIndex, n: number): Float64Array {
    const { actorStart, actorPosition, actorSlot, holderStart, holderPosition } = positions;
    // largestAfter[h]: the largest |position| among the holders after h on h's interest.
    const largestAfter = new Float64Array(holderPosition.length);
    for (let i = 0; i + 1 < holderStart.length; i++) {
        let largest = -Infinity;
        for (let h = holderStart[i + 1] - 1; h >= holderStart[i]; h--) {
            largestAfter[h] = largest;
            largest = Math.max(largest, Math.abs(holderPosition[h]));
        }
    }
    const bound = new Float64Array(n);
    for (let a = 0; a < n; a++) {
        let sum = 0;
        for (let q = actorStart[a]; q < actorStart[a + 1]; q++) {
            const largest = largestAfter[actorSlot[q]];
            if (largest !== -Infinity) sum += (Math.abs(actorPosition[q]) + largest) / 2;
        }
        // A position that is not a number makes no sum (see `accumulate`), but no bound either.
        bound[a] = Number.isNaN(sum) ? Infinity : sum;
    }
    return bound;
}

/** Pairs (a, b), a < b, with a figure to rank them by. */
class PairList {
    private readonly first: number[] = [];
    private readonly second: number[] = [];
    private readonly figure: number[] = [];

    add(a: number, b: number, figure: number): void {
        this.first.push(a);
        this.second.push(b);
        this.figure.push(figure);
    }

    /**
     * The pairs by names (`rank`: each actor's rank in name order), or by figure, highest
     * first (the difference of figures, as the comparators on whole pairs had it), then by names.
     */
    sorted(rank: Int32Array, byFigure: boolean): Array<[number, number]> {
        const { first, second, figure } = this;
        const order = Array.from({ length: first.length }, (_, i) => i);
        order.sort((i, j) => (byFigure ? figure[j] - figure[i] : 0) || rank[first[i]] - rank[first[j]] || rank[second[i]] - rank[second[j]]);
        return order.map(i => [first[i], second[i]]);
    }
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Each actor's rank in name order (`compareNames`): equal names, equal ranks. */
function nameRanks(names: readonly string[]): Int32Array {
    const rank = new Int32Array(names.length);
    let sorted = true;
    // Without characters beyond U+FFFF, compareNames is the order of `<`.
    const plain = !SURROGATE.test(names.join(''));
    for (let i = 1; i < names.length && sorted; i++) sorted = plain ? names[i - 1] < names[i] : compareNames(names[i - 1], names[i]) < 0;
    if (sorted) {
        for (let i = 0; i < names.length; i++) rank[i] = i;
        return rank;
    }
    const order = names.map((_, i) => i).sort((i, j) => compareNames(names[i], names[j]));
    order.forEach((i, k) => {
        rank[i] = k > 0 && compareNames(names[order[k - 1]], names[i]) === 0 ? rank[order[k - 1]] : k;
    });
    return rank;
}

/** Each actor's later partners in S (pair keys i·n + j, i < j): those of i are `partners[partnerStart[i] .. partnerStart[i+1])`. */
function signedPartners(signs: ReadonlyMap<number, 1 | -1>, n: number): { partners: Int32Array; partnerStart: Int32Array } {
    const partnerStart = new Int32Array(n + 1);
    for (const key of signs.keys()) partnerStart[Math.floor(key / n) + 1]++;
    for (let i = 0; i < n; i++) partnerStart[i + 1] += partnerStart[i];
    const partners = new Int32Array(signs.size);
    const fill = partnerStart.slice(0, n);
    for (const key of signs.keys()) partners[fill[Math.floor(key / n)]++] = key % n;
    return { partners, partnerStart };
}

/**
 * Per interest: who supports and opposes it, and the MACTOR support, opposition and
 * mobilisation. `rStar[a]` is actor a's relative power r* (model order).
 */
export function interestMobilisation(model: TerritoryModel, rStar: ArrayLike<number>): Map<string, InterestMobilisation> {
    const byInterest = positionsByInterest(model);
    const result = new Map<string, InterestMobilisation>();
    for (const interest of model.interests) {
        const positions = byInterest.get(interest.name);
        let support = 0;
        let opposition = 0;
        const supporters: string[] = [];
        const opponents: string[] = [];
        if (positions !== undefined) {
            for (let k = 0; k < positions.actors.length; k++) {
                const actor = positions.actors[k];
                const position = positions.positions[k];
                const mao = rStar[actor] * position;
                if (mao > 0) support += mao; else opposition += mao;
                if (position > 0) supporters.push(model.actors[actor].name);
                else if (position < 0) opponents.push(model.actors[actor].name);
            }
        }
        result.set(interest.name, { supporters, opponents, support, opposition, mobilisation: support + Math.abs(opposition) });
    }
    return result;
}

/** Each interest's stances, in actor order: the actors (indices) and their positions. */
function positionsByInterest(model: TerritoryModel): Map<string, { actors: number[]; positions: number[] }> {
    const byInterest = new Map<string, { actors: number[]; positions: number[] }>();
    model.actors.forEach((actor, a) => {
        const stances = actor.positions;
        for (let j = 0; j < stances.length; j++) {
            const { interest, position } = stances[j];
            // A repeated or contradictory stance is a checker error: the first one counts.
            if (position === 0 || counted(stances, j)) continue;
            let list = byInterest.get(interest);
            if (list === undefined) byInterest.set(interest, (list = { actors: [], positions: [] }));
            list.actors.push(a);
            list.positions.push(position);
        }
    });
    return byInterest;
}

/** Whether an earlier stance (one that counts: not 0) is on the same interest as stance j. */
function counted(stances: TerritoryModel['actors'][number]['positions'], j: number): boolean {
    for (let k = 0; k < j; k++) if (stances[k].interest === stances[j].interest && stances[k].position !== 0) return true;
    return false;
}
