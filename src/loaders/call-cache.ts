/**
 * One operation's memo of upstream calls: an identical call (same operation, same parameters)
 * is made once and its promise shared. Keys are built from sorted JSON so parameter order
 * does not matter.
 */
export interface CallCache {
  once<T>(operation: string, params: unknown, call: () => Promise<T>): Promise<T>;
  /**
   * Starts a call before any field asks for it (the plan of the operation): the first `once` of
   * it takes its answer, a failure too, so a primed call that failed is never made twice.
   */
  prime<T>(operation: string, params: unknown, call: () => Promise<T>): void;
  /** Forget every memoised call of an operation, e.g. after a write changed that list. */
  clear(operation: string): void;
  clearAll(): void;
}

export function createCallCache(): CallCache {
  const entries = new Map<string, Map<string, Promise<unknown>>>();
  const callsOf = (operation: string) => {
    let calls = entries.get(operation);
    if (!calls) {
      calls = new Map();
      entries.set(operation, calls);
    }
    return calls;
  };
  // Primed calls no field has taken yet: their failure stays until one does.
  const primed = new Map<string, Promise<unknown>>();
  return {
    prime(operation, params, call) {
      const calls = callsOf(operation);
      const key = stableKey(params);
      if (calls.has(key)) return;
      const promise = call();
      calls.set(key, promise);
      primed.set(`${operation} ${key}`, promise);
      promise.catch(() => {});
    },
    once<T>(operation: string, params: unknown, call: () => Promise<T>): Promise<T> {
      const calls = callsOf(operation);
      const key = stableKey(params);
      const taken = primed.get(`${operation} ${key}`);
      if (taken) {
        primed.delete(`${operation} ${key}`);
        taken.catch(() => {
          if (calls.get(key) === taken) calls.delete(key);
        });
        return taken as Promise<T>;
      }
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
      for (const key of primed.keys()) if (key.startsWith(`${operation} `)) primed.delete(key);
    },
    clearAll() {
      entries.clear();
      primed.clear();
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
