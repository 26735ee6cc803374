/**
 * The upstream side of one request's observation: a debug line per call, a warn line per 429
 * and per retry, the attempt metrics, a client span per call, and the trace context sent along.
 */
import { type Context, type Span, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import type { UpstreamAttempt } from '../upstream/attempt-observer.ts';
import type { UpstreamCallObservation, UpstreamCallObserver } from '../upstream/call-observer.ts';
import type { CallThrottle } from '../upstream/call-throttle.ts';
import type { Logger } from './logger.ts';
import type { GatewayMetrics } from './metrics.ts';
import { traceHeaders } from './tracing.ts';

export interface UpstreamCallObserverOptions {
  log: Logger;
  metrics: GatewayMetrics | null;
  tracer: Tracer | null;
  /** The parent of the call spans: the operation span, or the caller's context when not tracing. */
  parent: () => Context;
  /** Counts the calls of the request. */
  onCall: () => void;
}

export function createUpstreamCallObserver(options: UpstreamCallObserverOptions): UpstreamCallObserver {
  const { log, metrics, tracer } = options;
  return {
    start({ method, route }): UpstreamCallObservation {
      options.onCall();
      const parent = options.parent();
      const span: Span | undefined = tracer?.startSpan(
        `${method} ${route}`,
        { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'url.template': route } },
        parent,
      );
      const started = performance.now();
      let attempts = 0;
      const onAttempt = (attempt: UpstreamAttempt) => {
        attempts += 1;
        const retry = attempts > 1;
        metrics?.upstreamAttempt({
          method,
          route,
          status: attempt.status,
          seconds: attempt.durationMs / 1000,
          retry,
        });
        const fields = { method, route, status: attempt.status, attempt: attempts };
        if (attempt.status === 429) {
          log.warn({ ...fields, retryAfter: attempt.retryAfter }, 'upstream rate limited (429)');
        }
        if (retry) log.warn(fields, 'upstream call retried');
        if (attempt.status === 0)
          log.debug({ ...fields, error: attempt.errorCode }, 'upstream attempt failed');
      };
      return {
        headers: traceHeaders(span ? trace.setSpan(parent, span) : parent),
        onAttempt,
        end(status) {
          const durationMs = performance.now() - started;
          // A transport without the attempt interceptor still counts the call once.
          if (attempts === 0) onAttempt({ status, errorCode: null, retryAfter: null, durationMs });
          log.debug({ method, route, status, attempts, durationMs: Math.round(durationMs) }, 'upstream call');
          if (!span) return;
          span.setAttributes({
            'http.response.status_code': status,
            'gateway.upstream.retries': attempts - 1,
          });
          if (status === 0 || status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
      };
    },
  };
}

/** The gateway's throttle, with each wait it imposes counted and logged for this request. */
export function observeThrottle(throttle: CallThrottle, log: Logger, metrics: GatewayMetrics | null) {
  return {
    async acquire(token: string, signal?: AbortSignal) {
      const ticket = await throttle.acquire(token, signal);
      const { waitedMs } = ticket;
      if (waitedMs > 0) {
        metrics?.throttleWait(waitedMs / 1000);
        log.debug({ waitedMs }, 'upstream call held by the rate limit');
      }
      return ticket;
    },
    coolDown: (token: string, retryAfterMs: number) => throttle.coolDown(token, retryAfterMs),
    windowOf: (token: string) => throttle.windowOf(token),
  } satisfies CallThrottle;
}
