import type { ActorData, AnalysisResult, TerritoryModel } from '@territory/analysis';
import { compareNames, positionAgreement, round } from '@territory/analysis';
import type { Version } from './compare.js';
import type { AnalysisChanges, BetweennessShift, Community, CommunityChanges, FigureChange, OpportunityEntry, TensionEntry } from './types.js';

/** How many betweenness shifts are listed. */
export const BETWEENNESS_SHIFTS = 10;
/** Smaller shifts of (normalised) betweenness are noise: not listed. */
export const BETWEENNESS_MIN_CHANGE = 0.001;
/** Two matched communities are the same community, reshaped, from this Jaccard index on. */
export const SAME_COMMUNITY_JACCARD = 0.5;

export function compareAnalyses(before: Version, after: Version): AnalysisChanges {
    const old = before.result;
    const now = after.result;
    const figure = (pick: (result: AnalysisResult) => number | null): FigureChange => ({ old: pick(old), new: pick(now) });
    return {
        network: {
            actors: figure(r => r.network.actors),
            ties: figure(r => r.network.ties),
            components: figure(r => r.network.components),
            communities: figure(r => r.network.communities),
            isolates: figure(r => r.network.isolates.length),
            density: figure(r => r.network.density),
            modularity: figure(r => r.network.modularity),
            reciprocity: figure(r => r.network.reciprocity),
            balance: figure(r => r.network.balance)
        },
        betweenness: betweennessShifts(old, now),
        isolates: isolateChanges(old, now),
        communities: compareCommunities(old, now),
        opportunities: compareOpportunities(before, after),
        tensions: compareTensions(before, after)
    };
}

function betweennessShifts(old: AnalysisResult, now: AnalysisResult): BetweennessShift[] {
    const shifts: BetweennessShift[] = [];
    for (const [actor, figures] of Object.entries(now.actors)) {
        const before = old.actors[actor]?.betweenness;
        const after = figures.betweenness;
        if (before === undefined || before === null || after === null) continue;
        const change = round(after - before);
        if (Math.abs(change) >= BETWEENNESS_MIN_CHANGE) shifts.push({ actor, old: before, new: after, change });
    }
    return shifts
        .sort((p, q) => Math.abs(q.change) - Math.abs(p.change) || compareNames(p.actor, q.actor))
        .slice(0, BETWEENNESS_SHIFTS);
}

function isolateChanges(old: AnalysisResult, now: AnalysisResult): AnalysisChanges['isolates'] {
    const wasIsolated = new Set(old.network.isolates);
    const isIsolated = new Set(now.network.isolates);
    return {
        new: now.network.isolates.filter(actor => !wasIsolated.has(actor)).sort(compareNames),
        noLongerIsolated: old.network.isolates.filter(actor => now.actors[actor] && !isIsolated.has(actor)).sort(compareNames)
    };
}

/** The communities of two actors or more (a lone actor is not a community), members most tied first. */
function communitiesOf(result: AnalysisResult): Community[] {
    const members = new Map<number, string[]>();
    for (const [actor, figures] of Object.entries(result.actors)) {
        const list = members.get(figures.community) ?? [];
        list.push(actor);
        members.set(figures.community, list);
    }
    return [...members.values()]
        .filter(list => list.length > 1)
        .map(list => list.sort((a, b) => result.actors[b].degree - result.actors[a].degree || compareNames(a, b)))
        .sort(communityOrder);
}

/** Larger first, then by the first member's name (in name order). */
function communityOrder(p: Community, q: Community): number {
    return q.length - p.length || compareNames(firstName(p), firstName(q));
}

function firstName(community: Community): string {
    return [...community].sort(compareNames)[0];
}

/**
 * Communities are numbered arbitrarily by each analysis, so they are matched by their
 * members, counting only actors of both versions (added and removed actors are reported as
 * such). An OLD community "goes to" the NEW community that holds more than half of its
 * members; a NEW community "comes from" the OLD one that gave more than half of its members.
 * Merged: two or more OLD communities go to one NEW community. Split: two or more NEW
 * communities come from one OLD community. The others are paired by their Jaccard index
 * (|A∩B| / |A∪B|), best first, from 0.5 on: a pair whose members differ is reshaped. What is
 * left is formed (NEW) or dissolved (OLD).
 */
