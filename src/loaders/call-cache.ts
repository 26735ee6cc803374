/**
 * One operation's memo of upstream calls: an identical call (same operation, same parameters)
 * is made once and its promise shared. Keys are built from sorted JSON so parameter order
 * does not matter.
 */
export interface CallCache {
  once<T>(operation: string, params: unknown, call: () => Promise<T>): Promise<T>;
  /** Forget every memoised call of an operation, e.g. after a write changed that list. */
  clear(operation: string): void;
  clearAll(): void;
}

export function createCallCache(): CallCache {
  const entries = new Map<string, Map<string, Promise<unknown>>>();
  return {
    once<T>(operation: string, params: unknown, call: () => Promise<T>): Promise<T> {
      let calls = entries.get(operation);
      if (!calls) {
        calls = new Map();
        entries.set(operation, calls);
      }
      const key = stableKey(params);
      const existing = calls.get(key);
      if (existing) return existing as Promise<T>;
      const promise = call();
      calls.set(key, promise);
      // A failed call is not memoised: a later field may try again after the client's own retries.
      promise.catch(() => {
        if (calls.get(key) === promise) calls.delete(key);
      });
      return promise;
    },
    clear(operation) {
      entries.delete(operation);
    },
    clearAll() {
      entries.clear();
    },
  };
}

export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Date)) {
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return item;
  });
}
