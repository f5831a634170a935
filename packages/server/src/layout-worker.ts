// A worker thread of the language server: lays out preview pictures with elkjs, off the
// thread that answers the editor. It stays up, so ELK's start-up cost is paid once.
import { parentPort } from 'node:worker_threads';
import type { LayoutOptions, ViewGraph } from '@territory/sociogram';
import { LAYOUT_ALGORITHMS, layoutView } from '@territory/sociogram';

export interface LayoutJob {
    readonly id: number;
    readonly graph: ViewGraph;
    readonly options: Omit<LayoutOptions, 'previous'> & { previous?: Array<[string, { x: number; y: number }]> };
}

parentPort?.on('message', (job: LayoutJob) => {
    const options: LayoutOptions = { ...job.options, previous: job.options.previous ? new Map(job.options.previous) : undefined };
    layoutView(job.graph, options).then(
        graph => parentPort!.postMessage({ id: job.id, graph }),
        (error: unknown) => parentPort!.postMessage({ id: job.id, error: String((error as Error)?.message ?? error) })
    );
});

// Warm ELK up, every algorithm once, on a graph big enough to take the paths a real view
// takes (60 actors in 3 groups, a ring with chords): the first layout of each algorithm costs
// its code's start-up (the first radial picture of 250 actors took half a second, the next
// ones a fifth). The server starts this thread once the workspace is open.
const WARM_UP_SIZE = 60;
const warmUp: ViewGraph = {
    nodes: Array.from({ length: WARM_UP_SIZE }, (_, i) => ({
        id: `a${i}`, label: `a${i}`, community: i % 3, status: 'average', group: String(i % 3), degree: 3, betweenness: null
    })),
    edges: Array.from({ length: WARM_UP_SIZE }, (_, i) => [i, (i + 1) % WARM_UP_SIZE, (i * 7 + 3) % WARM_UP_SIZE] as const)
        .flatMap(([i, next, chord]) => [next, chord].filter(j => j !== i).map(j => ({
            id: `a${i}|trust|a${j}`, source: `a${i}`, target: `a${j}`, relation: 'trust', polarity: 'positive' as const, directed: false, weight: 1
        }))),
    colorBy: { kind: 'community' },
    sizeBy: 'degree'
};
void (async () => {
    for (const algorithm of LAYOUT_ALGORITHMS) await layoutView(warmUp, { algorithm }).catch(() => undefined);
})();
