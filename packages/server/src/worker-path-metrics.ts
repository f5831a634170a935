import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CompactGraph, PathFigures } from '@territory/analysis';
import { computePathFiguresOf } from '@territory/analysis';
import type { PathMetricsRunner } from '@territory/language';
import type { Cancellation } from 'langium';
import { OperationCancelled } from 'langium';

/** Below this many actors the path metrics take milliseconds: a thread would cost more than it saves. */
export const WORKER_THRESHOLD = 1000;

/**
 * Runs the path metrics in a worker thread for models of `threshold` actors or more. A newer
 * analysis cancels the running one by terminating its worker: a breadth-first search per
 * actor cannot be interrupted from outside, a thread can.
 */
export class WorkerPathMetricsRunner implements PathMetricsRunner {
    private worker?: Worker;
    private nextId = 0;

    constructor(private readonly workerScript = path.join(__dirname, 'analysis-worker.cjs'), private readonly threshold = WORKER_THRESHOLD) {}

    async compute(graph: CompactGraph, cancel: Cancellation.CancellationToken): Promise<PathFigures> {
        if (graph.order < this.threshold) return computePathFiguresOf(graph);
        const worker = (this.worker ??= this.startWorker());
        const id = ++this.nextId;
        return new Promise<PathFigures>((resolve, reject) => {
            const onMessage = (message: { id: number } & PathFigures) => {
                if (message.id !== id) return;
                cleanup();
                resolve(message);
            };
            const onError = (error: Error) => {
                cleanup();
                reject(error);
            };
            const onExit = () => {
                cleanup();
                reject(OperationCancelled);
            };
            const subscription = cancel.onCancellationRequested(() => {
                cleanup();
                this.stopWorker();
                reject(OperationCancelled);
            });
            const cleanup = () => {
                worker.off('message', onMessage);
                worker.off('error', onError);
                worker.off('exit', onExit);
                subscription.dispose();
            };
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            worker.postMessage({ id, graph });
        });
    }

    dispose(): void {
        this.stopWorker();
    }

    private startWorker(): Worker {
        const worker = new Worker(this.workerScript);
        worker.unref();
        worker.on('exit', () => {
            if (this.worker === worker) this.worker = undefined;
        });
        return worker;
    }

    private stopWorker(): void {
        const worker = this.worker;
        this.worker = undefined;
        void worker?.terminate();
    }
}
