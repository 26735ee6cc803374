/**
 * ISC's limit: so many requests per access token per window. A sliding log per token, so a
 * client that waits `Retry-After` is let through again. Only accepted requests are logged.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const logs = new Map<string, number[]>();

  const prune = (log: number[], at: number) => {
    let stale = 0;
    while (stale < log.length && log[stale] <= at - options.windowMs) stale++;
    if (stale > 0) log.splice(0, stale);
  };

  return {
    /** Counts one request of `tokenId`; `retryAfterSeconds` when it is over the limit. */
    take(tokenId: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
      if (options.limit <= 0) return { ok: true };
      const at = now();
      const log = logs.get(tokenId) ?? [];
      prune(log, at);
      if (log.length >= options.limit) {
        const waitMs = log[0] + options.windowMs - at;
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
      }
      log.push(at);
      logs.set(tokenId, log);
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
