import { setMaxListeners } from 'node:events';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Dispatcher } from 'undici';
import type { Config } from './config.ts';
import { useCsvExports } from './exports/csv-export-route.ts';
import { createBudgetedApi, createUnauthenticatedApi } from './loaders/guarded-api.ts';
import { createLoaders } from './loaders/index.ts';
import type { CallerInfo, GatewayContext } from './schema/context.ts';
import { maskGatewayError } from './schema/error-masking.ts';
import { EXAMPLE_TABS } from './schema/example-operations.ts';
import { schema } from './schema/index.ts';
import { useReadableErrors } from './schema/use-readable-errors.ts';
import type { UpstreamApi } from './upstream/api.ts';
import { createClientCredentialsTokenProvider, type TokenProvider } from './upstream/auth.ts';
import { createCallThrottle } from './upstream/call-throttle.ts';
import { createUpstreamApi } from './upstream/create-upstream-api.ts';
import type { UpstreamCallLog } from './upstream/http-client.ts';
import { createUpstreamDispatcher } from './upstream/transport.ts';

export interface GatewayDeps {
  /** The upstream root; overrides `config.upstream.baseUrl` (main passes the in-process sandbox's). */
  baseUrl?: string;
  /** The service account; overrides `config.serviceAccount` (main passes the sandbox admin client). */
  serviceAccount?: { clientId: string; clientSecret: string } | null;
  /** The transport; built from the config when absent (and then closed with the gateway). */
  dispatcher?: Dispatcher;
  /** Where debug lines go. @default console.log */
  log?: (line: string) => void;
  /** Extra Yoga plugins (routes such as CSV exports). */
  plugins?: Plugin<GatewayContext>[];
}

export type Gateway = YogaServerInstance<Record<string, never>, GatewayContext>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The Yoga instance: per-request auth, API client and loaders; limits; error mapping; GraphiQL. */
export function createGateway(config: Config, deps: GatewayDeps = {}): Gateway {
  const baseUrl = deps.baseUrl ?? config.upstream.baseUrl;
  if (!baseUrl) throw new Error('createGateway needs an upstream base URL (config or deps.baseUrl)');
  // One for the gateway: all tokens of one client (the service account's among them) share its rate limit.
  const throttle = createCallThrottle({
    limit: config.upstream.rateLimit,
    windowMs: config.upstream.rateLimitWindowMs,
    maxWaitMs: config.upstream.maxRetryAfterMs,
  });
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
  const log = deps.log ?? ((line: string) => console.log(line));
  const serviceAccount = deps.serviceAccount === undefined ? config.serviceAccount : deps.serviceAccount;
  const serviceTokens: TokenProvider | null =
    serviceAccount && config.allowServiceAccount
      ? createClientCredentialsTokenProvider({
          baseUrl,
          clientId: serviceAccount.clientId,
          clientSecret: serviceAccount.clientSecret,
          dispatcher,
          refreshMarginSeconds: config.upstream.tokenRefreshMarginSeconds,
        })
      : null;
  const onCall =
    config.logLevel === 'debug'
      ? (entry: UpstreamCallLog) =>
          log(`upstream ${entry.method} ${entry.path} ${entry.status} ${Math.round(entry.durationMs)}ms`)
      : undefined;

  const apiFor = (request: Request): { api: UpstreamApi; caller: CallerInfo } => {
    // One GraphQL request fans out to many upstream calls, each listening for its abort.
    setMaxListeners(0, request.signal);
    const common = {
      baseUrl,
      apiVersion: config.upstream.apiVersion,
      dispatcher,
      signal: request.signal,
      onCall,
      throttle,
    };
    const header = request.headers.get('authorization');
    if (header !== null) {
      const token = BEARER.exec(header)?.[1];
      if (!token) {
        return {
          api: createUnauthenticatedApi('The Authorization header must be "Bearer <token>".'),
          caller: { kind: 'anonymous' },
        };
      }
      return {
        api: createUpstreamApi({ ...common, getToken: async () => token }),
        caller: { kind: 'bearer' },
      };
    }
    if (serviceTokens) {
      const api = createUpstreamApi({
        ...common,
        getToken: () => serviceTokens.getToken(),
        onTokenRejected: () => serviceTokens.invalidate(),
      });
      return { api, caller: { kind: 'service' } };
    }
    return {
      api: createUnauthenticatedApi(
        'Send "Authorization: Bearer <token>": this gateway has no service account to use.',
      ),
      caller: { kind: 'anonymous' },
    };
  };

  const disposeTransport: Plugin<GatewayContext> = {
    onDispose: async () => {
      if (ownsDispatcher) await dispatcher.close();
    },
  };

  return createYoga<Record<string, never>, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    context: ({ request }) => {
      const { api, caller } = apiFor(request);
      const budgeted = createBudgetedApi(api, config.limits.maxUpstreamCalls);
      return { api: budgeted, loaders: createLoaders(budgeted), caller };
    },
    maskedErrors: { maskError: maskGatewayError },
    graphiql: config.graphiql ? { title: 'Non-employee lifecycle', defaultTabs: EXAMPLE_TABS } : false,
    // GraphiQL's assets served from this package, not a CDN: it works behind a firewall too.
    renderGraphiQL,
    logging: config.logLevel === 'silent' ? false : config.logLevel,
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: config.limits.maxDepth },
        maxAliases: { n: config.limits.maxAliases },
        maxTokens: { n: config.limits.maxTokens },
        maxDirectives: { n: config.limits.maxDirectives },
        // The upstream-call budget bounds the real cost; a static cost guess would refuse honest queries.
        costLimit: { enabled: false },
        blockFieldSuggestion: { enabled: false },
      }),
      useReadableErrors(config.logLevel === 'silent' ? () => {} : log),
      useCsvExports(),
      disposeTransport,
      ...(deps.plugins ?? []),
    ],
  });
}
