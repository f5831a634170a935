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
    // Nodes without a tie would only be pushed away by all the others: they go in rows below.
    const tied = new Set<number>();
    for (const [a, b] of input.edges) {
        tied.add(a);
        tied.add(b);
    }
    if (tied.size === input.ids.length) return springs(input);
    const connected = [...tied].sort((a, b) => a - b);
    const position = new Map(connected.map((node, i) => [node, i]));
    const placed = springs({
        ...input,
        ids: connected.map(i => input.ids[i]),
        edges: input.edges.map(([a, b, w]) => [position.get(a)!, position.get(b)!, w] as const)
    });
    const result: Array<{ x: number; y: number }> = new Array(input.ids.length);
    connected.forEach((node, i) => { result[node] = placed[i]; });
    const bottom = placed.reduce((max, p) => Math.max(max, p.y), -input.spacing);
    const left = placed.reduce((min, p) => Math.min(min, p.x), 0);
    const loners = input.ids.map((_, i) => i).filter(i => !tied.has(i));
    const perRow = Math.max(1, Math.ceil(Math.sqrt(loners.length * 2)));
    loners.forEach((node, i) => {
        result[node] = { x: left + (i % perRow) * input.spacing * 1.6, y: bottom + input.spacing * (1 + Math.floor(i / perRow)) };
    });
    return result;
}

function springs(input: ForceInput): Array<{ x: number; y: number }> {
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
