/**
 * What the gateway knows about one HTTP request while it runs: its id, its logger (every line
 * carries the id), its span, its upstream calls; and, at the end, its log line and metrics.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Context, type Span, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import type { UpstreamCallObserver } from '../upstream/call-observer.ts';
import type { Logger } from './logger.ts';
import { type GatewayMetrics, type GraphQLOutcome, safeOperationName } from './metrics.ts';
import { readRequestId } from './request-id.ts';
import { extractTraceContext } from './tracing.ts';
import { createUpstreamCallObserver } from './upstream-call-observer.ts';

export interface RequestObservation {
  id: string;
  log: Logger;
  upstream: UpstreamCallObserver;
  upstreamCalls: number;
  /** Set once the request turned out to be a GraphQL request. */
  graphql: { operationName: string | null; operationType: string | null; result?: unknown } | null;
  finish(status: number): void;
}

export interface ObservationDeps {
  log: Logger;
  metrics: GatewayMetrics | null;
  tracer: Tracer | null;
}

const scope = new AsyncLocalStorage<RequestObservation>();

/**
 * Runs `work` with `observation` as the current request's, for the lines Yoga writes at `trace`
 * (its logger is never told the request). Only for a logger at `trace`: before Node 24 an
 * AsyncLocalStorage puts a hook on every promise, a tenth of a small request's CPU.
 */
export const runObserved = <T>(observation: RequestObservation, work: () => T): T =>
  scope.run(observation, work);

/** The logger of the request being served, or `fallback` outside one (or below `trace`). */
export const currentLogger = (fallback: Logger): Logger => scope.getStore()?.log ?? fallback;

/** Errors of an execution result, by the logger of the request that met them. */
const owners = new WeakMap<object, Logger>();

/** Marks the errors of one result as its request's, so the line Yoga writes for each carries the request id. */
export const claimErrors = (errors: readonly object[] | undefined, log: Logger): void => {
  for (const error of errors ?? []) owners.set(error, log);
};

/** The logger of the request whose result holds `error`, if one claimed it. */
export const ownerOf = (error: object): Logger | undefined => owners.get(error);

/** Paths that are not worth a span: probes and scrapes. */
const UNTRACED = new Set(['/metrics', '/health', '/ready']);

type ResultLike = { data?: unknown; errors?: readonly { extensions?: Record<string, unknown> }[] };

const summarize = (result: unknown, status: number): { outcome: GraphQLOutcome; codes: unknown[] } => {
  const results = (Array.isArray(result) ? result : result ? [result] : []) as ResultLike[];
  if (results.length === 0) return { outcome: status < 400 ? 'success' : 'error', codes: [] };
  const errors = results.flatMap((one) => one.errors ?? []);
  const codes = errors.map((error) => error.extensions?.code);
  if (errors.length === 0) return { outcome: 'success', codes };
  const data = results.some((one) => one.data !== null && one.data !== undefined);
  return { outcome: data ? 'partial' : 'error', codes };
};

export function createRequestObservation(request: Request, deps: ObservationDeps): RequestObservation {
  const started = performance.now();
  const id = readRequestId(request.headers);
  const log = deps.log.child({ reqId: id });
  const url = new URL(request.url);
  const callerContext = extractTraceContext(request.headers);
  const span: Span | undefined = UNTRACED.has(url.pathname)
    ? undefined
    : deps.tracer?.startSpan(
        `HTTP ${request.method}`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } },
        callerContext,
      );
  const context: Context = span ? trace.setSpan(callerContext, span) : callerContext;

  const observation: RequestObservation = {
    id,
    log,
    upstreamCalls: 0,
    graphql: null,
    upstream: createUpstreamCallObserver({
      log,
      metrics: deps.metrics,
      tracer: deps.tracer,
      parent: () => context,
      onCall: () => {
        observation.upstreamCalls += 1;
      },
    }),
    finish(status) {
      const seconds = (performance.now() - started) / 1000;
      const durationMs = Math.round(seconds * 1000);
      const upstreamCalls = observation.upstreamCalls;
      const graphql = observation.graphql;
      if (!graphql) {
        log.debug(
          { method: request.method, path: url.pathname, status, durationMs, upstreamCalls },
          'request',
        );
        span?.setAttribute('http.response.status_code', status);
        span?.end();
        return;
      }
      const { outcome, codes } = summarize(graphql.result, status);
      const operation = safeOperationName(graphql.operationName);
      deps.metrics?.graphqlRequest({
        operation: deps.metrics.operationLabel(operation),
        outcome,
        seconds,
        upstreamCalls,
        errorCodes: codes,
      });
      const errorCodes = [...new Set(codes.map((code) => (typeof code === 'string' ? code : 'NONE')))];
      log.info(
        {
          operation: operation,
          operationType: graphql.operationType,
          outcome,
          status,
          durationMs,
          upstreamCalls,
          ...(errorCodes.length > 0 ? { errorCodes } : {}),
        },
        'graphql request',
      );
      if (!span) return;
      span.updateName(`${graphql.operationType ?? 'graphql'} ${operation}`);
      span.setAttributes({
        'graphql.operation.name': operation,
        'graphql.operation.type': graphql.operationType ?? 'unknown',
        'http.response.status_code': status,
        'gateway.upstream.calls': upstreamCalls,
      });
      if (outcome !== 'success') span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
  return observation;
}
