/**
 * The HTTP transport to ISC: an undici Agent (keep-alive, bounded connections per origin,
 * connect/headers/body timeouts) behind a line for its connections that an aborted call leaves
 * (connection-gate.ts), composed with undici's retry interceptor, driven by our read-only retry
 * policy. Handed to `createUpstreamApi` and the token provider; never global.
 */
import { Agent, type Dispatcher, interceptors } from 'undici';
import { defaultOf, SETTINGS } from '../config-settings.ts';
import { createAttemptObserverInterceptor } from './attempt-observer.ts';
import { createConnectionGate } from './connection-gate.ts';
import {
  createRetryCallback,
  RETRY_ERROR_CODES,
  RETRY_METHODS,
  RETRY_STATUS_CODES,
  type UpstreamRetryOptions,
} from './retry-policy.ts';

export interface UpstreamDispatcherOptions {
  /** Connections per upstream origin. @default as `UPSTREAM_CONNECTIONS` */
  connections?: number;
  /** TCP + TLS connect timeout. @default as `UPSTREAM_CONNECT_TIMEOUT_MS` */
  connectTimeoutMs?: number;
  /** Time to wait for the answer's headers. @default as `UPSTREAM_TIMEOUT_MS` */
  headersTimeoutMs?: number;
  /** Longest pause between two chunks of a body (exports stream long). @default as `UPSTREAM_TIMEOUT_MS` */
  bodyTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open. @default 10000 */
  keepAliveTimeoutMs?: number;
  /** Retries of reads; `false` for none. @default {} (the policy's defaults) */
  retry?: UpstreamRetryOptions | false;
}

export const DEFAULT_DISPATCHER_OPTIONS = {
  connections: defaultOf(SETTINGS.upstream.connections),
  connectTimeoutMs: defaultOf(SETTINGS.upstream.connectTimeoutMs),
  headersTimeoutMs: defaultOf(SETTINGS.upstream.timeoutMs),
  bodyTimeoutMs: defaultOf(SETTINGS.upstream.timeoutMs),
  keepAliveTimeoutMs: 10_000,
} as const;

export const createUpstreamDispatcher = (options: UpstreamDispatcherOptions = {}): Dispatcher => {
  const o = { ...DEFAULT_DISPATCHER_OPTIONS, ...options };
  const agent = new Agent({
    connections: o.connections,
    connect: { timeout: o.connectTimeoutMs },
    headersTimeout: o.headersTimeoutMs,
    bodyTimeout: o.bodyTimeoutMs,
    keepAliveTimeout: o.keepAliveTimeoutMs,
    keepAliveMaxTimeout: Math.max(o.keepAliveTimeoutMs, 60_000),
  });
  // Innermost, so it sees each attempt the retry interceptor makes. The gate sits outside it: a
  // call waiting there for a connection has made no attempt yet, and leaves when it aborts.
  const observed = agent.compose(createAttemptObserverInterceptor(), createConnectionGate(o.connections));
  if (options.retry === false) return observed;
  return observed.compose(
    interceptors.retry({
      retry: createRetryCallback(options.retry ?? {}),
      // The callback decides; these lists only keep undici's own checks in line with it.
      methods: [...RETRY_METHODS] as Dispatcher.HttpMethod[],
      statusCodes: [...RETRY_STATUS_CODES],
      errorCodes: [...RETRY_ERROR_CODES],
      // Hand the last answer (its body, its Retry-After) to the caller instead of a bare error.
      throwOnError: false,
    }),
  );
};
