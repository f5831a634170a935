import type { TieEnds } from './metrics/status.js';
import { tieEndsOf } from './metrics/status.js';
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
 * By actor index (model order).
 */
export function mactorInfluence(model: TerritoryModel, tieEnds?: TieEnds): MactorScores[] {
    const names = model.actors.map(actor => actor.name);
    const n = names.length;
    // The influence ties as pairs a → b, merged (weights summed in tie order), in order of first tie.
    const slots = new Map<number, number>(); // a*n + b → position in the lists below
    const from: number[] = [];
    const to: number[] = [];
    const raw: number[] = [];
    const add = (a: number, b: number, weight: number) => {
        const slot = slots.get(a * n + b);
        if (slot !== undefined) {
            raw[slot] += weight;
            return;
        }
        slots.set(a * n + b, raw.length);
        from.push(a);
        to.push(b);
        raw.push(0 + weight);
    };
    const ends = tieEnds ?? tieEndsOf(model);
    for (let t = 0; t < model.ties.length; t++) {
        const tie = model.ties[t];
        if (tie.relation !== INFLUENCE_RELATION) continue;
        const a = ends.sources[t];
        const b = ends.targets[t];
        if (a < 0 || b < 0 || a === b) continue;
        add(a, b, tie.weight);
        if (!tie.directed) add(b, a, tie.weight);
    }
    if (raw.length === 0) return names.map(() => ({ influence: 0, dependence: 0, rStar: 1 }));
    // Each actor's outgoing and incoming pairs, in the order above: arcs[outStart[a] .. outStart[a+1]) and
    // arcs[inStart[b] .. inStart[b+1]) are positions in the lists.
    const outStart = new Int32Array(n + 1);
    const inStart = new Int32Array(n + 1);
    for (let e = 0; e < raw.length; e++) {
        outStart[from[e] + 1]++;
        inStart[to[e] + 1]++;
    }
    for (let i = 0; i < n; i++) {
        outStart[i + 1] += outStart[i];
        inStart[i + 1] += inStart[i];
    }
    const outArcs = new Int32Array(raw.length);
    const inArcs = new Int32Array(raw.length);
    const outFill = outStart.slice(0, n);
    const inFill = inStart.slice(0, n);
    const mid = new Float64Array(raw.length);
    for (let e = 0; e < raw.length; e++) {
        mid[e] = Math.min(4, raw[e]);
        outArcs[outFill[from[e]]++] = e;
        inArcs[inFill[to[e]]++] = e;
    }
    const influence = new Float64Array(n);
    const dependence = new Float64Array(n);
    for (let a = 0; a < n; a++) {
        for (let k = outStart[a]; k < outStart[a + 1]; k++) {
            const e = outArcs[k];
            influence[a] += mid[e];
            dependence[to[e]] += mid[e];
        }
    }
    // Indirect influence through each intermediary k: a → k → b with a ≠ b.
    for (let k = 0; k < n; k++) {
        for (let i = inStart[k]; i < inStart[k + 1]; i++) {
            const ak = inArcs[i];
            const a = from[ak];
            for (let o = outStart[k]; o < outStart[k + 1]; o++) {
                const kb = outArcs[o];
                const b = to[kb];
                if (a === b) continue;
                const indirect = Math.min(mid[ak], mid[kb]);
                influence[a] += indirect;
                dependence[b] += indirect;
            }
        }
    }
    let totalInfluence = 0;
    for (let a = 0; a < n; a++) totalInfluence += influence[a];
    const r = new Float64Array(n);
    let totalR = 0;
    for (let a = 0; a < n; a++) {
        const both = influence[a] + dependence[a];
        r[a] = both === 0 || totalInfluence === 0 ? 0 : (influence[a] / totalInfluence) * (influence[a] / both);
        totalR += r[a];
    }
    return names.map((_, a) => ({ influence: influence[a], dependence: dependence[a], rStar: totalR === 0 ? 1 : (n * r[a]) / totalR }));
}
