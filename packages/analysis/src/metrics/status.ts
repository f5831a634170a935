import type { TerritoryModel } from '../model.js';

export type SociometricStatus = 'popular' | 'rejected' | 'neglected' | 'controversial' | 'average' | 'unclassified';

export interface StatusScores {
    /** Distinct actors with a positive tie towards the actor (liked most). */
    readonly likedBy: number;
    /** Distinct actors with a negative tie towards the actor (liked least). */
    readonly rejectedBy: number;
    readonly status: SociometricStatus;
}

/**
 * Coie–Dodge sociometric status (Coie, Dodge & Coppotelli 1982) from positive and negative
 * choices: LM(a) and LL(a) counted over distinct choosers (a `--` tie chooses both ways),
 * standardised over all actors with the population deviation (z = 0 where it is 0), then
 * social preference SP = zLM − zLL and social impact SI = zLM + zLL standardised again.
 * First match wins: popular, rejected, neglected, controversial, average, unclassified.
 * By actor index (model order).
 */
export function sociometricStatus(model: TerritoryModel, tieEnds?: TieEnds): StatusScores[] {
    const names = model.actors.map(actor => actor.name);
    // Choices as (chooser, chosen) pairs of ids: actor indices (from `tieEnds` when given), and
    // further ids for names that are no actor's.
    let index: Map<string, number> | undefined;
    const idOf = (name: string) => {
        index ??= new Map(names.map((name, i) => [name, i]));
        let id = index.get(name);
        if (id === undefined) index.set(name, (id = index.size));
        return id;
    };
    const liked: number[] = [];
    const rejected: number[] = [];
    for (let t = 0; t < model.ties.length; t++) {
        const tie = model.ties[t];
        if (tie.polarity === 'neutral' || tie.source === tie.target) continue;
        const choices = tie.polarity === 'positive' ? liked : rejected;
        const known = tieEnds !== undefined && tieEnds.sources[t] >= 0 && tieEnds.targets[t] >= 0;
        const source = known ? tieEnds.sources[t] : idOf(tie.source);
        const target = known ? tieEnds.targets[t] : idOf(tie.target);
        choices.push(source, target);
        if (!tie.directed) choices.push(target, source);
    }
    const ids = index?.size ?? names.length;
    const lm = distinctChoosers(liked, ids).slice(0, names.length);
    const ll = distinctChoosers(rejected, ids).slice(0, names.length);
    const zLM = standardise(lm);
    const zLL = standardise(ll);
    const zSP = standardise(names.map((_, i) => zLM[i] - zLL[i]));
    const zSI = standardise(names.map((_, i) => zLM[i] + zLL[i]));
    return names.map((_, i) => ({ likedBy: lm[i], rejectedBy: ll[i], status: classify(zSP[i], zSI[i], zLM[i], zLL[i]) }));
}

/** Each tie's source and target actor indices (model order), −1 for a name that is no actor's. */
export interface TieEnds {
    readonly sources: Int32Array;
    readonly targets: Int32Array;
}

/** The `TieEnds` of a model (`buildGraphs` has them too). */
export function tieEndsOf(model: TerritoryModel): TieEnds {
    const index = new Map(model.actors.map((actor, i) => [actor.name, i]));
    return {
        sources: Int32Array.from(model.ties, tie => index.get(tie.source) ?? -1),
        targets: Int32Array.from(model.ties, tie => index.get(tie.target) ?? -1)
    };
}

/** For each id, how many distinct ids chose it; `choices` holds (chooser, chosen) pairs. */
function distinctChoosers(choices: readonly number[], ids: number): number[] {
    const offsets = new Int32Array(ids + 1);
    for (let k = 1; k < choices.length; k += 2) offsets[choices[k] + 1]++;
    for (let i = 0; i < ids; i++) offsets[i + 1] += offsets[i];
    const choosers = new Int32Array(choices.length / 2);
    const fill = offsets.slice(0, ids);
    for (let k = 0; k < choices.length; k += 2) choosers[fill[choices[k + 1]]++] = choices[k];
    const mark = new Int32Array(ids).fill(-1);
    const counts: number[] = new Array(ids).fill(0);
    for (let i = 0; i < ids; i++) {
        let count = 0;
        for (let k = offsets[i]; k < offsets[i + 1]; k++) {
            if (mark[choosers[k]] !== i) {
                mark[choosers[k]] = i;
                count++;
            }
        }
        counts[i] = count;
    }
    return counts;
}

function classify(sp: number, si: number, lm: number, ll: number): SociometricStatus {
    if (sp > 1 && lm > 0 && ll < 0) return 'popular';
    if (sp < -1 && ll > 0 && lm < 0) return 'rejected';
    if (si < -1 && lm < 0 && ll < 0) return 'neglected';
    if (si > 1 && lm > 0 && ll > 0) return 'controversial';
    if (Math.abs(sp) < 0.5) return 'average';
    return 'unclassified';
}

/** z-scores with the population mean and standard deviation; all 0 when the deviation is 0. */
export function standardise(values: readonly number[]): number[] {
    const n = values.length;
    if (n === 0) return [];
    const mean = values.reduce((sum, v) => sum + v, 0) / n;
    const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n;
    const deviation = Math.sqrt(variance);
    return values.map(v => (deviation === 0 ? 0 : (v - mean) / deviation));
}
