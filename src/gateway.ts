import { setMaxListeners } from 'node:events';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import type { Tracer } from '@opentelemetry/api';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Dispatcher } from 'undici';
import type { Config } from './config.ts';
import { createBudgetedApi, createUnauthenticatedApi } from './loaders/guarded-api.ts';
import { createLoaders } from './loaders/index.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { createGatewayMetrics } from './observability/metrics.ts';
import { createOtlpTracing } from './observability/tracing.ts';
import { observeThrottle } from './observability/upstream-call-observer.ts';
import { createYogaLogger } from './observability/yoga-logger.ts';
import { useCompiledExecution } from './plugins/use-compiled-execution.ts';
import { createCorsAllowlist, useCorsAllowlist } from './plugins/use-cors-allowlist.ts';
import { useCsrfPrevention } from './plugins/use-csrf-prevention.ts';
import { useCsvExports } from './plugins/use-csv-exports.ts';
import { useDeferFallback } from './plugins/use-defer-fallback.ts';
import { useDocumentCache } from './plugins/use-document-cache.ts';
import { useDocumentLimits } from './plugins/use-document-limits.ts';
import { useGraphiQL } from './plugins/use-graphiql.ts';
import { useHealth } from './plugins/use-health.ts';
import { useIntrospectionSwitch } from './plugins/use-introspection-switch.ts';
import { useLanding } from './plugins/use-landing.ts';
import { useMetricsEndpoint } from './plugins/use-metrics-endpoint.ts';
import { useNotFound } from './plugins/use-not-found.ts';
import { useObservability } from './plugins/use-observability.ts';
import { useQueryLimits } from './plugins/use-query-limits.ts';
import { maskGatewayError, useReadableErrors } from './plugins/use-readable-errors.ts';
import { useReadiness } from './plugins/use-readiness.ts';
import { useRequestDeadline } from './plugins/use-request-deadline.ts';
import { useRequestGuard } from './plugins/use-request-guard.ts';
import { createSandboxAs, type SandboxAsOptions } from './plugins/use-sandbox-as.ts';
import { readManifest, useTrustedDocuments } from './plugins/use-trusted-documents.ts';
import { useUpstreamCost } from './plugins/use-upstream-cost.ts';
import type { CallerInfo, GatewayContext } from './schema/context.ts';
import { createExampleTabs, type ExampleContext } from './schema/example-operations.ts';
import { schema } from './schema/index.ts';
import { createSharedPoller } from './schema/live/shared-poller.ts';
import { createSubscriptionLimits } from './schema/live/subscription-limits.ts';
import { createSharedState } from './shared-state.ts';
import type { UpstreamApi } from './upstream/api.ts';
import { createClientCredentialsTokenProvider, type TokenProvider } from './upstream/auth.ts';
import { createUpstreamApi } from './upstream/create-upstream-api.ts';
import { type CallMeter, meterThrottle } from './upstream/metered-throttle.ts';
import { createReadinessProbe } from './upstream/readiness-probe.ts';
import { decodeTokenClaims } from './upstream/token-claims.ts';
import { createUpstreamDispatcher } from './upstream/transport.ts';

export interface GatewayDeps {
  /** The upstream root; overrides `config.upstream.baseUrl` (main passes the in-process sandbox's). */
  baseUrl?: string;
  /** The service account; overrides `config.serviceAccount` (main passes the sandbox admin client). */
  serviceAccount?: { clientId: string; clientSecret: string } | null;
  /** The transport; built from the config when absent (and then closed with the gateway). */
  dispatcher?: Dispatcher;
  /** Where log lines go (tests pass one writing to a stream they read). @default pino on stdout, per `LOG_LEVEL`/`LOG_FORMAT` */
  logger?: Logger;
  /** Makes the spans instead of the OTLP exporter `OTEL_EXPORTER_OTLP_ENDPOINT` sets up (e.g. a host app's tracer). */
  tracer?: Tracer;
  /** Extra Yoga plugins (routes such as CSV exports). */
  plugins?: Plugin<GatewayContext>[];
  /** True once shutdown has begun: `/ready` answers 503 from then on. @default () => false */
  isShuttingDown?: () => boolean;
  /** The sandbox's demo clients, for `x-sandbox-as` (sandbox mode only). @default null: the header is refused */
  sandboxClients?: Pick<SandboxAsOptions, 'tokenBaseUrl' | 'clients'> | null;
  /** Real ids for GraphiQL's example tabs, and who the approver tabs act as. @default {} (ids left to paste) */
  examples?: ExampleContext;
}

export type Gateway = YogaServerInstance<Record<string, never>, GatewayContext>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const ANONYMOUS: CallerInfo = { kind: 'anonymous', claims: async () => decodeTokenClaims('') };

