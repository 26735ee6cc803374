/**
 * The gateway's Prometheus metrics, in a registry of its own (several gateways in one process,
 * as in tests, never share counters). Labels are bounded: operation names are checked and
 * capped, routes are templates, codes are enum-like; no id, token or filter value is a label.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const WAIT_SECONDS = [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60];
const CALLS = [0, 1, 2, 3, 5, 10, 20, 50, 100, 250];

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** A caller-chosen operation name as it may be logged: `anonymous`, itself when plain, else `other`. */
export const safeOperationName = (name: string | null | undefined): string =>
  !name ? 'anonymous' : OPERATION_NAME.test(name) ? name : 'other';

export type GraphQLOutcome = 'success' | 'partial' | 'error';

export interface GatewayMetricsOptions {
  /** Distinct operation names kept as labels; later ones count as `other`. @default 200 */
  maxOperationNames?: number;
  /** Also export Node's process metrics (CPU, memory, event loop). @default true */
  processMetrics?: boolean;
}

export function createGatewayMetrics(options: GatewayMetricsOptions = {}) {
  const registry = new Registry();
  // The event-loop delay is sampled by a timer that wakes the process: at prom-client's 10 ms an
  // idle gateway spent about 7 ms of CPU a second on it; ten samples a second still show a stall.
  if (options.processMetrics ?? true)
    collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 100 });
  const registers = [registry];
  const maxNames = options.maxOperationNames ?? 200;
  const names = new Set<string>();

  const requests = new Counter({
    name: 'gateway_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (success, partial, error).',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const errors = new Counter({
    name: 'gateway_graphql_errors_total',
    help: 'GraphQL errors in responses, by extensions.code.',
    labelNames: ['code'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'gateway_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to its response.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: SECONDS,
    registers,
  });
  const callsPerRequest = new Histogram({
    name: 'gateway_graphql_request_upstream_calls',
    help: 'Upstream calls made for one GraphQL request (retries not counted).',
    labelNames: ['operation'] as const,
    buckets: CALLS,
    registers,
  });
  const upstreamRequests = new Counter({
    name: 'gateway_upstream_requests_total',
    help: 'HTTP requests sent upstream, each retry included, by method, route template and status (0: no answer).',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Time of one upstream HTTP request until its answer arrived, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers,
  });
  const retries = new Counter({
    name: 'gateway_upstream_retries_total',
    help: 'Upstream requests repeated after a retryable answer or failure, by method and route template.',
    labelNames: ['method', 'route'] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: 'gateway_upstream_rate_limited_total',
    help: 'Upstream answers 429 (Too Many Requests), by method and route template.',
    labelNames: ['method', 'route'] as const,
    registers,
  });
  const throttleWaits = new Histogram({
    name: 'gateway_upstream_throttle_wait_seconds',
    help: "Waits of upstream calls held back by the gateway's own per-token rate limit (_count: waits, _sum: seconds).",
    buckets: WAIT_SECONDS,
    registers,
  });

  /** The label for a caller-chosen operation name. */
  const operationLabel = (name: string | null | undefined): string => {
    const safe = safeOperationName(name);
    if (safe === 'anonymous' || safe === 'other' || names.has(safe)) return safe;
    if (names.size >= maxNames) return 'other';
    names.add(safe);
    return safe;
  };
  const codeLabel = (code: unknown): string =>
    typeof code !== 'string' ? 'NONE' : ERROR_CODE.test(code) ? code : 'OTHER';

  return {
    registry,
    operationLabel,
    graphqlRequest(entry: {
      operation: string;
      outcome: GraphQLOutcome;
      seconds: number;
      upstreamCalls: number;
      errorCodes: readonly unknown[];
    }) {
      requests.inc({ operation: entry.operation, outcome: entry.outcome });
      duration.observe({ operation: entry.operation, outcome: entry.outcome }, entry.seconds);
      callsPerRequest.observe({ operation: entry.operation }, entry.upstreamCalls);
      for (const code of entry.errorCodes) errors.inc({ code: codeLabel(code) });
    },
    upstreamAttempt(entry: {
      method: string;
      route: string;
      status: number;
      seconds: number;
      retry: boolean;
    }) {
      const labels = { method: entry.method, route: entry.route, status: String(entry.status) };
      upstreamRequests.inc(labels);
      upstreamDuration.observe(labels, entry.seconds);
      if (entry.retry) retries.inc({ method: entry.method, route: entry.route });
      if (entry.status === 429) rateLimited.inc({ method: entry.method, route: entry.route });
    },
    throttleWait(seconds: number) {
      throttleWaits.observe(seconds);
    },
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
