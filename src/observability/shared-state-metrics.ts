import { Counter, Gauge, type Registry } from 'prom-client';
import type { CacheOutcome } from '../upstream/read-cache.ts';
import type { SharedStoreState } from '../upstream/shared-store.ts';

/** The shared store's health and the read cache's outcomes, in the gateway's registry. */
export function createSharedStateMetrics(registry: Registry, state: () => SharedStoreState) {
  const registers = [registry];
  new Gauge({
    name: 'gateway_shared_store_up',
    help: 'Redis (REDIS_URL) answers: 1 up, 0 down (limits and cache in-process only), -1 not configured.',
    registers,
    collect() {
      const now = state();
      this.set(now === 'up' ? 1 : now === 'down' ? 0 : -1);
    },
  });
  const degradations = new Counter({
    name: 'gateway_shared_store_degradations_total',
    help: 'Times Redis went from up to down (slow or unreachable).',
    registers,
  });
  const cache = new Counter({
    name: 'gateway_upstream_cache_total',
    help: 'Upstream reads through the cache: hit (no call, no rate-limit budget), miss, bypass (Redis down).',
    labelNames: ['outcome'] as const,
    registers,
  });
  return {
    degraded: () => degradations.inc(),
    cacheOutcome: (outcome: CacheOutcome) => cache.inc({ outcome }),
  };
}
