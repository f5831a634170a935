import { describe, expect, test } from 'vitest';
import { runSteps, runStepsWithPauses, sortInSteps } from '../src/steps.js';

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
    return () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

describe('sorting in steps', () => {
    // Few distinct keys, so that many items tie: the order among them shows whether the sort is stable.
    test.each([0, 1, 2, 3_999, 4_000, 4_001, 8_000, 12_345, 50_000])('gives the order of a stable sort (%i items)', size => {
        const next = random(size);
        const items = Array.from({ length: size }, (_, position) => ({ key: Math.floor(next() * 300), position }));
        const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
        const steps = sortInSteps(items, byKey);
        let pauses = 0;
        let step = steps.next();
        while (!step.done) {
            pauses++;
            step = steps.next();
        }
        expect(step.value).toEqual(items.slice().sort(byKey));
        expect(items.map(item => item.position), 'the list given is left as it was').toEqual(items.map((_, i) => i));
        if (size > 8_000) expect(pauses, 'a large list is sorted in several steps').toBeGreaterThan(2);
    });

    test('sorts names as the model does', () => {
        const names = ['zaouia', 'Ahfir', 'وجدة', 'berkane', 'Ahfir', 'أحفير', 'figuig'];
        const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        expect(runSteps(sortInSteps(names, byName))).toEqual(names.slice().sort(byName));
    });
});

describe('running steps', () => {
    function* counting(): Generator<void, number, void> {
        let total = 0;
        for (let i = 1; i <= 3; i++) {
            total += i;
            yield;
        }
        return total;
    }

    test('with pauses, gives what running them in one go gives, pausing before each step', async () => {
        let pauses = 0;
        expect(await runStepsWithPauses(counting(), async () => { pauses++; })).toBe(runSteps(counting()));
        expect(pauses).toBe(4);
    });

    test('stops at the first pause that rejects', async () => {
        let pauses = 0;
        const cancelled = new Error('cancelled');
        const run = runStepsWithPauses(counting(), async () => {
            if (++pauses === 2) throw cancelled;
        });
        await expect(run).rejects.toBe(cancelled);
        expect(pauses).toBe(2);
    });
});
