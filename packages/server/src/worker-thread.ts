import { Worker } from 'node:worker_threads';
import type { Cancellation } from 'langium';
import { OperationCancelled } from 'langium';

/**
 * One long-lived worker thread running jobs one message at a time. Cancelling a job
 * terminates the thread (a computation cannot be interrupted from outside, a thread can);
 * the next job starts a new one.
 */
export class WorkerThread<Job, Result> {
    private worker?: Worker;
    private nextId = 0;

    constructor(private readonly script: string) {}

    run(job: Job, cancel: Cancellation.CancellationToken, transfer: ArrayBuffer[] = []): Promise<Result> {
        if (cancel.isCancellationRequested) return Promise.reject(OperationCancelled);
        const worker = (this.worker ??= this.start());
        const id = ++this.nextId;
        return new Promise<Result>((resolve, reject) => {
            const onMessage = (message: { id: number; error?: string } & Result) => {
                if (message.id !== id) return;
                cleanup();
                if (message.error !== undefined) reject(new Error(message.error));
                else resolve(message);
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
                this.stop();
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
            worker.postMessage({ ...job, id }, transfer);
        });
    }

    /** Starts the thread ahead of the first job (its start-up then costs nothing later). */
    warm(): void {
        this.worker ??= this.start();
    }

    stop(): void {
        const worker = this.worker;
        this.worker = undefined;
        void worker?.terminate();
    }

    private start(): Worker {
        const worker = new Worker(this.script);
        worker.unref();
        worker.on('exit', () => {
            if (this.worker === worker) this.worker = undefined;
        });
        return worker;
    }
}
