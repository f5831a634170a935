/**
 * A deterministic force-directed layout (Fruchterman & Reingold 1991) for the inside of a
 * group: fast where ELK's force and stress layouts take seconds from about a hundred nodes.
 * Positions start from `previous` where given (so that an edit keeps the picture), else on a
 * seeded spiral; the same input always gives the same output.
 */
export interface ForceInput {
    readonly ids: readonly string[];
    readonly edges: ReadonlyArray<readonly [number, number, number]>; // source, target, weight
    readonly previous?: ReadonlyMap<string, { x: number; y: number }>;
    /** Desired distance between tied nodes. */
    readonly spacing: number;
    readonly iterations?: number;
}

export function forceLayout(input: ForceInput): Array<{ x: number; y: number }> {
    const n = input.ids.length;
    if (n === 0) return [];
    if (n === 1) return [{ x: 0, y: 0 }];
    const k = input.spacing;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    // Golden-angle spiral: spread, deterministic, no two nodes on the same spot.
    const golden = Math.PI * (3 - Math.sqrt(5));
    let knownCount = 0;
    for (let i = 0; i < n; i++) {
        const known = input.previous?.get(input.ids[i]);
        if (known) {
            knownCount++;
            x[i] = known.x;
            y[i] = known.y;
        } else {
            const radius = k * Math.sqrt(i + 0.5);
            x[i] = radius * Math.cos(i * golden);
            y[i] = radius * Math.sin(i * golden);
        }
    }
    // A picture seen before is only adjusted: a few gentle steps keep the reader's mental map.
    const adjusting = knownCount >= n / 2;
    const iterations = input.iterations ?? (adjusting ? 25 : Math.max(60, Math.min(300, Math.round(30000 / n))));
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    let temperature = adjusting ? k / 4 : k * Math.sqrt(n) / 2;
    const cooling = temperature / (iterations + 1);
    for (let iteration = 0; iteration < iterations; iteration++) {
        dx.fill(0);
        dy.fill(0);
        for (let i = 0; i < n; i++) {
            for (let j = i + 1; j < n; j++) {
                let ddx = x[i] - x[j];
                let ddy = y[i] - y[j];
                let distance2 = ddx * ddx + ddy * ddy;
                if (distance2 < 1e-6) {
                    // Coincident nodes: separate them along a fixed, index-dependent direction.
                    ddx = 0.01 * (i - j);
                    ddy = 0.01;
                    distance2 = ddx * ddx + ddy * ddy;
                }
                const repulsion = (k * k) / distance2;
                dx[i] += ddx * repulsion;
                dy[i] += ddy * repulsion;
                dx[j] -= ddx * repulsion;
                dy[j] -= ddy * repulsion;
            }
        }
        for (const [a, b, weight] of input.edges) {
            const ddx = x[a] - x[b];
            const ddy = y[a] - y[b];
            const distance = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-3;
            const attraction = (distance / k) * Math.min(2, 0.5 + weight / 4);
            dx[a] -= ddx * attraction;
            dy[a] -= ddy * attraction;
            dx[b] += ddx * attraction;
            dy[b] += ddy * attraction;
        }
        // Gravity keeps disconnected nodes of the group together.
        for (let i = 0; i < n; i++) {
            dx[i] -= x[i] * 0.05;
            dy[i] -= y[i] * 0.05;
            const length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
            if (length > 0) {
                const step = Math.min(length, temperature);
                x[i] += (dx[i] / length) * step;
                y[i] += (dy[i] / length) * step;
            }
        }
        temperature -= cooling;
    }
    return Array.from({ length: n }, (_, i) => ({ x: x[i], y: y[i] }));
}
