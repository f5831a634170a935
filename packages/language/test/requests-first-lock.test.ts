import { Cancellation, isOperationCancelled, ReadPriority } from 'langium';
import { describe, expect, test } from 'vitest';
import { QUIET_AFTER_REQUEST_MS, RequestsFirstLock } from '../src/workspace/requests-first-lock.js';

describe('the editor’s requests go before the analysis', () => {
    test('with no request being answered, the analysis goes on at once', async () => {
        const lock = new RequestsFirstLock();
        const started = performance.now();
        await lock.requestsAnswered();
        expect(performance.now() - started).toBeLessThan(QUIET_AFTER_REQUEST_MS);
    });

    test('the analysis waits while a request is answered, and a moment after', async () => {
        const lock = new RequestsFirstLock();
        let answer!: () => void;
        const request = lock.read(() => new Promise<void>(resolve => { answer = resolve; }), ReadPriority.Immediate);
        let resumed: number | undefined;
        const analysis = lock.requestsAnswered().then(() => { resumed = performance.now(); });
        await new Promise(resolve => setTimeout(resolve, 3 * QUIET_AFTER_REQUEST_MS));
        expect(resumed, 'still waiting while the request is answered').toBeUndefined();
        answer();
        await request;
        const answered = performance.now();
        await analysis;
        expect(resumed! - answered).toBeGreaterThanOrEqual(QUIET_AFTER_REQUEST_MS - 1);
    });

    test('a request that fails counts as answered', async () => {
        const lock = new RequestsFirstLock();
        await expect(lock.read(() => { throw new Error('no hover here'); })).rejects.toThrow('no hover here');
        await lock.requestsAnswered();
    });

    test('an edit cancels the waiting analysis', async () => {
        const lock = new RequestsFirstLock();
        void lock.read(() => new Promise<void>(() => undefined), ReadPriority.Immediate);
        const edit = new Cancellation.CancellationTokenSource();
        const analysis = lock.requestsAnswered(edit.token);
        setTimeout(() => edit.cancel(), QUIET_AFTER_REQUEST_MS);
        await expect(analysis).rejects.toSatisfy(isOperationCancelled);
    });
});
