import { setTimeout as sleep } from 'node:timers/promises';
import { stableKey } from '../../loaders/call-cache.ts';

export interface SharedPollerOptions {
  /** Wait before the next poll after a read that changed something. @default as `SUBSCRIPTION_POLL_INTERVAL_MS` */
  intervalMs: number;
  /** The longest wait: it doubles up to this while reads repeat. @default as `SUBSCRIPTION_MAX_POLL_INTERVAL_MS` */
  maxIntervalMs: number;
}

/** One read of the subject, or why it failed; `at` is when the read started. */
export type PollEvent<T> = { value: T; at: number } | { error: unknown; at: number };

export interface WatchOptions {
  /** Skip reads that started before this time (`performance.now()`), e.g. before a write. */
  since?: number;
}

export interface SharedPoller {
  /**
   * The subject's reads for one subscriber until `signal` aborts or the iterator is returned. The
   * first subscriber of a key opens its poll; the poll reads with a current subscriber's `read`
   * (its caller's API client and rate-limit window) and stops when the last one leaves.
   */
  watch<T>(
    key: string,
    read: () => Promise<T>,
    signal: AbortSignal,
    options?: WatchOptions,
  ): AsyncGenerator<PollEvent<T>>;
  /** Polls open now. */
  polls(): number;
}

interface Subscriber {
  read: () => Promise<unknown>;
  signal: AbortSignal;
  push(event: PollEvent<unknown>): void;
}

interface Poll {
  subscribers: Set<Subscriber>;
  last?: PollEvent<unknown>;
  /** Ends the current wait: a new subscriber wants a fresh read, or the last one left. */
  wake: AbortController;
}

/** One poll per key (a principal and a subject), shared by its subscribers, with backoff. */
export function createSharedPoller(options: SharedPollerOptions): SharedPoller {
  const polls = new Map<string, Poll>();

  const run = async (key: string, poll: Poll) => {
    let delay = options.intervalMs;
    let previous: string | undefined;
    while (poll.subscribers.size > 0) {
      const [leader] = poll.subscribers;
      const at = performance.now();
      let event: PollEvent<unknown>;
      try {
        event = { value: await leader.read(), at };
      } catch (error) {
        // The leader left mid-read (its request's signal stopped the call): the next one reads.
        if (!poll.subscribers.has(leader)) continue;
        event = { error, at };
        // Its own end (its longest duration) is no failure of the subject: it alone leaves.
        if (leader.signal.aborted) {
          leader.push(event);
          poll.subscribers.delete(leader);
          continue;
        }
      }
      poll.last = event;
      for (const subscriber of poll.subscribers) subscriber.push(event);
      if ('error' in event) break;
      const seen = stableKey(event.value);
      delay = seen === previous ? Math.min(delay * 2, options.maxIntervalMs) : options.intervalMs;
      previous = seen;
      if (poll.subscribers.size === 0) break;
      poll.wake = new AbortController();
      await sleep(delay, undefined, { signal: poll.wake.signal, ref: false }).catch(() => undefined);
    }
    if (polls.get(key) === poll) polls.delete(key);
  };

  async function* watch<T>(
    key: string,
    read: () => Promise<T>,
    signal: AbortSignal,
    watchOptions: WatchOptions = {},
  ): AsyncGenerator<PollEvent<T>> {
    const since = watchOptions.since ?? Number.NEGATIVE_INFINITY;
    const queue: PollEvent<unknown>[] = [];
    let notify: (() => void) | null = null;
    const subscriber: Subscriber = {
      read,
      signal,
      push(event) {
        if (event.at < since) return;
        queue.push(event);
        notify?.();
      },
    };
    let poll = polls.get(key);
    const fresh = !poll;
    if (!poll) {
      poll = { subscribers: new Set(), wake: new AbortController() };
      polls.set(key, poll);
    }
    const current = poll;
    current.subscribers.add(subscriber);
    if (current.last && !('error' in current.last) && current.last.at >= since) queue.push(current.last);
    else if (!fresh) current.wake.abort();
    if (fresh) void run(key, current);
    const onAbort = () => notify?.();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      while (!signal.aborted) {
        const event = queue.shift();
        if (event) {
          yield event as PollEvent<T>;
          if ('error' in event) return;
          continue;
        }
        await new Promise<void>((resolve) => {
          notify = resolve;
        });
        notify = null;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      current.subscribers.delete(subscriber);
      if (current.subscribers.size === 0) current.wake.abort();
    }
  }

  return { watch, polls: () => polls.size };
}
