import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { kindOf, kindsTouchedBy, READ_KINDS } from './read-cache-scope.ts';
import type { SharedStore } from './shared-store.ts';
import { principalKeyOf } from './throttle-key.ts';
import { createTtlLru } from './ttl-lru.ts';

type ResponseHeaders = Record<string, string | string[] | undefined>;

/** What a cache key names of an upstream call (the HTTP client's `UpstreamCall` fits). */
interface UpstreamCall {
  method: string;
  version: string;
  path: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  accept?: string;
}

/** The part of an answer a cached read keeps: its text and its total count. */
export interface CachedAnswer {
  status: number;
  text: string;
  headers: ResponseHeaders;
}

export type CacheOutcome = 'hit' | 'miss' | 'bypass';

export interface ReadCache {
  /** A GET through the cache: `load` makes the upstream call on a miss. */
  read(
    token: string,
    call: UpstreamCall,
    load: () => Promise<CachedAnswer>,
    signal?: AbortSignal,
  ): Promise<CachedAnswer>;
  /**
   * A write went out: every principal's reads of what it touched are stale. Unless it answered a
   * plain 2xx (a 202 is a task the tenant applies later; a failure may still land), those kinds
   * are read uncached for a TTL.
   */
  wrote(call: UpstreamCall, status: number): Promise<void>;
}

export interface ReadCacheOptions {
  ttlMs: number;
  maxEntries: number;
  maxBytes: number;
  /** Shares entries and generations between replicas; null keeps them in this process only. */
  store: SharedStore | null;
  onOutcome?: (outcome: CacheOutcome) => void;
  /** @default 'gw:' */
  prefix?: string;
}

/** How long a replica waits for another one loading the same read before loading it itself. */
const LOAD_LOCK_MS = 2000;
const POLL_MS = 20;
const KEPT_HEADERS = ['x-total-count'];

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

const callKeyOf = (call: UpstreamCall): string => {
  const query = Object.entries(call.query ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${name}=${String(value)}`)
    .sort();
  return `${call.method} /${call.version}${call.path}?${query.join('&')} ${call.accept ?? ''}`;
};

const keep = (headers: ResponseHeaders): ResponseHeaders =>
  Object.fromEntries(
    KEPT_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]]),
  );

/**
 * Upstream reads cached per principal and exact REST call, for `ttlMs`. Each resource kind has a
 * generation (in Redis when shared): a write replaces the generations of the kinds it touches, and
 * entries are keyed by the generation they were read under, so no replica reads an old entry after
 * a write. An in-process LRU sits in front of Redis; identical reads in flight share one call.
 */
export function createReadCache(options: ReadCacheOptions): ReadCache {
  const { store, ttlMs } = options;
  const prefix = options.prefix ?? 'gw:';
  const local = createTtlLru<CachedAnswer>({ maxEntries: options.maxEntries, maxBytes: options.maxBytes });
  const localGenerations = new Map<string, string>();
  const inFlight = new Map<string, { answer: Promise<CachedAnswer>; signal?: AbortSignal }>();
  const count = (outcome: CacheOutcome) => options.onOutcome?.(outcome);
  const genKey = (kind: string) => `${prefix}gen:${kind}`;

  const localHolds = new Map<string, number>();
  const holdKey = (kind: string) => `${prefix}hold:${kind}`;
  const renew = async (kinds: readonly string[], hold = false) => {
    if (!store) {
      for (const kind of kinds) {
        localGenerations.set(kind, randomUUID());
        if (hold) localHolds.set(kind, Date.now() + ttlMs);
      }
      return;
    }
    const pairs = kinds.flatMap((kind) => [genKey(kind), randomUUID()]);
    await store.attempt(async (redis) => {
      const batch = redis.multi().mset(...pairs);
      if (hold) for (const kind of kinds) batch.set(holdKey(kind), '1', 'PX', ttlMs);
      return batch.exec();
    });
  };
  // Writes made while Redis was away invalidated nothing there: start every kind afresh.
  store?.onRecovered(() => renew(READ_KINDS));

  /** The kind's generation, or undefined when its reads go uncached (Redis down, or a write settling). */
  const generationOf = async (kind: string): Promise<string | undefined> => {
    if (!store)
      return (localHolds.get(kind) ?? 0) > Date.now() ? undefined : (localGenerations.get(kind) ?? '0');
    const values = await store.attempt((redis) => redis.mget(genKey(kind), holdKey(kind)));
    if (values === undefined || values[1] !== null) return undefined;
    return values[0] ?? '0';
  };

  const fromStore = async (key: string): Promise<CachedAnswer | null | undefined> => {
    const raw = await store?.attempt((redis) => redis.get(key));
    if (raw === undefined || raw === null) return raw;
    const entry = JSON.parse(raw) as CachedAnswer & { expiresAt: number };
    local.set(key, entry, raw.length, entry.expiresAt);
    return entry;
  };

  const loadAndStore = async (key: string, load: () => Promise<CachedAnswer>): Promise<CachedAnswer> => {
    const loaded = await load();
    const entry = {
      status: loaded.status,
      text: loaded.text,
      headers: keep(loaded.headers),
      expiresAt: Date.now() + ttlMs,
    };
    const raw = JSON.stringify(entry);
    local.set(key, entry, raw.length + key.length, entry.expiresAt);
    await store?.attempt((redis) => redis.set(key, raw, 'PX', ttlMs));
    return loaded;
  };

  // Across replicas: the first to miss loads, the others wait a little for its entry.
  const sharedLoad = async (key: string, load: () => Promise<CachedAnswer>): Promise<CachedAnswer> => {
    if (!store) return loadAndStore(key, load);
    const lock = `${key}:loading`;
    const started = Date.now();
    for (;;) {
      const taken = await store.attempt((redis) => redis.set(lock, '1', 'PX', LOAD_LOCK_MS, 'NX'));
      if (taken !== null) {
        try {
          return await loadAndStore(key, load);
        } finally {
          if (taken === 'OK') void store.attempt((redis) => redis.del(lock));
        }
      }
      if (Date.now() - started > LOAD_LOCK_MS) return loadAndStore(key, load);
      await sleep(POLL_MS);
      const entry = await fromStore(key);
      if (entry) return entry;
    }
  };

  return {
    async read(token, call, load, signal) {
      const kind = kindOf(call.path);
      const generation = await generationOf(kind);
      if (generation === undefined) {
        count('bypass');
        return load();
      }
      const key = `${prefix}read:${hash(`${principalKeyOf(token)}\u0000${kind}\u0000${generation}\u0000${callKeyOf(call)}`)}`;
      const cached = local.get(key) ?? (await fromStore(key));
      if (cached) {
        count('hit');
        return cached;
      }
      const pending = inFlight.get(key);
      if (pending) {
        count('hit');
        try {
          return await pending.answer;
        } catch (error) {
          // The request that made the call went away; this one still wants the answer.
          if (pending.signal?.aborted && !signal?.aborted) return load();
          throw error;
        }
      }
      count('miss');
      const answer = sharedLoad(key, load);
      inFlight.set(key, { answer, signal });
      try {
        return await answer;
      } finally {
        inFlight.delete(key);
      }
    },
    async wrote(call, status) {
      const settled = status >= 200 && status < 300 && status !== 202;
      await renew(kindsTouchedBy(kindOf(call.path)), !settled);
    },
  };
}
