/**
 * When and how long to wait before retrying an upstream call. Reads only (GET/HEAD): a write
 * that failed may still have happened upstream, so it is never repeated behind the caller's back.
 * Plugged into undici's retry interceptor as its `retry` callback (see transport.ts).
 */
import type { Dispatcher, RetryHandler } from 'undici';
import { defaultOf, SETTINGS } from '../config-settings.ts';
import { parseRetryAfterMs } from './retry-after.ts';

export interface UpstreamRetryOptions {
  /** Attempts in all, the first one included. @default as `UPSTREAM_MAX_ATTEMPTS` */
  maxAttempts?: number;
  /** Backoff before the first retry (doubled each time, with jitter). @default as `UPSTREAM_RETRY_MIN_DELAY_MS` */
  minDelayMs?: number;
  /** Largest backoff between two attempts (not applied to `Retry-After`). @default as `UPSTREAM_RETRY_MAX_DELAY_MS` */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured; a longer one fails at once as RATE_LIMITED. @default as `UPSTREAM_MAX_RETRY_AFTER_MS` */
  maxRetryAfterMs?: number;
  /** Total time one call may spend waiting between attempts. @default as `UPSTREAM_MAX_RETRY_WAIT_MS` */
  maxTotalWaitMs?: number;
  /** Answers worth retrying a read on. @default [429, 502, 503, 504] */
  statusCodes?: readonly number[];
  /** Source of jitter in [0, 1). @default Math.random */
  random?: () => number;
  /**
   * Told of every 429 with a `Retry-After`, with the bearer token of the call, so the throttle
   * can hold the other calls of that client too. @default undefined
   */
  onRateLimited?: (token: string, retryAfterMs: number) => void;
}

/** The bearer token in a call's dispatch headers (an object or a flat name/value array). */
const bearerOf = (headers: unknown): string | undefined => {
  let value: unknown;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === 'authorization') value = headers[i + 1];
    }
  } else if (headers && typeof headers === 'object') {
    for (const [name, v] of Object.entries(headers)) if (name.toLowerCase() === 'authorization') value = v;
  }
  return typeof value === 'string' ? /^Bearer\s+(\S+)$/i.exec(value)?.[1] : undefined;
};

export const RETRY_METHODS: readonly string[] = ['GET', 'HEAD'];
export const RETRY_STATUS_CODES: readonly number[] = [429, 502, 503, 504];
/** Resets and closed sockets; timeouts are not retried, as a slow upstream needs less load, not more. */
export const RETRY_ERROR_CODES: readonly string[] = [
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
];

export const DEFAULT_RETRY_OPTIONS: Required<Omit<UpstreamRetryOptions, 'random' | 'onRateLimited'>> = {
  statusCodes: RETRY_STATUS_CODES,
  maxAttempts: defaultOf(SETTINGS.upstream.maxAttempts),
  minDelayMs: defaultOf(SETTINGS.upstream.retryMinDelayMs),
  maxDelayMs: defaultOf(SETTINGS.upstream.retryMaxDelayMs),
  maxRetryAfterMs: defaultOf(SETTINGS.upstream.maxRetryAfterMs),
  maxTotalWaitMs: defaultOf(SETTINGS.upstream.maxRetryWaitMs),
};

export interface RetryCandidate {
  method: string;
  /** Set when an answer came back. */
  statusCode?: number | null;
  /** Set when the call failed without an answer. */
  errorCode?: string | null;
  retryAfter?: string | string[] | null;
  /** Attempts made so far (1 after the first). */
  attempt: number;
  /** Time already spent waiting between attempts of this call. */
  waitedMs: number;
  now?: number;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

export const decideRetry = (candidate: RetryCandidate, options: UpstreamRetryOptions = {}): RetryDecision => {
  const o = { ...DEFAULT_RETRY_OPTIONS, ...options };
  const random = options.random ?? Math.random;
  if (!RETRY_METHODS.includes(candidate.method.toUpperCase())) return { retry: false, reason: 'not a read' };
  const { statusCode, errorCode } = candidate;
  if (statusCode != null) {
    if (!o.statusCodes.includes(statusCode)) return { retry: false, reason: `status ${statusCode}` };
  } else if (errorCode == null || !RETRY_ERROR_CODES.includes(errorCode)) {
    return { retry: false, reason: `error ${errorCode ?? 'unknown'}` };
  }
  if (candidate.attempt >= o.maxAttempts) return { retry: false, reason: 'attempts exhausted' };

  const retryAfterMs = statusCode === 429 ? parseRetryAfterMs(candidate.retryAfter, candidate.now) : null;
  let delayMs: number;
  if (retryAfterMs != null) {
    if (retryAfterMs > o.maxRetryAfterMs) return { retry: false, reason: 'Retry-After beyond the cap' };
    // Never earlier than asked; a little later, so that callers told the same time don't all return at once.
    delayMs = retryAfterMs + Math.round(random() * Math.min(1000, retryAfterMs * 0.1 + 50));
  } else {
    const base = Math.min(o.maxDelayMs, o.minDelayMs * 2 ** (candidate.attempt - 1));
    delayMs = Math.round(base / 2 + (random() * base) / 2);
  }
  if (candidate.waitedMs + delayMs > o.maxTotalWaitMs) return { retry: false, reason: 'wait budget spent' };
  return { retry: true, delayMs };
};

type HeaderValue = string | string[] | undefined;
type AbortSignalLike = {
  aborted?: boolean;
  addEventListener?: AbortSignal['addEventListener'];
  removeEventListener?: AbortSignal['removeEventListener'];
};

/**
 * The `retry` callback for undici's retry interceptor. Time waited is kept per call, keyed by
 * the call's own retry-options object, which undici keeps for the life of one request.
 */
export const createRetryCallback = (options: UpstreamRetryOptions = {}): RetryHandler.RetryCallback => {
  const waited = new WeakMap<object, number>();
  return (err, { state, opts }, callback) => {
    const failure = err as Error & {
      statusCode?: number;
      code?: string;
      headers?: Record<string, HeaderValue>;
    };
    const key = opts.retryOptions ?? opts;
    const waitedMs = waited.get(key) ?? 0;
    if (options.onRateLimited && failure.code === 'UND_ERR_REQ_RETRY' && failure.statusCode === 429) {
      const retryAfterMs = parseRetryAfterMs(failure.headers?.['retry-after']);
      const token = bearerOf((opts as Dispatcher.DispatchOptions).headers);
      if (retryAfterMs && token) options.onRateLimited(token, retryAfterMs);
    }
    const decision = decideRetry(
      {
        method: String((opts as Dispatcher.DispatchOptions).method),
        statusCode: failure.code === 'UND_ERR_REQ_RETRY' ? (failure.statusCode ?? null) : null,
        errorCode: failure.code === 'UND_ERR_REQ_RETRY' ? null : (failure.code ?? null),
        retryAfter: failure.headers?.['retry-after'],
        attempt: state.counter,
        waitedMs,
      },
      options,
    );
    const signal = (opts as { signal?: AbortSignalLike }).signal;
    if (!decision.retry || signal?.aborted) {
      callback(err);
      return;
    }
    waited.set(key, waitedMs + decision.delayMs);
    let settled = false;
    const settle = (result: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener?.('abort', onAbort);
      callback(result);
    };
    // A caller that gives up while we wait must not be kept waiting for the timer.
    const onAbort = () => settle(err);
    const timer = setTimeout(() => settle(null), decision.delayMs);
    signal?.addEventListener?.('abort', onAbort, { once: true });
  };
};