/** The Yoga instance: per-request auth, API client and loaders; limits; error mapping; GraphiQL. */
export function createGateway(config: Config, deps: GatewayDeps = {}): Gateway {
  const baseUrl = deps.baseUrl ?? config.upstream.baseUrl;
  if (!baseUrl) throw new Error('createGateway needs an upstream base URL (config or deps.baseUrl)');
  const ownsDispatcher = !deps.dispatcher;
  const dispatcher =
    deps.dispatcher ??
    createUpstreamDispatcher({
      connections: config.upstream.connections,
      connectTimeoutMs: config.upstream.connectTimeoutMs,
      headersTimeoutMs: config.upstream.timeoutMs,
      bodyTimeoutMs: config.upstream.timeoutMs,
      retry: {
        maxAttempts: config.upstream.maxAttempts,
        maxRetryAfterMs: config.upstream.maxRetryAfterMs,
        maxTotalWaitMs: config.upstream.maxRetryWaitMs,
        minDelayMs: config.upstream.retryMinDelayMs,
        maxDelayMs: config.upstream.retryMaxDelayMs,
        onRateLimited: (token, retryAfterMs) => throttle.coolDown(token, retryAfterMs),
      },
    });
  const logger = deps.logger ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const metrics = config.metrics ? createGatewayMetrics() : null;
  // One for the gateway (shared with the other replicas through Redis when configured): all tokens
  // of one client (the service account's among them) share its rate limit.
  const shared = createSharedState(config, logger, metrics);
  const throttle = shared.throttle;
  const { endpoint, serviceName } = config.tracing;
  const tracing = !deps.tracer && endpoint ? createOtlpTracing({ endpoint, serviceName }) : null;
  const observability = useObservability({
    log: logger,
    metrics,
    tracer: deps.tracer ?? tracing?.tracer ?? null,
  });
  const serviceAccount = deps.serviceAccount === undefined ? config.serviceAccount : deps.serviceAccount;
  const accountTokens: TokenProvider | null = serviceAccount
    ? createClientCredentialsTokenProvider({
        baseUrl,
        clientId: serviceAccount.clientId,
        clientSecret: serviceAccount.clientSecret,
        dispatcher,
        refreshMarginSeconds: config.upstream.tokenRefreshMarginSeconds,
      })
    : null;
  // `/ready` checks the service account even where callers may not use it.
  const serviceTokens = config.allowServiceAccount ? accountTokens : null;

  const sandboxAs = createSandboxAs(
    deps.sandboxClients
      ? {
          ...deps.sandboxClients,
          dispatcher,
          refreshMarginSeconds: config.upstream.tokenRefreshMarginSeconds,
        }
      : null,
  );
  const deadline = useRequestDeadline({
    timeoutMs: config.limits.requestTimeoutMs,
    subscriptionTimeoutMs: config.subscriptions.maxDurationMs,
  });
  const poller = createSharedPoller({
    intervalMs: config.subscriptions.pollIntervalMs,
    maxIntervalMs: config.subscriptions.maxPollIntervalMs,
  });
  const subscriptionLimits = createSubscriptionLimits(config.subscriptions);

  const apiFor = (
    request: Request,
    signal: AbortSignal,
    meter: CallMeter = { calls: 0, throttledMs: 0, token: null },
    cached = true,
  ): { api: UpstreamApi; caller: CallerInfo; token: () => Promise<string | null> } => {
    // One GraphQL request fans out to many upstream calls, each listening for its abort.
    setMaxListeners(0, request.signal);
    setMaxListeners(0, signal);
    const observation = observability.observationOf(request);
    const common = {
      baseUrl,
      apiVersion: config.upstream.apiVersion,
      dispatcher,
      signal,
      observer: observation?.upstream,
      throttle: meterThrottle(
        observation ? observeThrottle(throttle, observation.log, metrics) : throttle,
        meter,
      ),
      cache: cached ? (shared.cache ?? undefined) : undefined,
    };
    const none = async () => null;
    const demoClient = sandboxAs.tokensFor(request);
    if (demoClient) {
      const getToken = () => demoClient.getToken();
      return {
        api: createUpstreamApi({ ...common, getToken, onTokenRejected: () => demoClient.invalidate() }),
        caller: { kind: 'bearer', claims: async () => decodeTokenClaims(await getToken()) },
        token: getToken,
      };
    }
    const header = request.headers.get('authorization');
    if (header !== null) {
      const token = BEARER.exec(header)?.[1];
      if (!token) {
        return {
          api: createUnauthenticatedApi('The Authorization header must be "Bearer <token>".'),
          caller: ANONYMOUS,
          token: none,
        };
      }
      return {
        api: createUpstreamApi({ ...common, getToken: async () => token }),
        caller: { kind: 'bearer', claims: async () => decodeTokenClaims(token) },
        token: async () => token,
      };
    }
    if (serviceTokens) {
      const api = createUpstreamApi({
        ...common,
        getToken: () => serviceTokens.getToken(),
        onTokenRejected: () => serviceTokens.invalidate(),
      });
      const claims = async () => decodeTokenClaims(await serviceTokens.getToken());
      return { api, caller: { kind: 'service', claims }, token: () => serviceTokens.getToken() };
    }
    return {
      api: createUnauthenticatedApi(
        accountTokens
          ? 'Send "Authorization: Bearer <token>": requests without one may not use the service account (GATEWAY_ALLOW_SERVICE_ACCOUNT=false).'
          : 'Send "Authorization: Bearer <token>": this gateway has no service account to use.',
      ),
      caller: ANONYMOUS,
      token: none,
    };
  };

  // The API client of one request, budgeted: /graphql's context and the export routes use the same.
  const requestApi = (request: Request) =>
    createBudgetedApi(apiFor(request, request.signal).api, config.limits.maxUpstreamCalls);

  const disposeTransport: Plugin<GatewayContext> = {
    onDispose: async () => {
      if (ownsDispatcher) await dispatcher.close();
      await tracing?.shutdown();
      await shared.close();
    },
  };

  return createYoga<Record<string, never>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    cors: createCorsAllowlist(config.corsOrigins),
    // Yoga's own check answers every URL that ends in its path; no request URL ends in a NUL, so it is off (see useHealth).
    healthCheckEndpoint: '\u0000',
    context: (initial) => {
      const { request } = initial;
      const signal = deadline.signalFor(request);
      const meter: CallMeter = { calls: 0, throttledMs: 0, token: null };
      const { api, caller, token } = apiFor(request, signal, meter);
      const budgeted = createBudgetedApi(api, config.limits.maxUpstreamCalls, signal);
      const live = {
        poller,
        limits: subscriptionLimits,
        api: () => apiFor(request, signal, meter, false).api,
        signal,
        connection: (initial as { req?: { socket?: object } }).req?.socket ?? null,
      };
      const abandon = () => deadline.abandon(request);
      return {
        api: budgeted,
        loaders: createLoaders(budgeted),
        caller,
        meter,
        throttleToken: token,
        live,
        abandon,
      };
    },
    maskedErrors: { maskError: maskGatewayError },
    // useRequestGuard bounds every body it hands to a parser, as it streams in. Yoga's own bound
    // would pipe each body through one more stream, a tenth of a small request's CPU, for nothing.
    maxRequestBodySize: false,
    // useDocumentCache keeps only valid documents, bounded by bytes as well as count.
    parserAndValidationCache: false,
    // useGraphiQL serves it: bundled files (no CDN), compressed and cached.
    graphiql: false,
    logging: createYogaLogger(logger),
    plugins: [
      observability,
      ...(metrics ? [useMetricsEndpoint({ registry: metrics.registry })] : []),
      ...(config.graphiql
        ? [useGraphiQL({ title: 'Non-employee lifecycle', tabs: createExampleTabs(deps.examples) })]
        : []),
      useCsrfPrevention(),
      useDeferStream(),
      useCompiledExecution(),
      useDeferFallback(),
      sandboxAs.plugin,
      useCorsAllowlist(config.corsOrigins),
      deadline,
      useRequestGuard({
        maxBodyBytes: config.limits.maxBodyBytes,
        maxUploadBytes: config.limits.maxUploadBytes,
      }),
      useDocumentLimits({
        maxDocumentBytes: config.limits.maxDocumentBytes,
        maxValueDepth: config.limits.maxValueDepth,
      }),
      useDocumentCache({
        maxEntries: config.limits.documentCacheSize,
        maxBytes: config.limits.documentCacheBytes,
      }),
      ...(config.persistedDocuments
        ? [
            useTrustedDocuments({
              documents: readManifest(config.persistedDocuments),
              only: config.persistedDocumentsOnly,
            }),
          ]
        : []),
      useQueryLimits({ limits: config.limits, fieldSuggestions: config.introspection }),
      useUpstreamCost({
        throttle,
        maxCalls: config.limits.maxUpstreamCalls,
        maxWaitMs: config.upstream.maxRetryAfterMs,
        windowMs: config.upstream.rateLimitWindowMs,
        extension: config.costExtension,
      }),
      useIntrospectionSwitch(config.introspection),
      useHealth(),
      useLanding(),
      useReadiness({
        probe: createReadinessProbe({
          baseUrl,
          apiVersion: config.upstream.apiVersion,
          dispatcher,
          tokens: accountTokens,
        }),
        isShuttingDown: deps.isShuttingDown,
        details: () => (shared.state() === 'off' ? {} : { sharedStore: shared.state() }),
      }),
      useNotFound('/graphql'),
      useReadableErrors({
        log: (line, request) => ((request && observability.observationOf(request)?.log) || logger).warn(line),
      }),
      useCsvExports({ apiFor: requestApi }),
      disposeTransport,
      ...(deps.plugins ?? []),
    ],
  });
}
