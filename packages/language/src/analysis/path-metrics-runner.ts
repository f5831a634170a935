import type { CompactGraph, PathFigures } from '@territory/analysis';
import { computePathFiguresOf } from '@territory/analysis';
import type { Cancellation } from 'langium';

/**
 * Computes the costly path metrics (betweenness, closeness, constraint). The language
 * server replaces this in-process runner with one that uses worker threads, so that large
 * models never block the thread that answers completion and hover.
 */
export interface PathMetricsRunner {
    compute(graph: CompactGraph, cancel: Cancellation.CancellationToken): Promise<PathFigures>;
}

export class InProcessPathMetricsRunner implements PathMetricsRunner {
    async compute(graph: CompactGraph): Promise<PathFigures> {
        return computePathFiguresOf(graph);
    }
}
