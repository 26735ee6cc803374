import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { raceAbort } from './abortable.ts';
import { UpstreamRateLimitedError } from './errors.ts';

/**
 * ISC lets each access token make a fixed number of calls per window (100 per 10 s). A call past
 * that comes back 429 and costs a retry, or fails a write outright; the throttle holds it until
 * the window has room instead, in arrival order. One throttle serves every request of a gateway:
 * it keeps a hash of each token and the times of its calls, never the token or any data.
 */
export interface CallThrottle {
  /** Resolves, with the milliseconds it held the call (0: none), when a call with this token may go; rejects RATE_LIMITED past `maxWaitMs`. */
  acquire(token: string, signal?: AbortSignal): Promise<number>;
}

export interface CallThrottleOptions {
  /** Calls per token per window; 0 lets everything through. */
  limit: number;
  windowMs: number;
  /** Longest a call may wait for room; beyond it, RATE_LIMITED. */
  maxWaitMs: number;
  /** Added to the window: the upstream counts a call when it arrives, a little after it left. @default 100 */
  marginMs?: number;
  now?: () => number;
}

interface TokenWindow {
  /** Times of the calls still inside the window, oldest first. */
  sent: number[];
  /** The last call in line: the next one waits behind it. */
  tail: Promise<void>;
  waiting: number;
}

/** Past this many tokens, windows with nothing in them are dropped. */
const SWEEP_ABOVE = 256;

export function createCallThrottle(options: CallThrottleOptions): CallThrottle {
  const { limit, maxWaitMs } = options;
  const windowMs = options.windowMs + (options.marginMs ?? 100);
  const now = options.now ?? Date.now;
  const windows = new Map<string, TokenWindow>();

  const expire = (window: TokenWindow, at: number) => {
    while (window.sent.length > 0 && window.sent[0] <= at - windowMs) window.sent.shift();
  };

  const sweep = () => {
    if (windows.size <= SWEEP_ABOVE) return;
    const at = now();
    for (const [key, window] of windows) {
      expire(window, at);
      if (window.sent.length === 0 && window.waiting === 0) windows.delete(key);
    }
  };

  const waitForRoom = async (window: TokenWindow, queuedAt: number, signal?: AbortSignal) => {
    for (let slept = false; ; slept = true) {
      // A request that ended while its call waited in line takes no room in the window.
      signal?.throwIfAborted();
      const at = now();
      expire(window, at);
      if (window.sent.length < limit) {
        window.sent.push(at);
        return slept ? at - queuedAt : 0;
      }
      const wait = window.sent[0] + windowMs - at;
      if (at + wait - queuedAt > maxWaitMs) {
        throw new UpstreamRateLimitedError(
          `More than ${limit} upstream calls per ${options.windowMs} ms with this token; try again later`,
          { status: 429, retryAfterSeconds: Math.ceil(wait / 1000) },
        );
      }
      await sleep(wait, undefined, { signal }).catch((error: unknown) => {
        throw signal?.aborted ? signal.reason : error;
      });
    }
  };

  return {
    acquire(token, signal) {
      if (limit <= 0) return Promise.resolve(0);
      const key = createHash('sha256').update(token).digest('base64url');
      let window = windows.get(key);
      if (!window) {
        sweep();
        window = { sent: [], tail: Promise.resolve(), waiting: 0 };
        windows.set(key, window);
      }
      const current = window;
      const queuedAt = now();
      current.waiting += 1;
      const turn = raceAbort(current.tail, signal).then(() => waitForRoom(current, queuedAt, signal));
      const settled = turn.finally(() => {
        current.waiting -= 1;
      });
      current.tail = settled.then(
        () => undefined,
        () => undefined,
      );
      return settled;
    },
  };
}
