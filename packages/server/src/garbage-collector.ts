import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const MB = 2 ** 20;

/**
 * Collects the server's garbage at a moment of its choosing: while a worker thread computes
 * the first figures of an analysis, the server's thread only waits, and a collection there
 * costs the editor nothing.
 *
 * Why: every edit leaves the statements it replaced and the previous analysis' results in
 * V8's old generation. Left to itself, V8 lets that generation grow to about four times what
 * is live before collecting it (a server holding 300 MB of model reached 1.3 GB after some
 * edits), and the collection, some 250 ms of this thread's time on such a heap, then falls
 * on whatever runs, often an edit waiting for its diagnostics. Collecting here once the heap
 * has grown by half keeps it near 1.5 times what is live, and edits never pay for it.
 */
export class GarbageCollector {
    private readonly collect = exposedCollector();
    /** The heap in use after the last full collection (ours or V8's), or undefined before the first. */
    private live: number | undefined;
    private calls = 0;

    constructor(private readonly growth = 1.5, private readonly minimumGrowth = 64 * MB, private readonly maximumInUse = 1024 * MB) {
        // V8 collects fully from time to time (several times while the workspace is first read):
        // that tells what is live as well as a collection of ours.
        new PerformanceObserver(list => {
            if (list.getEntries().some(entry => (entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) {
                this.live = getHeapStatistics().used_heap_size;
            }
        }).observe({ entryTypes: ['gc'] });
    }

    /**
     * Collects if the heap grew enough since the last full collection. Not on the first call:
     * the first analysis comes right after the workspace was read, whose garbage would make
     * its collection the longest, and it is the analysis the user waits for. Not when more than
     * `maximumInUse` is in use: a collection then takes the thread 0.7–1 s (50,000 actors, 1.3 GB
     * live), long enough for a request typed meanwhile to notice, while V8, whose heap limit is
     * then near, grows the heap little (2.33 GB at most over 30 analyses left to V8, 2.18 GB
     * with ours). The heap in use, not `live`, decides: `live` may date from a collection while
     * the workspace was still being read, when less was live.
     */
    collectIfGrown(): boolean {
        if (!this.collect || this.calls++ === 0) return false;
        const used = getHeapStatistics().used_heap_size;
        if (used > this.maximumInUse) return false;
        this.live ??= used;
        if (used < Math.max(this.live * this.growth, this.live + this.minimumGrowth)) return false;
        this.collect();
        this.live = getHeapStatistics().used_heap_size;
        return true;
    }
}

/**
 * V8's `gc()`, which Node offers only with `--expose-gc`: an editor starts the server without
 * that flag, and set now, it gives `gc` to contexts made after it. Undefined where that fails
 * (the server then leaves collections to V8).
 */
function exposedCollector(): (() => void) | undefined {
    try {
        setFlagsFromString('--expose-gc');
        const gc: unknown = runInNewContext('gc');
        return typeof gc === 'function' ? gc as () => void : undefined;
    } catch {
        return undefined;
    }
}
