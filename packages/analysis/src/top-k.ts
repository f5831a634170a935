/**
 * The k best items of a stream, in O(k) memory: a binary heap with the worst kept item at
 * the root. Items rank by a score (higher first), then by two integer keys (lower first):
 * a total order when no two items share both keys, so the kept items do not depend on the
 * order they come in. `admits` looks at the keys only, so callers build just the items that
 * are kept. The keys live in typed arrays: sifting reads no item.
 */
export class TopK<T> {
    private size = 0;
    private scores = new Float64Array(0);
    private firsts = new Int32Array(0);
    private seconds = new Int32Array(0);
    private items: T[] = [];

    constructor(private readonly k: number) {}

    /** A score below this is not kept (a quick test before `admits`). */
    floor(): number {
        if (this.size < this.k) return -Infinity;
        return this.k <= 0 ? Infinity : this.scores[0];
    }

    /** Would an item with these keys be kept? */
    admits(score: number, first: number, second: number): boolean {
        if (this.size < this.k) return true;
        if (this.k <= 0) return false;
        return this.compare(score, first, second, 0) < 0;
    }

    offer(score: number, first: number, second: number, item: T): void {
        if (this.k <= 0) return;
        if (this.size < this.k) {
            if (this.size === this.scores.length) this.grow();
            const i = this.size++;
            this.set(i, score, first, second, item);
            this.up(i);
        } else if (this.compare(score, first, second, 0) < 0) {
            this.set(0, score, first, second, item);
            this.down(0);
        }
    }

    /** The kept items, best first. */
    sorted(): T[] {
        const order = Array.from({ length: this.size }, (_, i) => i);
        order.sort((i, j) => this.compare(this.scores[i], this.firsts[i], this.seconds[i], j));
        return order.map(i => this.items[i]);
    }

    /** The kept items by their keys (first, then second). */
    sortedByKeys(): T[] {
        const order = Array.from({ length: this.size }, (_, i) => i);
        order.sort((i, j) => this.firsts[i] - this.firsts[j] || this.seconds[i] - this.seconds[j]);
        return order.map(i => this.items[i]);
    }

    /** < 0 when (score, first, second) ranks before entry j. Scores that do not compare (NaN) count as equal. */
    private compare(score: number, first: number, second: number, j: number): number {
        const other = this.scores[j];
        if (score > other) return -1;
        if (score < other) return 1;
        return first - this.firsts[j] || second - this.seconds[j];
    }

    private worse(i: number, j: number): boolean {
        return this.compare(this.scores[i], this.firsts[i], this.seconds[i], j) > 0;
    }

    private set(i: number, score: number, first: number, second: number, item: T): void {
        this.scores[i] = score;
        this.firsts[i] = first;
        this.seconds[i] = second;
        this.items[i] = item;
    }

    private swap(i: number, j: number): void {
        const score = this.scores[i], first = this.firsts[i], second = this.seconds[i], item = this.items[i];
        this.set(i, this.scores[j], this.firsts[j], this.seconds[j], this.items[j]);
        this.set(j, score, first, second, item);
    }

    private grow(): void {
        const capacity = Math.min(this.k, Math.max(64, this.scores.length * 2));
        const scores = new Float64Array(capacity);
        const firsts = new Int32Array(capacity);
        const seconds = new Int32Array(capacity);
        scores.set(this.scores);
        firsts.set(this.firsts);
        seconds.set(this.seconds);
        this.scores = scores;
        this.firsts = firsts;
        this.seconds = seconds;
    }

    // The root is the worst item: a child moves up while it is worse than its parent.
    private up(i: number): void {
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!this.worse(i, parent)) break;
            this.swap(i, parent);
            i = parent;
        }
    }

    private down(i: number): void {
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let worst = i;
            if (left < this.size && this.worse(left, worst)) worst = left;
            if (right < this.size && this.worse(right, worst)) worst = right;
            if (worst === i) return;
            this.swap(i, worst);
            i = worst;
        }
    }
}
