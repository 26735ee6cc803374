/** A least-recently-used map of entries that expire, bounded by count and by total bytes. */
export interface TtlLru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V, bytes: number, expiresAt: number): void;
  readonly size: number;
  readonly bytes: number;
}

export function createTtlLru<V>(options: {
  maxEntries: number;
  maxBytes: number;
  now?: () => number;
}): TtlLru<V> {
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on a hit keeps the oldest first.
  const entries = new Map<string, { value: V; bytes: number; expiresAt: number }>();
  let total = 0;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.bytes;
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      drop(key);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(key, entry);
      total += entry.bytes;
      return entry.value;
    },
    set(key, value, bytes, expiresAt) {
      drop(key);
      // An entry that could never fit is not kept, and pushes nothing out.
      if (bytes > options.maxBytes || options.maxEntries <= 0 || expiresAt <= now()) return;
      entries.set(key, { value, bytes, expiresAt });
      total += bytes;
      for (const oldest of entries.keys()) {
        if (entries.size <= options.maxEntries && total <= options.maxBytes) break;
        drop(oldest);
      }
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return total;
    },
  };
}
