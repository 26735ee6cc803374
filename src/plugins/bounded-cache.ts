/** A least-recently-used map bounded by entry count and by the total weight of its entries. */
export interface BoundedCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
  /** Sum of the weights of the entries held. */
  readonly weight: number;
}

export interface BoundedCacheOptions {
  maxEntries: number;
  maxWeight: number;
  /** An entry's weight. @default the key's UTF-8 length */
  weigh?: (key: string) => number;
}

export function createBoundedCache<V>(options: BoundedCacheOptions): BoundedCache<V> {
  const weigh = options.weigh ?? ((key: string) => Buffer.byteLength(key));
  // A Map iterates in insertion order: re-inserting on a hit keeps the oldest first.
  const entries = new Map<string, { value: V; weight: number }>();
  let total = 0;

  const evict = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.weight;
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value) {
      evict(key);
      const weight = weigh(key);
      // An entry that could never fit is not kept, and pushes nothing out.
      if (weight > options.maxWeight || options.maxEntries <= 0) return;
      entries.set(key, { value, weight });
      total += weight;
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries && total <= options.maxWeight) break;
        evict(oldest);
      }
    },
    get size() {
      return entries.size;
    },
    get weight() {
      return total;
    },
  };
}
