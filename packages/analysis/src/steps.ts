/**
 * A computation written in steps: a generator that yields where its caller may pause. The
 * language server's thread runs the analysis' own steps (encoding the model, making the
 * figures' objects: 0.1 s each at 50,000 actors) with pauses, so that the editor's requests
 * go first; everything else runs them in one go.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end, without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
    for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
    }
}

/** Runs `steps` to the end, awaiting `pause` before each (it may reject: the run stops). */
export async function runStepsWithPauses<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
    for (;;) {
        await pause();
        const step = steps.next();
        if (step.done) return step.value;
    }
}

/** Actors whose figures are made, or which are encoded, between two pauses: a few milliseconds. */
export const ACTORS_PER_STEP = 2_000;

/** Items sorted in one step before the merges, and items merged per step. */
const SORTED_PER_STEP = 4_000;

/**
 * `list` sorted by `compare`, in steps, into a new array: the same order as
 * `list.slice().sort(compare)` (both sorts are stable). Sorting 50,000 actors by name took
 * the language server's thread 15–60 ms in one go. Chunks are sorted one per step, then
 * merged pairwise, a few thousand items per step.
 */
export function* sortInSteps<T>(list: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
    const n = list.length;
    let source: T[] = [];
    for (let start = 0; start < n; start += SORTED_PER_STEP) {
        if (start > 0) yield;
        source.push(...list.slice(start, start + SORTED_PER_STEP).sort(compare));
    }
    let target = new Array<T>(n);
    for (let width = SORTED_PER_STEP; width < n; width *= 2) {
        let merged = 0;
        for (let low = 0; low < n; low += 2 * width) {
            const middle = Math.min(low + width, n);
            const high = Math.min(low + 2 * width, n);
            let left = low;
            let right = middle;
            let to = low;
            // The left item first unless the right one sorts strictly before it: stable.
            while (left < middle && right < high) target[to++] = compare(source[right], source[left]) < 0 ? source[right++] : source[left++];
            while (left < middle) target[to++] = source[left++];
            while (right < high) target[to++] = source[right++];
            merged += high - low;
            if (merged >= SORTED_PER_STEP) {
                merged = 0;
                yield;
            }
        }
        [source, target] = [target, source];
    }
    return source;
}
