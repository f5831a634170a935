import type { TerritoryModel } from './model.js';

export interface MactorScores {
    /** I(a) = Σ_b MIDI(a, b): direct and indirect influence over the others. */
    readonly influence: number;
    /** Dep(a) = Σ_b MIDI(b, a): how much the others influence the actor. */
    readonly dependence: number;
    /** r*(a): the actor's relative power, 1 on average. */
    readonly rStar: number;
}

/** The MACTOR influence relation: only the built-in `influence` ties count. */
export const INFLUENCE_RELATION = 'influence';

/**
 * MACTOR influence (Godet): MID(a,b) = min(4, Σ weights of `influence` ties a→b, a `--` tie
 * counting both ways); MIDI(a,b) = MID(a,b) + Σ_{k≠a,b} min(MID(a,k), MID(k,b));
 * I(a) = Σ_b MIDI(a,b), Dep(a) = Σ_b MIDI(b,a); r(a) = I(a)/ΣI · I(a)/(I(a)+Dep(a)) (0 where
 * I+Dep = 0); r*(a) = n·r(a)/Σr. Without any influence tie, r* = 1 for every actor.
 * MIDI is summed through each intermediary's in- and out-ties, never over all triples.
 */
export function mactorInfluence(model: TerritoryModel): Map<string, MactorScores> {
    const names = model.actors.map(actor => actor.name);
    const n = names.length;
    const index = new Map(names.map((name, i) => [name, i]));
    const raw = new Map<number, number>(); // a*n + b → summed weight
    const add = (a: number, b: number, weight: number) => raw.set(a * n + b, (raw.get(a * n + b) ?? 0) + weight);
    for (const tie of model.ties) {
        if (tie.relation !== INFLUENCE_RELATION) continue;
        const a = index.get(tie.source);
        const b = index.get(tie.target);
        if (a === undefined || b === undefined || a === b) continue;
        add(a, b, tie.weight);
        if (!tie.directed) add(b, a, tie.weight);
    }
    const result = new Map<string, MactorScores>();
    if (raw.size === 0) {
        for (const name of names) result.set(name, { influence: 0, dependence: 0, rStar: 1 });
        return result;
    }
    const outgoing: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
    const incoming: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
    for (const [key, weight] of raw) {
        const a = Math.floor(key / n);
        const b = key % n;
        const mid = Math.min(4, weight);
        outgoing[a].push([b, mid]);
        incoming[b].push([a, mid]);
    }
    const influence = new Float64Array(n);
    const dependence = new Float64Array(n);
    for (let a = 0; a < n; a++) {
        for (const [b, mid] of outgoing[a]) {
            influence[a] += mid;
            dependence[b] += mid;
        }
    }
    // Indirect influence through each intermediary k: a → k → b with a ≠ b.
    for (let k = 0; k < n; k++) {
        for (const [a, ak] of incoming[k]) {
            for (const [b, kb] of outgoing[k]) {
                if (a === b) continue;
                const indirect = Math.min(ak, kb);
                influence[a] += indirect;
                dependence[b] += indirect;
            }
        }
    }
    const totalInfluence = influence.reduce((sum, v) => sum + v, 0);
    const r = Array.from(influence, (value, a) => {
        const both = value + dependence[a];
        return both === 0 || totalInfluence === 0 ? 0 : (value / totalInfluence) * (value / both);
    });
    const totalR = r.reduce((sum, v) => sum + v, 0);
    names.forEach((name, a) => {
        result.set(name, { influence: influence[a], dependence: dependence[a], rStar: totalR === 0 ? 1 : (n * r[a]) / totalR });
    });
    return result;
}