export function compareCommunities(old: AnalysisResult, now: AnalysisResult): CommunityChanges {
    const before = communitiesOf(old);
    const after = communitiesOf(now);
    const common = (actor: string) => old.actors[actor] !== undefined && now.actors[actor] !== undefined;
    const shared = (community: Community) => community.filter(common);
    const newIndexOf = new Map<string, number>();
    after.forEach((community, index) => community.forEach(actor => newIndexOf.set(actor, index)));
    // overlap[i][j]: common actors in OLD community i and NEW community j.
    const overlap = before.map(community => {
        const row = new Map<number, number>();
        for (const actor of shared(community)) {
            const j = newIndexOf.get(actor);
            if (j !== undefined) row.set(j, (row.get(j) ?? 0) + 1);
        }
        return row;
    });
    const majority = (count: number, of: number) => of > 0 && count * 2 > of;
    const goesTo = before.map((community, i) => {
        const size = shared(community).length;
        for (const [j, count] of overlap[i]) if (majority(count, size)) return j;
        return undefined;
    });
    const comesFrom = after.map((community, j) => {
        const size = shared(community).length;
        for (let i = 0; i < before.length; i++) if (majority(overlap[i].get(j) ?? 0, size)) return i;
        return undefined;
    });
    const usedOld = new Set<number>();
    const usedNew = new Set<number>();
    const merged: CommunityChanges['merged'] = [];
    after.forEach((community, j) => {
        const sources = before.map((_, i) => i).filter(i => goesTo[i] === j);
        if (sources.length < 2) return;
        merged.push({ from: sources.map(i => before[i]).sort(communityOrder), into: community });
        sources.forEach(i => usedOld.add(i));
        usedNew.add(j);
    });
    const split: CommunityChanges['split'] = [];
    before.forEach((community, i) => {
        const parts = after.map((_, j) => j).filter(j => comesFrom[j] === i);
        if (parts.length < 2) return;
        split.push({ from: community, into: parts.map(j => after[j]).sort(communityOrder) });
        parts.forEach(j => usedNew.add(j));
        usedOld.add(i);
    });
    // The others: paired by Jaccard index, best first.
    const candidates: Array<{ i: number; j: number; jaccard: number }> = [];
    before.forEach((community, i) => {
        if (usedOld.has(i)) return;
        const size = shared(community).length;
        for (const [j, count] of overlap[i]) {
            if (usedNew.has(j)) continue;
            const jaccard = count / (size + shared(after[j]).length - count);
            if (jaccard >= SAME_COMMUNITY_JACCARD) candidates.push({ i, j, jaccard });
        }
    });
    candidates.sort((p, q) => q.jaccard - p.jaccard || communityOrder(before[p.i], before[q.i]) || communityOrder(after[p.j], after[q.j]));
    const reshaped: CommunityChanges['reshaped'] = [];
    for (const { i, j, jaccard } of candidates) {
        if (usedOld.has(i) || usedNew.has(j)) continue;
        usedOld.add(i);
        usedNew.add(j);
        const was = new Set(shared(before[i]));
        const is = new Set(shared(after[j]));
        const joined = [...is].filter(actor => !was.has(actor)).sort(compareNames);
        const left = [...was].filter(actor => !is.has(actor)).sort(compareNames);
        if (joined.length || left.length) reshaped.push({ old: before[i], new: after[j], jaccard: round(jaccard), joined, left });
    }
    return {
        merged,
        split,
        formed: after.filter((_, j) => !usedNew.has(j)),
        dissolved: before.filter((_, i) => !usedOld.has(i)),
        reshaped: reshaped.sort((p, q) => communityOrder(p.new, q.new))
    };
}

/** Pairs of actors joined by a tie: by any tie, and by a positive or neutral one (an edge of G). */
function joinedPairs(model: TerritoryModel): { any: Set<string>; positive: Set<string> } {
    const known = new Set(model.actors.map(actor => actor.name));
    const any = new Set<string>();
    const positive = new Set<string>();
    for (const tie of model.ties) {
        if (tie.source === tie.target || !known.has(tie.source) || !known.has(tie.target)) continue;
        const key = pairKey(tie.source, tie.target);
        any.add(key);
        if (tie.polarity !== 'negative') positive.add(key);
    }
    return { any, positive };
}

