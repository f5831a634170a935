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

// Warm ELK up, every algorithm once: the first layout of each costs its code's start-up
// (the first radial picture of 250 actors took half a second, the next ones a fifth).
const warmUp: ViewGraph = {
    nodes: ['a', 'b', 'c'].map(id => ({ id, label: id, community: 0, status: 'average', group: '0', degree: 1, betweenness: null })),
    edges: [{ id: 'a|trust|b', source: 'a', target: 'b', relation: 'trust', polarity: 'positive', directed: false, weight: 1 }],
    colorBy: { kind: 'community' },
    sizeBy: 'degree'
};
void (async () => {
    for (const algorithm of LAYOUT_ALGORITHMS) await layoutView(warmUp, { algorithm }).catch(() => undefined);
})();
