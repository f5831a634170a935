import type { DirectedGraph } from '../graphs.js';

export interface BrokerageRoles {
    /** a → b → c all in one group. */
    coordinator: number;
    /** a and c in one group, the broker b in another (also called consultant). */
    itinerant: number;
    /** b in a's group, c in another: b represents its group towards c. */
    representative: number;
    /** b in c's group, a in another: b controls what reaches its group. */
    gatekeeper: number;
    /** a, b and c in three different groups. */
    liaison: number;
}

/**
 * Gould–Fernandez brokerage roles (Gould & Fernandez 1989) on D: for every open two-path
 * a → b → c (a ≠ c, no arc a → c), the broker b gets one role according to the groups of a,
 * b and c. Groups are zones: an actor's group is its declared zone; actors without a zone
 * form one group together. `groups[i]` is actor i's group; the result is by actor index.
 */
export function brokerage(D: DirectedGraph, groups: ArrayLike<string>): BrokerageRoles[] {
    const { order, outOffsets, targets, inOffsets, sources } = D;
    const ids = new Map<string, number>();
    const group = new Int32Array(order);
    for (let i = 0; i < order; i++) {
        let id = ids.get(groups[i]);
        if (id === undefined) ids.set(groups[i], (id = ids.size));
        group[i] = id;
    }
    // mark[c] === stamp: a → c is an arc, for the a being looked at.
    const mark = new Int32Array(order);
    let stamp = 0;
    const result: BrokerageRoles[] = new Array(order);
    for (let b = 0; b < order; b++) {
        let coordinator = 0, itinerant = 0, representative = 0, gatekeeper = 0, liaison = 0;
        const gb = group[b];
        for (let s = inOffsets[b]; s < inOffsets[b + 1]; s++) {
            const a = sources[s];
            const ga = group[a];
            stamp++;
            for (let k = outOffsets[a]; k < outOffsets[a + 1]; k++) mark[targets[k]] = stamp;
            for (let k = outOffsets[b]; k < outOffsets[b + 1]; k++) {
                const c = targets[k];
                if (c === a || mark[c] === stamp) continue;
                const gc = group[c];
                if (ga === gb && gb === gc) coordinator++;
                else if (ga === gc) itinerant++;
                else if (ga === gb) representative++;
                else if (gb === gc) gatekeeper++;
                else liaison++;
            }
        }
        result[b] = { coordinator, itinerant, representative, gatekeeper, liaison };
    }
    return result;
}
