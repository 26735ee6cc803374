import { Redis } from 'ioredis';

/** Whether the replicas' shared store answers: `up`, `down`, or `off` when none is configured. */
export type SharedStoreState = 'up' | 'down' | 'off';

export interface SharedStoreOptions {
  /** `redis://` or `rediss://` URL of a Redis 7-compatible server. */
  url: string;
  /** A command not answered by then fails, and the store counts as down. */
  commandTimeoutMs: number;
  /** Told once per change of state, with the reason of a fall. */
  onStateChange?: (state: 'up' | 'down', reason?: string) => void;
  /** While down, how often a PING checks whether it is back. @default 500 */
  probeEveryMs?: number;
}

/**
 * The connection the replicas share state through (rate windows, cooldowns, cached reads).
 * Callers ask `usable()` and fall back to their in-process state when it is false; a failed or
 * slow command marks the store down, and a background PING brings it back up on its own.
 */
export interface SharedStore {
  readonly redis: Redis;
  usable(): boolean;
  state(): SharedStoreState;
  /** Runs `command`; on failure or timeout marks the store down and resolves `undefined`. */
  attempt<T>(command: (redis: Redis) => Promise<T>): Promise<T | undefined>;
  /** Called with each recovery (down -> up), e.g. to drop what may have changed meanwhile. */
  onRecovered(listener: () => Promise<void> | void): void;
  close(): Promise<void>;
}

export function createSharedStore(options: SharedStoreOptions): SharedStore {
  const probeEveryMs = options.probeEveryMs ?? 500;
  const redis = new Redis(options.url, {
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: Math.max(1000, options.commandTimeoutMs),
    // Fail fast while disconnected: the caller has an in-process fallback, queued commands help nobody.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => probeEveryMs,
    lazyConnect: false,
  });
  const recovered: Array<() => Promise<void> | void> = [];
  let current: 'up' | 'down' = 'down';
  let announced = false;
  let probe: NodeJS.Timeout | null = null;
  let closed = false;

  const set = (next: 'up' | 'down', reason?: string) => {
    if (next === current && announced) return;
    const wasDown = current === 'down' && announced;
    current = next;
    announced = true;
    options.onStateChange?.(next, reason);
    if (next === 'up' && wasDown) for (const listener of recovered) void listener();
    if (next === 'down') startProbe();
  };

  const ping = async () => {
    try {
      await redis.ping();
      set('up');
    } catch (error) {
      set('down', error instanceof Error ? error.message : String(error));
    }
  };

  const startProbe = () => {
    if (probe || closed) return;
    probe = setInterval(() => {
      if (current === 'up') {
        if (probe) clearInterval(probe);
        probe = null;
        return;
      }
      if (redis.status === 'ready') void ping();
    }, probeEveryMs);
    probe.unref();
  };

  redis.on('ready', () => void ping());
  redis.on('error', (error: Error) => set('down', error.message));
  redis.on('end', () => set('down', 'connection closed'));
  redis.on('close', () => {
    if (!closed) set('down', 'connection closed');
  });

  return {
    redis,
    usable: () => current === 'up' && redis.status === 'ready',
    state: () => (current === 'up' && redis.status === 'ready' ? 'up' : 'down'),
    async attempt(command) {
      if (current !== 'up' || redis.status !== 'ready') return undefined;
      try {
        return await command(redis);
      } catch (error) {
        set('down', error instanceof Error ? error.message : String(error));
        return undefined;
      }
    },
    onRecovered(listener) {
      recovered.push(listener);
    },
    async close() {
      closed = true;
      if (probe) clearInterval(probe);
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
