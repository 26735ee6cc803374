import type { CostFunction } from '../cost/field-cost.ts';

/**
 * A subscription's cost is per event: the reads one poll makes. A poll runs every
 * `SUBSCRIPTION_POLL_INTERVAL_MS` after a change, doubling to `SUBSCRIPTION_MAX_POLL_INTERVAL_MS`
 * while nothing changes, and serves every subscriber of one principal and subject at once.
 */
export const perPoll =
  (kind: string, reads: number, extra?: (args: Record<string, unknown>) => number): CostFunction =>
  (input) => ({
    calls: { [`${kind}@${input.path}`]: reads + (extra ? extra(input.args) : 0) },
    bounds: `${kind}: per poll (one event); a poll serves every subscriber of the principal and subject`,
  });
