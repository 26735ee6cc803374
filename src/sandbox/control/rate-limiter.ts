/**
 * ISC's limit: so many requests per `client_id` per window, shared by every token of the client.
 * A sliding log per client, so a client that waits `Retry-After` is let through again. Routes
 * with a custom limit (`routeLimits`, keyed `METHOD /template`) count in a bucket of their own,
 * as a tenant's per-API limits do. Only accepted requests are logged.
 */
export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  routeLimits?: Readonly<Record<string, number>>;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const logs = new Map<string, number[]>();

  const prune = (log: number[], at: number) => {
    let stale = 0;
    while (stale < log.length && log[stale] <= at - options.windowMs) stale++;
    if (stale > 0) log.splice(0, stale);
  };

  return {
    /** Counts one request of `clientId` on `route`; `retryAfterSeconds` when it is over the limit. */
    take(clientId: string, route?: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
      const custom = route === undefined ? undefined : options.routeLimits?.[route];
      const limit = custom ?? options.limit;
      if (limit <= 0) return { ok: true };
      const key = custom === undefined ? clientId : `${clientId} ${route}`;
      const at = now();
      const log = logs.get(key) ?? [];
      prune(log, at);
      if (log.length >= limit) {
        const waitMs = log[0] + options.windowMs - at;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      log.push(at);
      logs.set(key, log);
      // Forget tokens that went quiet, so a long run does not grow the map without end.
      if (logs.size > 10_000) {
        for (const [id, entries] of logs) {
          prune(entries, at);
          if (entries.length === 0) logs.delete(id);
        }
      }
      return { ok: true };
    },
    reset() {
      logs.clear();
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
