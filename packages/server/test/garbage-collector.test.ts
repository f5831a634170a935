import { getHeapStatistics } from 'node:v8';
import { expect, test } from 'vitest';
import { GarbageCollector } from '../src/garbage-collector.js';

const MB = 2 ** 20;

test('collects only once the heap has grown by the given share', () => {
    const collector = new GarbageCollector(1.5, 16 * MB);
    collector.collectIfGrown();
    const live = getHeapStatistics().used_heap_size;
    expect(collector.collectIfGrown(), 'nothing grew').toBe(false);
    // Garbage kept alive until the next check: well over half the heap and 16 MB.
    let garbage: number[][] | undefined = Array.from({ length: Math.ceil(live / MB) + 64 }, () => Array.from({ length: MB / 16 }, (_, i) => i + 0.5));
    expect(garbage.length).toBeGreaterThan(0);
    garbage = undefined;
    expect(collector.collectIfGrown(), 'the heap grew by more than half').toBe(true);
    expect(getHeapStatistics().used_heap_size, 'the garbage is gone').toBeLessThan(live + 32 * MB);
});

test('leaves a large heap to V8: a collection would hold the thread too long', () => {
    const live = getHeapStatistics().used_heap_size;
    // The same growth as above, with a bound below what is in use.
    const collector = new GarbageCollector(1.5, 16 * MB, live / 2);
    collector.collectIfGrown();
    expect(collector.collectIfGrown(), 'nothing grew').toBe(false);
    let garbage: number[][] | undefined = Array.from({ length: Math.ceil(live / MB) + 64 }, () => Array.from({ length: MB / 16 }, (_, i) => i + 0.5));
    expect(garbage.length).toBeGreaterThan(0);
    garbage = undefined;
    expect(collector.collectIfGrown(), 'more is in use than the bound').toBe(false);
});
