import type { DocumentNode, ExecutionArgs, ExecutionResult } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { startPlannedCalls } from '../loaders/call-plan.ts';
import type { GatewayContext } from '../schema/context.ts';
import { type CostEstimate, estimateCost } from '../schema/cost/estimate.ts';
import type { CallThrottle, ThrottleWindow } from '../upstream/call-throttle.ts';

export interface UpstreamCostOptions {
  /** The gateway's throttle, read (never drawn on) for the caller's window. */
  throttle: CallThrottle;
  /** Estimates above this are refused before any call (`GRAPHQL_MAX_UPSTREAM_CALLS`). */
  maxCalls: number;
  /** Longest wait for the window a query may be admitted to (`UPSTREAM_MAX_RETRY_AFTER_MS`). */
  maxWaitMs: number;
  /** The throttle's window, to tell how many windows a large estimate spans. */
  windowMs: number;
  /** Whether every response carries `extensions.cost` (`COST_EXTENSION`). @default true */
  extension?: boolean;
}

/** The `extensions.cost` of a response. */
export interface CostReport {
  estimatedCalls: number;
  actualCalls: number;
  throttledMs: number;
  window: ThrottleWindow | null;
  bounds?: string[];
}

const COST_ONLY = 'x-cost-only';
const ESTIMATES_PER_DOCUMENT = 16;
const MAX_ESTIMATE_KEY = 1024;

/**
 * Knows an operation's upstream calls before its first one: refuses what exceeds the budget,
 * answers RATE_LIMITED at once what cannot fit the caller's window in time, answers a dry run
 * (`x-cost-only: true`) with the estimate, and reports estimate and spending on every response.
 */
export function useUpstreamCost(options: UpstreamCostOptions): Plugin<GatewayContext> {
  const { throttle, maxCalls, maxWaitMs, windowMs } = options;
  const extension = options.extension ?? true;
  // The document cache hands the same DocumentNode to every request of one query: its estimate
  // (a pure function of document, operation and variables) is walked once, for a few variables each.
  const estimates = new WeakMap<DocumentNode, Map<string, CostEstimate>>();
  const estimateOf = (args: ExecutionArgs, rights: ReadonlySet<string> | null): CostEstimate => {
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const shown = rights ? [...rights].sort().join(' ') : '-';
    const key = `${args.operationName ?? ''}\u0000${shown}\u0000${JSON.stringify(variables)}`;
    // Large variables are estimated each time rather than kept.
    if (key.length > MAX_ESTIMATE_KEY)
      return estimateCost(args.schema, args.document, args.operationName, variables, rights);
    let known = estimates.get(args.document);
    if (!known) {
      known = new Map();
      estimates.set(args.document, known);
    }
    let estimate = known.get(key);
    if (!estimate) {
      estimate = estimateCost(args.schema, args.document, args.operationName, variables, rights);
      if (known.size >= ESTIMATES_PER_DOCUMENT) known.delete(known.keys().next().value as string);
      known.set(key, estimate);
    }
    return estimate;
  };

  /** The checks before the first call; null when the operation may run, else its answer. */
  const admit = async (args: CostArgs) => {
    const ctx = args.contextValue;
    const claims = await ctx.caller.claims().catch(() => null);
    const estimate = estimateOf(
      args,
      claims && claims.kind !== 'UNKNOWN' ? new Set(claims.authorities) : null,
    );
    const token = await ctx.throttleToken().catch(() => null);
    const windowNow = () => (token ? throttle.windowOf(token) : Promise.resolve(null));
    const report = async (): Promise<CostReport> => ({
      estimatedCalls: estimate.estimatedCalls,
      actualCalls: ctx.meter.calls,
      throttledMs: ctx.meter.throttledMs,
      window: await windowNow(),
      ...(estimate.bounds.length > 0 ? { bounds: estimate.bounds } : {}),
    });
    const withCost = async (result: ExecutionResult): Promise<ExecutionResult> =>
      extension ? { ...result, extensions: { ...result.extensions, cost: await report() } } : result;

    const request = (ctx as GatewayContext & { request?: Request }).request;
    if (request?.headers.get(COST_ONLY)?.trim().toLowerCase() === 'true') {
      return { answer: { extensions: { cost: await report() } }, withCost };
    }
    if (estimate.estimatedCalls > maxCalls) {
      return { answer: await withCost({ errors: [budgetError(estimate, maxCalls)] }), withCost };
    }
    // The window as every replica sees it (through Redis when shared), read once before execution;
    // an operation that makes no call fits any window and needs no read.
    const wait =
      token && estimate.estimatedCalls > 0
        ? waitFor(await windowNow(), estimate.estimatedCalls, windowMs)
        : 0;
    if (wait > maxWaitMs) {
      return { answer: await withCost({ errors: [rateLimitedError(estimate, wait)] }), withCost };
    }
    return { answer: null, withCost, plan: estimate.plan };
  };

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const { answer, withCost, plan } = await admit(args);
      if (answer) return setResultAndStopExecution(answer);
      // Admitted: the calls whose inputs are known start now, beside the root's.
      if (plan) startPlannedCalls(args.contextValue.loaders, plan);
      if (!extension) return;
      return {
        onExecuteDone({ result, setResult }) {
          // Incremental delivery (@defer, @stream): each payload carries the spending so far.
          if (Symbol.asyncIterator in result) {
            return {
              onNext: async ({ result: part, setResult: setPart }) => setPart(await withCost(part)),
            };
          }
          return withCost(result).then(setResult);
        },
      };
    },
    // A subscription is estimated per event (one poll); each event carries what it has spent so far.
    async onSubscribe({ args, setResultAndStopExecution }) {
      const { answer, withCost } = await admit(args);
      if (answer) return setResultAndStopExecution(answer);
      if (!extension) return;
      return {
        onSubscribeResult: () => ({
          onNext: async ({ result, setResult }) => setResult(await withCost(result)),
        }),
      };
    },
  };
}

type CostArgs = Parameters<NonNullable<Plugin<GatewayContext>['onExecute']>>[0]['args'];

/** How long until `calls` fit in the window: none when they fit now, else until it resets (per window spanned). */
function waitFor(window: ThrottleWindow | null, calls: number, windowMs: number): number {
  if (!window || calls <= window.remaining) return 0;
  const further = Math.max(0, Math.ceil((calls - window.limit) / window.limit));
  return window.resetsInMs + further * windowMs;
}

function budgetError(estimate: CostEstimate, maxCalls: number) {
  return createGraphQLError(
    `This request would make up to ${estimate.estimatedCalls} upstream calls, more than the ${maxCalls} ` +
      'allowed; ask for fewer items or split the query. Nothing was called.',
    {
      extensions: {
        code: 'UPSTREAM_CALL_BUDGET_EXCEEDED',
        estimatedCalls: estimate.estimatedCalls,
        maxCalls,
        bounds: estimate.bounds,
        http: { status: 400, spec: true },
      },
    },
  );
}

function rateLimitedError(estimate: CostEstimate, waitMs: number) {
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
  return createGraphQLError(
    `This request needs ${estimate.estimatedCalls} upstream calls, more than this client's rate-limit window ` +
      `has room for now; try again in ${retryAfter} s. Nothing was called.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfter,
        estimatedCalls: estimate.estimatedCalls,
        http: { status: 429, spec: true, headers: { 'Retry-After': String(retryAfter) } },
      },
    },
  );
}
