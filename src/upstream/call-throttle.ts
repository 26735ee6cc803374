import { setTimeout as sleep } from 'node:timers/promises';
import { raceAbort } from './abortable.ts';
import { UpstreamRateLimitedError } from './errors.ts';
import { throttleKeyOf } from './throttle-key.ts';

/**
 * ISC lets each `client_id` make a fixed number of calls per window (100 per 10 s), shared by all
 * tokens of the client. A call past that comes back 429 and costs a retry, or fails a write
 * outright; the throttle holds it until the window has room instead, in arrival order. When a
 * 429 still comes (the tenant's limit is lower than ours), every call of that client waits out its
 * `Retry-After`. One throttle serves every request of a gateway: it keeps a hash of each client
 * id (or of a token that is not a JWT) and the times of its calls, never a token or any data.
 */
export interface CallThrottle {
  /**
   * Resolves when a call with this token may go, with how long it was held and the function to
   * call once it is answered; rejects RATE_LIMITED past `maxWaitMs`.
   */
  acquire(token: string, signal?: AbortSignal): Promise<ThrottleTicket>;
  /** The upstream answered a call of this token 429: hold every call of its client for `retryAfterMs`. */
  coolDown(token: string, retryAfterMs: number): void;
  /** Read-only: the room this token's client has now, as every replica sees it; null when the throttle is off. */
  windowOf(token: string): Promise<ThrottleWindow | null>;
}

/** A client's window as it stands. */
export interface ThrottleWindow {
  limit: number;
  /** Calls that may go now without waiting. */
  remaining: number;
  /** Until every call now in the window has left it (and any cool-down has passed). */
  resetsInMs: number;
}

/** A call's place in its client's window. */
export interface ThrottleTicket {
  /** How long the call was held for room (0: not at all). */
  waitedMs: number;
  /** Call once the call is answered (or failed): it counts until a window after that. */
  answered(): void;
}

export interface CallThrottleOptions {
  /** Calls per client per window; 0 lets everything through. */
  limit: number;
  windowMs: number;
  /** Longest a call may wait for room; beyond it, RATE_LIMITED. */
  maxWaitMs: number;
  /** Added to the window, for clocks and rounding between us and the upstream. @default 100 */
  marginMs?: number;
  now?: () => number;
}

interface ClientWindow {
  /**
   * One entry per call in the window: when it was answered, or Infinity while in flight. The
   * upstream counts a call when it arrives, some time before its answer and after it left here,
   * so a call counts here until a window after its answer.
   */
  sent: Array<{ at: number }>;
  /** The last call in line: the next one waits behind it. */
  tail: Promise<unknown>;
  waiting: number;
  /** No call goes before this time: the upstream's last `Retry-After`. */
  coolUntil: number;
}

/** Past this many clients, windows with nothing in them are dropped. */
const SWEEP_ABOVE = 256;
const released: ThrottleTicket = { waitedMs: 0, answered: () => {} };

export function createCallThrottle(options: CallThrottleOptions): CallThrottle {
  const { limit, maxWaitMs } = options;
  const windowMs = options.windowMs + (options.marginMs ?? 100);
  const now = options.now ?? Date.now;
  const windows = new Map<string, ClientWindow>();

  const expire = (window: ClientWindow, at: number) => {
    if (window.sent.some((entry) => entry.at <= at - windowMs)) {
      window.sent = window.sent.filter((entry) => entry.at > at - windowMs);
    }
  };

  const sweep = () => {
    if (windows.size <= SWEEP_ABOVE) return;
    const at = now();
    for (const [key, window] of windows) {
      expire(window, at);
      if (window.sent.length === 0 && window.waiting === 0 && window.coolUntil <= at) windows.delete(key);
    }
  };

  const windowOf = (token: string): ClientWindow => {
    const key = throttleKeyOf(token);
    let window = windows.get(key);
    if (!window) {
      sweep();
      window = { sent: [], tail: Promise.resolve(), waiting: 0, coolUntil: 0 };
      windows.set(key, window);
    }
    return window;
  };

  const waitForRoom = async (window: ClientWindow, queuedAt: number, signal?: AbortSignal) => {
    for (let slept = false; ; slept = true) {
      // A request that ended while its call waited in line takes no room in the window.
      signal?.throwIfAborted();
      const at = now();
      expire(window, at);
      const cooling = window.coolUntil - at;
      if (cooling <= 0 && window.sent.length < limit) {
        const entry = { at: Number.POSITIVE_INFINITY };
        window.sent.push(entry);
        return {
          waitedMs: slept ? at - queuedAt : 0,
          answered: () => {
            entry.at = Math.min(entry.at, now());
          },
        };
      }
      const full = window.sent.length >= limit;
      const oldest = full ? Math.min(...window.sent.map((entry) => entry.at)) : at - windowMs;
      // Every call of a full window in flight: room comes a window after the first answer, so
      // look again shortly, knowing it is at least a window away.
      const inFlight = !Number.isFinite(oldest);
      const wait = Math.max(cooling, inFlight ? 50 : oldest + windowMs - at, 1);
      const atLeast = Math.max(at + wait, inFlight ? at + windowMs : 0);
      if (atLeast - queuedAt > maxWaitMs) {
        throw new UpstreamRateLimitedError(
          `More than ${limit} upstream calls per ${options.windowMs} ms for this client; try again later`,
          { status: 429, retryAfterSeconds: Math.ceil((atLeast - at) / 1000) },
        );
      }
      await sleep(wait, undefined, { signal }).catch((error: unknown) => {
        throw signal?.aborted ? signal.reason : error;
      });
    }
  };

  const viewOf = (token: string): ThrottleWindow | null => {
    if (limit <= 0) return null;
    const window = windows.get(throttleKeyOf(token));
    const at = now();
    if (!window) return { limit, remaining: limit, resetsInMs: 0 };
    expire(window, at);
    const cooling = Math.max(0, window.coolUntil - at);
    // A call in flight leaves the window a full window after its answer, still to come.
    const last = Math.max(at - windowMs, ...window.sent.map((entry) => Math.min(entry.at, at)));
    return {
      limit,
      remaining: cooling > 0 ? 0 : Math.max(0, limit - window.sent.length - window.waiting),
      resetsInMs: Math.ceil(Math.max(cooling, last + windowMs - at)),
    };
  };

  return {
    windowOf: async (token) => viewOf(token),
    coolDown(token, retryAfterMs) {
      if (limit <= 0 || !(retryAfterMs > 0)) return;
      const window = windowOf(token);
      window.coolUntil = Math.max(window.coolUntil, now() + retryAfterMs);
    },
    acquire(token, signal) {
      if (limit <= 0) return Promise.resolve(released);
      const current = windowOf(token);
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
