import type { MaybePromise, ReadPriority } from 'langium';
import { Cancellation, DefaultWorkspaceLock, OperationCancelled } from 'langium';

/**
 * How long after answering a request the analysis still waits: a client sends its next
 * request (completion as the user types, hover as the mouse moves) a moment after the answer
 * to the previous one, and that request should not wait behind a step of the analysis either.
 */
export const QUIET_AFTER_REQUEST_MS = 20;

/**
 * Langium's workspace lock, which also lets the editor's requests go before the analysis.
 * Langium answers every request it handles (hover, completion, definitions, rename…) in a read
 * of this lock. The analysis reads and encodes the model on the server's thread, in steps
 * (0.4 s in all at 50,000 actors); before each step it waits here while a request is being
 * answered and for `QUIET_AFTER_REQUEST_MS` after, so a request waits for one step at most,
 * not for each of the event loop's turns its answer takes.
 */
export class RequestsFirstLock extends DefaultWorkspaceLock {
    private answering = 0;
    private lastAnswered = -Infinity;

    override read<T>(action: () => MaybePromise<T>, priority?: ReadPriority): Promise<T> {
        this.answering++;
        const answered = () => {
            this.answering--;
            this.lastAnswered = performance.now();
        };
        const reading = super.read(action, priority);
        reading.then(answered, answered);
        return reading;
    }

    /**
     * Resolves when no request is being answered and none was for `QUIET_AFTER_REQUEST_MS`;
     * rejects with `OperationCancelled` once `cancel` is cancelled.
     */
    async requestsAnswered(cancel: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        // A request that arrived during the last step reaches its handler (and this lock) after
        // a few turns of the event loop: vscode-jsonrpc decodes it in one, dispatches it in the next.
        for (let turn = 0; turn < 3; turn++) await new Promise(resolve => setImmediate(resolve));
        for (;;) {
            if (cancel.isCancellationRequested) throw OperationCancelled;
            const quietFor = performance.now() - this.lastAnswered;
            if (this.answering === 0 && quietFor >= QUIET_AFTER_REQUEST_MS) return;
            await new Promise(resolve => setTimeout(resolve, this.answering > 0 ? QUIET_AFTER_REQUEST_MS : QUIET_AFTER_REQUEST_MS - quietFor));
        }
    }
}
