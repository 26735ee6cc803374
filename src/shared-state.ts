import type { Config } from './config.ts';
import type { Logger } from './observability/logger.ts';
import type { GatewayMetrics } from './observability/metrics.ts';
import { createSharedStateMetrics } from './observability/shared-state-metrics.ts';
import { type CallThrottle, createCallThrottle } from './upstream/call-throttle.ts';
import { createReadCache, type ReadCache } from './upstream/read-cache.ts';
import { createRedisCallThrottle } from './upstream/redis-call-throttle.ts';
import { createSharedStore, type SharedStoreState } from './upstream/shared-store.ts';

/** What replicas of one gateway share: the per-client throttle and the read cache, over Redis when configured. */
export interface SharedState {
  throttle: CallThrottle;
  /** null when `CACHE_TTL_MS` is 0. */
  cache: ReadCache | null;
  state(): SharedStoreState;
  close(): Promise<void>;
}

export function createSharedState(
  config: Config,
  logger: Logger,
  metrics: GatewayMetrics | null,
): SharedState {
  const { upstream, shared } = config;
  const limits = {
    limit: upstream.rateLimit,
    windowMs: upstream.rateLimitWindowMs,
    maxWaitMs: upstream.maxRetryAfterMs,
  };
  const local = createCallThrottle(limits);
  let degraded: () => void = () => {};
  let wasUp = false;
  const store = shared.redisUrl
    ? createSharedStore({
        url: shared.redisUrl,
        commandTimeoutMs: shared.redisTimeoutMs,
        onStateChange: (state, reason) => {
          if (state === 'up')
            logger.info({ sharedStore: 'up' }, 'Redis is up: rate limits and cache are shared');
          else {
            degraded();
            logger.warn(
              { sharedStore: 'down', reason },
              'Redis is down or slow: rate limits and cache fall back to this process',
            );
          }
          wasUp = state === 'up';
        },
      })
    : null;
  const state = () => store?.state() ?? 'off';
  const counters = metrics ? createSharedStateMetrics(metrics.registry, state) : null;
  if (counters) degraded = counters.degraded;
  const cache =
    shared.cacheTtlMs > 0
      ? createReadCache({
          ttlMs: shared.cacheTtlMs,
          maxEntries: shared.cacheMaxEntries,
          maxBytes: shared.cacheMaxBytes,
          store,
          onOutcome: counters?.cacheOutcome,
        })
      : null;
  return {
    throttle: store ? createRedisCallThrottle({ store, local, ...limits }) : local,
    cache,
    state,
    close: async () => {
      await store?.close();
    },
  };
}