function pairKey(a: string, b: string): string {
    return compareNames(a, b) < 0 ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Convergence and divergence of a pair from their positions (the analysis' positionAgreement; the first stance on an interest counts). */
function pairFigures(actors: ReadonlyMap<string, ActorData>, a: string, b: string): { convergence: number; divergence: number } {
    const positions = (name: string) => {
        const map = new Map<string, number>();
        for (const { interest, position } of actors.get(name)?.positions ?? []) {
            if (!map.has(interest) && position !== 0) map.set(interest, position);
        }
        return map;
    };
    const x = positions(a);
    const y = positions(b);
    let convergence = 0;
    let divergence = 0;
    for (const [interest, position] of x) {
        const other = y.get(interest);
        if (other === undefined) continue;
        const agreement = positionAgreement(position, other);
        convergence += agreement.convergence;
        divergence += agreement.divergence;
    }
    return { convergence, divergence };
}


const byPair = (p: { a: string; b: string }, q: { a: string; b: string }) => compareNames(p.a, q.a) || compareNames(p.b, q.b);

/**
 * Synergy opportunities that appeared or went, with why. The analyses list the first
 * `top` opportunities only: a pair that is an opportunity in both versions but listed in
 * one only is not a change, and is left out.
 */
function compareOpportunities(before: Version, after: Version): AnalysisChanges['opportunities'] {
    const listed = (result: AnalysisResult) => new Map(result.opportunities.map(o => [pairKey(o.a, o.b), o]));
    const old = listed(before.result);
    const now = listed(after.result);
    const whyNew = reasons(before.model);
    const whyGone = reasons(after.model);
    const entry = (o: AnalysisResult['opportunities'][number], reason: OpportunityEntry['reason']): OpportunityEntry => ({
        a: o.a, b: o.b, convergence: o.convergence, divergence: o.divergence, interests: [...o.interests], introducers: [...o.introducers], reason
    });
    const added: OpportunityEntry[] = [];
    for (const [key, opportunity] of now) {
        if (old.has(key)) continue;
        const { a, b } = opportunity;
        const reason = !whyNew.has(a) || !whyNew.has(b) ? 'actor-added'
            : whyNew.joined.any.has(key) ? 'tie-removed'
            : !converges(whyNew.figures(a, b)) ? 'positions' : undefined;
        if (reason) added.push(entry(opportunity, reason));
    }
    const resolved: OpportunityEntry[] = [];
    for (const [key, opportunity] of old) {
        if (now.has(key)) continue;
        const { a, b } = opportunity;
        const reason = !whyGone.has(a) || !whyGone.has(b) ? 'actor-removed'
            : whyGone.joined.any.has(key) ? 'tied'
            : !converges(whyGone.figures(a, b)) ? 'positions' : undefined;
        if (reason) resolved.push(entry(opportunity, reason));
    }
    return { new: added.sort(byPair), resolved: resolved.sort(byPair) };
}

function converges(figures: { convergence: number; divergence: number }): boolean {
    return figures.convergence > figures.divergence;
}

/** What explains a change of a pair in one version: whether both actors exist, whether a tie joins them, their figures. */
function reasons(model: TerritoryModel) {
    const actors = new Map(model.actors.map(actor => [actor.name, actor]));
    return {
        has: (name: string) => actors.has(name),
        joined: joinedPairs(model),
        figures: (a: string, b: string) => pairFigures(actors, a, b)
    };
}

/** Tensions (tied pairs whose positions diverge) that appeared or went, with why. */
function compareTensions(before: Version, after: Version): AnalysisChanges['tensions'] {
    const listed = (result: AnalysisResult) => new Map(result.tensions.map(t => [pairKey(t.a, t.b), t]));
    const old = listed(before.result);
    const now = listed(after.result);
    const whyNew = reasons(before.model);
    const whyGone = reasons(after.model);
    const diverges = (figures: { convergence: number; divergence: number }) => figures.divergence > figures.convergence;
    const added: TensionEntry[] = [];
    for (const [key, tension] of now) {
        if (old.has(key)) continue;
        const reason = !whyNew.has(tension.a) || !whyNew.has(tension.b) ? 'actor-added'
            : !whyNew.joined.positive.has(key) ? 'tied'
            : !diverges(whyNew.figures(tension.a, tension.b)) ? 'positions' : undefined;
        if (reason) added.push({ ...tension, reason });
    }
    const resolved: TensionEntry[] = [];
    for (const [key, tension] of old) {
        if (now.has(key)) continue;
        const reason = !whyGone.has(tension.a) || !whyGone.has(tension.b) ? 'actor-removed'
            : !whyGone.joined.positive.has(key) ? 'tie-removed'
            : !diverges(whyGone.figures(tension.a, tension.b)) ? 'positions' : undefined;
        if (reason) resolved.push({ ...tension, reason });
    }
    return { new: added.sort(byPair), resolved: resolved.sort(byPair) };
}
