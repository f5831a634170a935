import type { CompactGraph } from '../graphs.js';

/**
 * Local clustering on G (networkx `clustering(G)`): the share of pairs of an actor's
 * neighbours that are themselves tied; 0 below two neighbours.
 */
export function clustering(graph: CompactGraph): Float64Array {
    const { order, offsets, neighbors } = graph;
    const result = new Float64Array(order);
    const mark = new Uint8Array(order);
    for (let v = 0; v < order; v++) {
        const degree = offsets[v + 1] - offsets[v];
        if (degree < 2) continue;
        for (let k = offsets[v]; k < offsets[v + 1]; k++) mark[neighbors[k]] = 1;
        let links = 0; // each triangle through v is seen from both of its other corners
        for (let k = offsets[v]; k < offsets[v + 1]; k++) {
            const u = neighbors[k];
            for (let m = offsets[u]; m < offsets[u + 1]; m++) links += mark[neighbors[m]];
        }
        for (let k = offsets[v]; k < offsets[v + 1]; k++) mark[neighbors[k]] = 0;
        result[v] = links / (degree * (degree - 1));
    }
    return result;
}

/**
 * Burt's constraint on unweighted G (networkx `constraint(G)`): Σ over neighbours j of
 * (p_ij + Σ_q p_iq·p_qj)², with p_ij = 1/degree(i). High when an actor's contacts are all
 * tied to each other. NaN for an isolate (no neighbour: undefined).
 */
export function constraint(graph: CompactGraph): Float64Array {
    const { order, offsets, neighbors } = graph;
    const result = new Float64Array(order);
    const mark = new Uint8Array(order);
    const degree = (v: number) => offsets[v + 1] - offsets[v];
    for (let i = 0; i < order; i++) {
        const di = degree(i);
        if (di === 0) {
            result[i] = NaN;
            continue;
        }
        for (let k = offsets[i]; k < offsets[i + 1]; k++) mark[neighbors[k]] = 1;
        let total = 0;
        for (let k = offsets[i]; k < offsets[i + 1]; k++) {
            const j = neighbors[k];
            let indirect = 0;
            // q: a contact of i also tied to j; p_iq = 1/d_i, p_qj = 1/d_q.
            for (let m = offsets[j]; m < offsets[j + 1]; m++) {
                const q = neighbors[m];
                if (mark[q] && q !== i) indirect += 1 / (di * degree(q));
            }
            const local = 1 / di + indirect;
            total += local * local;
        }
        for (let k = offsets[i]; k < offsets[i + 1]; k++) mark[neighbors[k]] = 0;
        result[i] = total;
    }
    return result;
}
