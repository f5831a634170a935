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
 */
export function sociometricStatus(model: TerritoryModel): Map<string, StatusScores> {
    const liked = new Map<string, Set<string>>();
    const rejected = new Map<string, Set<string>>();
    const choose = (choices: Map<string, Set<string>>, from: string, to: string) => {
        const set = choices.get(to) ?? new Set<string>();
        set.add(from);
        choices.set(to, set);
    };
    for (const tie of model.ties) {
        if (tie.polarity === 'neutral' || tie.source === tie.target) continue;
        const choices = tie.polarity === 'positive' ? liked : rejected;
        choose(choices, tie.source, tie.target);
        if (!tie.directed) choose(choices, tie.target, tie.source);
    }
    const names = model.actors.map(actor => actor.name);
    const lm = names.map(name => liked.get(name)?.size ?? 0);
    const ll = names.map(name => rejected.get(name)?.size ?? 0);
    const zLM = standardise(lm);
    const zLL = standardise(ll);
    const zSP = standardise(names.map((_, i) => zLM[i] - zLL[i]));
    const zSI = standardise(names.map((_, i) => zLM[i] + zLL[i]));
    const result = new Map<string, StatusScores>();
    names.forEach((name, i) => {
        result.set(name, { likedBy: lm[i], rejectedBy: ll[i], status: classify(zSP[i], zSI[i], zLM[i], zLL[i]) });
    });
    return result;
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
