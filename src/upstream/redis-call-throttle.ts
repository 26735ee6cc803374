import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { raceAbort } from './abortable.ts';
import type { CallThrottle, ThrottleTicket } from './call-throttle.ts';
import { UpstreamRateLimitedError } from './errors.ts';
import type { SharedStore } from './shared-store.ts';
import { throttleKeyOf } from './throttle-key.ts';

/**
 * Takes a slot in a client's sliding window, atomically: drop the calls a window old, count the
 * rest, and record this one only if there is room. A call in flight is scored `inFlightUntil` (in
 * the future) and rescored with its answer's time, so it counts until a window after its answer.
 * Times are the server's (TIME), so replicas with drifting clocks agree.
 * Returns { 1, 0 } when taken, { 0, ms } to wait ms, { 0, -1 } when every call in the window is in flight.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local cooling = redis.call('PTTL', KEYS[2])
if cooling > 0 then return {0, cooling} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window + tonumber(ARGV[4]))
  return {1, 0}
end
local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
if oldest > now then return {0, -1} end
return {0, math.max(1, oldest + window - now)}
`;

/** The call was answered: it counts from now (server time) until a window later. */
const ANSWERED = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
`;

/**
 * Read-only: the calls in the window (in flight included), the newest of them (an in-flight one
 * counts as answered now) and the cooldown left. Returns { count, newest or -1, cooling ms, now }.
 */
const WINDOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local count = redis.call('ZCOUNT', KEYS[1], '(' .. (now - tonumber(ARGV[1])), '+inf')
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2]
return {count, newest and math.min(tonumber(newest), now) or -1, math.max(0, redis.call('PTTL', KEYS[2])), now}
`;

/** A cooldown only ever grows: a shorter Retry-After seen later does not cut a longer one. */
const COOL_DOWN = `
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 1
`;

export interface RedisCallThrottleOptions {
  store: SharedStore;
  /** The in-process throttle: it sees every call too, and governs alone while the store is down. */
  local: CallThrottle;
  limit: number;
  windowMs: number;
  maxWaitMs: number;
  /** Added to the window, as the in-process throttle does. @default 100 */
  marginMs?: number;
  /** Prefix of every key. @default 'gw:' */
  prefix?: string;
}

/**
 * The per-client window shared by every replica through Redis. Calls of one client on one replica
 * ask Redis one after another, in arrival order. When the store is down (or slow), calls fall back
 * to the in-process window, which has counted this replica's calls all along.
 */
export function createRedisCallThrottle(options: RedisCallThrottleOptions): CallThrottle {
  const { store, local, limit, maxWaitMs } = options;
  const windowMs = options.windowMs + (options.marginMs ?? 100);
  const prefix = options.prefix ?? 'gw:';
  // A call that never reports its answer (a crash) still leaves the window after this long.
  const inFlightMs = windowMs * 3;
  const tails = new Map<string, Promise<unknown>>();
  const keysOf = (token: string) => {
    const key = throttleKeyOf(token);
    return { key, window: `${prefix}window:${key}`, cool: `${prefix}cool:${key}` };
  };

  const takeSlot = async (keys: ReturnType<typeof keysOf>, queuedAt: number, signal?: AbortSignal) => {
    const member = randomUUID();
    for (;;) {
      signal?.throwIfAborted();
      const answer = await store.attempt(
        (redis) =>
          redis.eval(ACQUIRE, 2, keys.window, keys.cool, windowMs, limit, member, inFlightMs) as Promise<
            [number, number]
          >,
      );
      if (answer === undefined) return null;
      const [taken, waitMs] = answer;
      if (taken === 1) return member;
      const wait = waitMs < 0 ? 50 : waitMs;
      const atLeast = Date.now() + (waitMs < 0 ? windowMs : waitMs);
      if (atLeast - queuedAt > maxWaitMs) {
        throw new UpstreamRateLimitedError(
          `More than ${limit} upstream calls per ${options.windowMs} ms for this client; try again later`,
          { status: 429, retryAfterSeconds: Math.ceil((atLeast - Date.now()) / 1000) },
        );
      }
      await sleep(Math.min(wait, 1000), undefined, { signal }).catch((error: unknown) => {
        throw signal?.aborted ? signal.reason : error;
      });
    }
  };

  return {
    async windowOf(token) {
      if (limit <= 0 || !store.usable()) return local.windowOf(token);
      const keys = keysOf(token);
      const answer = await store.attempt(
        (redis) =>
          redis.eval(WINDOW, 2, keys.window, keys.cool, windowMs) as Promise<
            [number, number, number, number]
          >,
      );
      // Redis slow or gone: this replica's own count, which the fallback governs by.
      if (answer === undefined) return local.windowOf(token);
      const [count, newest, cooling, now] = answer;
      const resetsInMs = Math.max(cooling, newest < 0 ? 0 : newest + windowMs - now);
      return { limit, remaining: cooling > 0 ? 0 : Math.max(0, limit - count), resetsInMs };
    },
    coolDown(token, retryAfterMs) {
      local.coolDown(token, retryAfterMs);
      if (limit <= 0 || !(retryAfterMs > 0)) return;
      const { cool } = keysOf(token);
      void store.attempt((redis) => redis.eval(COOL_DOWN, 1, cool, Math.ceil(retryAfterMs)));
    },
    async acquire(token, signal) {
      const localTicket = await local.acquire(token, signal);
      if (limit <= 0 || !store.usable()) return localTicket;
      const keys = keysOf(token);
      const queuedAt = Date.now();
      const turn = raceAbort(tails.get(keys.key) ?? Promise.resolve(), signal).then(() =>
        takeSlot(keys, queuedAt, signal),
      );
      const settled = turn.catch((error: unknown) => {
        localTicket.answered();
        throw error;
      });
      const tail = settled.then(
        () => undefined,
        () => undefined,
      );
      tails.set(keys.key, tail);
      void tail.then(() => {
        if (tails.get(keys.key) === tail) tails.delete(keys.key);
      });
      const member = await settled;
      if (member === null) return localTicket;
      // One round trip is not a wait; a held call is.
      const heldMs = Date.now() - queuedAt;
      const ticket: ThrottleTicket = {
        waitedMs: localTicket.waitedMs + (heldMs >= 10 ? heldMs : 0),
        answered: () => {
          localTicket.answered();
          void store.attempt((redis) => redis.eval(ANSWERED, 1, keys.window, member));
        },
      };
      return ticket;
    },
  };
}
