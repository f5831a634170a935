/**
 * Values by key, in the order `compare` gives (workspace order, for declarations and ties).
 * A key's only value is kept as itself (most keys have one), more in an array.
 */
export class OrderedMultiMap<K, V> {
    readonly map = new Map<K, V | V[]>();
    /** The keys with more than one value. */
    readonly repeated = new Set<K>();

    constructor(private readonly compare: (a: V, b: V) => number) {}

    clear(): void {
        this.map.clear();
        this.repeated.clear();
    }

    first(key: K): V | undefined {
        const found = this.map.get(key);
        return Array.isArray(found) ? found[0] : found;
    }

    all(key: K): readonly V[] {
        const found = this.map.get(key);
        return found === undefined ? [] : Array.isArray(found) ? found : [found as V];
    }

    add(key: K, value: V): void {
        const found = this.map.get(key);
        if (found === undefined) return void this.map.set(key, value);
        const list = Array.isArray(found) ? found : [found as V];
        let at = list.length;
        while (at > 0 && this.compare(list[at - 1], value) > 0) at--;
        list.splice(at, 0, value);
        this.map.set(key, list);
        this.repeated.add(key);
    }

    remove(key: K, value: V): void {
        const found = this.map.get(key);
        if (found === value) return void this.map.delete(key);
        if (!Array.isArray(found)) return;
        const at = found.indexOf(value);
        if (at >= 0) found.splice(at, 1);
        if (found.length > 1) return;
        this.repeated.delete(key);
        if (found.length === 1) this.map.set(key, found[0]); else this.map.delete(key);
    }
}
