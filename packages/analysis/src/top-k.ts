/**
 * The k best items of a stream, in O(k) memory: a binary heap with the worst kept item at
 * the root. `better(a, b)` < 0 when a ranks before b (a total order, so ties are stable).
 */
export class TopK<T> {
    private readonly heap: T[] = [];

    constructor(private readonly k: number, private readonly better: (a: T, b: T) => number) {}

    offer(item: T): void {
        if (this.k <= 0) return;
        if (this.heap.length < this.k) {
            this.heap.push(item);
            this.up(this.heap.length - 1);
        } else if (this.better(item, this.heap[0]) < 0) {
            this.heap[0] = item;
            this.down(0);
        }
    }

    /** Would `item` be kept? (Lets callers skip building items that would not.) */
    admits(item: T): boolean {
        return this.heap.length < this.k || this.better(item, this.heap[0]) < 0;
    }

    /** The kept items, best first. */
    sorted(): T[] {
        return [...this.heap].sort(this.better);
    }

    // The root is the worst item: a child moves up while it is worse than its parent.
    private up(i: number): void {
        const heap = this.heap;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (this.better(heap[i], heap[parent]) <= 0) break;
            [heap[i], heap[parent]] = [heap[parent], heap[i]];
            i = parent;
        }
    }

    private down(i: number): void {
        const heap = this.heap;
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let worst = i;
            if (left < heap.length && this.better(heap[left], heap[worst]) > 0) worst = left;
            if (right < heap.length && this.better(heap[right], heap[worst]) > 0) worst = right;
            if (worst === i) return;
            [heap[i], heap[worst]] = [heap[worst], heap[i]];
            i = worst;
        }
    }
}
