/**
 * Every setting of the gateway and its sandbox, declared once: variable, flag, kind (type and
 * bounds), default and one line of doc. `loadConfig` parses them into a Config of the same
 * shape, and `npm run config-table` writes the README's table from them.
 *
 * To add a setting, add one entry where it belongs (its path is its field in Config), then run
 * `npm run config-table`. A default that others need is read from here (`SETTINGS.x.y.default`),
 * never written again.
 */
import {
  baseUrl,
  bool,
  httpUrl,
  int,
  oneOf,
  origins,
  redisUrl,
  type Setting,
  scale,
  setting,
  text,
} from './config-kinds.ts';
import { API_VERSIONS } from './upstream/wire/common.ts';
import { ISC_RATE_LIMIT, ISC_RATE_LIMIT_WINDOW_MS } from './upstream/wire/tenant-limits.ts';

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const sandboxRateLimit = setting({
  env: 'SANDBOX_RATE_LIMIT',
  ...int(0, 1_000_000),
  default: ISC_RATE_LIMIT,
  doc: 'sandbox requests per client per 10 s, shared by its tokens; `0` turns it off',
});

export const SETTINGS = {
  port: setting({
    env: 'PORT',
    flag: 'port',
    ...int(0, 65_535),
    default: 4000,
    doc: 'where `/graphql` listens',
  }),
  host: setting({
    env: 'HOST',
    flag: 'host',
    ...text('interface'),
    default: '127.0.0.1',
    doc: 'interface; in sandbox mode a request without a token acts as the sandbox admin, so it stays local unless you say otherwise (`0.0.0.0` in a container)',
  }),
  upstream: {
    baseUrl: setting({
      env: 'SAIL_BASE_URL',
      flag: 'base-url',
      ...baseUrl,
      default: null,
      shownDefault: 'unset = sandbox',
      doc: "the tenant's API root, e.g. `https://acme.api.identitynow.com` (no `/v3`)",
    }),
    apiVersion: setting({
      env: 'SAIL_API_VERSION',
      flag: 'api-version',
      ...oneOf(API_VERSIONS),
      default: 'v3',
      doc: 'version of the NELM paths (accounts: see below)',
    }),
    timeoutMs: setting({
      env: 'UPSTREAM_TIMEOUT_MS',
      ...int(100, 600_000),
      default: 30_000,
      doc: "wait for an answer's headers, and between body chunks",
    }),
    connectTimeoutMs: setting({
      env: 'UPSTREAM_CONNECT_TIMEOUT_MS',
      ...int(100, 120_000),
      default: 10_000,
      doc: 'connect timeout (TCP + TLS)',
    }),
    connections: setting({
      env: 'UPSTREAM_CONNECTIONS',
      ...int(1, 1024),
      // One client may send its whole rate-limit window (ISC: 100) at once; fewer connections would queue it.
      default: 256,
      doc: 'keep-alive connections to the upstream (HTTP/1.1); at least a window of calls, so the pool never caps below the rate limit',
    }),
    maxAttempts: setting({
      env: 'UPSTREAM_MAX_ATTEMPTS',
      ...int(1, 10),
      default: 4,
      doc: 'attempts of a read in all; writes are never retried',
    }),
    maxRetryAfterMs: setting({
      env: 'UPSTREAM_MAX_RETRY_AFTER_MS',
      ...int(0, 600_000),
      default: 60_000,
      doc: 'longest `Retry-After` a read waits for; beyond it the read fails as `RATE_LIMITED`',
    }),
    maxRetryWaitMs: setting({
      env: 'UPSTREAM_MAX_RETRY_WAIT_MS',
      ...int(0, 600_000),
      default: 75_000,
      doc: 'total waiting between the attempts of one read',
    }),
    retryMinDelayMs: setting({
      env: 'UPSTREAM_RETRY_MIN_DELAY_MS',
      ...int(0, 60_000),
      default: 250,
      doc: 'backoff before the first retry, doubled each time, jittered',
    }),
    retryMaxDelayMs: setting({
      env: 'UPSTREAM_RETRY_MAX_DELAY_MS',
      ...int(0, 600_000),
      default: 4000,
      doc: 'largest backoff between two attempts (not `Retry-After`)',
    }),
    tokenRefreshMarginSeconds: setting({
      env: 'UPSTREAM_TOKEN_REFRESH_MARGIN_SECONDS',
      ...int(0, 3600),
      default: 60,
      doc: 'renew the service token this long before it expires',
    }),
    rateLimit: setting({
      env: 'UPSTREAM_RATE_LIMIT',
      ...int(0, 1_000_000),
      default: ({ mode, get }) => (mode === 'sandbox' ? get(sandboxRateLimit) : ISC_RATE_LIMIT),
      shownDefault: `\`${ISC_RATE_LIMIT}\` (in sandbox mode: \`SANDBOX_RATE_LIMIT\`)`,
      doc: "calls per client (`client_id` of the token's JWT claims; a token that is not a JWT counts alone) per window the gateway sends; more wait in line for room instead of drawing 429s; `0` turns it off",
    }),
    rateLimitWindowMs: setting({
      env: 'UPSTREAM_RATE_LIMIT_WINDOW_MS',
      ...int(1, 3_600_000),
      default: ISC_RATE_LIMIT_WINDOW_MS,
      doc: "that window (ISC's is 10 s)",
    }),
  },
  credentials: {
    clientId: setting({
      env: 'SAIL_CLIENT_ID',
      ...text('client id'),
      default: null,
      shownDefault: 'unset',
      doc: 'a client-credentials service account, with `SAIL_CLIENT_SECRET` (both or neither; only with `SAIL_BASE_URL`)',
    }),
    clientSecret: setting({
      env: 'SAIL_CLIENT_SECRET',
      ...text('secret'),
      default: null,
      shownDefault: 'unset',
      doc: 'its secret; never a flag, never logged or shown',
    }),
  },
  allowServiceAccount: setting({
    env: 'GATEWAY_ALLOW_SERVICE_ACCOUNT',
    flag: 'allow-service-account',
    ...bool(),
    default: ({ mode }) => mode === 'sandbox',
    shownDefault: '`true` in sandbox mode, else `false`',
    doc: 'whether a request without a bearer may use the service account; otherwise it gets `UNAUTHENTICATED`',
  }),
  shared: {
    redisUrl: setting({
      env: 'REDIS_URL',
      ...redisUrl,
      default: null,
      shownDefault: 'unset = in-process',
      doc: 'the Redis 7-compatible server the replicas share rate windows, cooldowns and cached reads through; never logged or shown (it may carry a password)',
    }),
    redisTimeoutMs: setting({
      env: 'REDIS_TIMEOUT_MS',
      ...int(1, 60_000),
      default: 50,
      doc: 'a Redis command slower than this counts as Redis down: the gateway falls back to in-process limits and no shared cache',
    }),
    cacheTtlMs: setting({
      env: 'CACHE_TTL_MS',
      ...int(0, 3_600_000),
      default: 0,
      doc: 'how long an upstream read is cached per principal (client and identity); `0` turns the cache off',
    }),
    cacheMaxEntries: setting({
      env: 'CACHE_MAX_ENTRIES',
      ...int(1, 1_000_000),
      default: 5000,
      doc: 'entries of the in-process cache in front of Redis',
    }),
    cacheMaxBytes: setting({
      env: 'CACHE_MAX_BYTES',
      ...int(1024, 4_294_967_296),
      default: 33_554_432,
      doc: 'bytes of the in-process cache in front of Redis',
    }),
  },
  sandbox: {
    seed: setting({
      env: 'SANDBOX_SEED',
      flag: 'seed',
      ...int(0, 2 ** 31 - 1),
      default: 1,
      doc: "seed of the sandbox's deterministic org",
    }),
    scale: setting({
      env: 'SANDBOX_SCALE',
      flag: 'scale',
      ...scale,
      default: 'small',
      doc: 'how much the sandbox seeds: `small` (6 sources), `org` (50 × 20,000 records) or `<sources>x<records>`',
    }),
    rateLimit: sandboxRateLimit,
    port: setting({
      env: 'SANDBOX_PORT',
      ...int(0, 65_535),
      default: 0,
      doc: 'where the in-process sandbox of `npm start` listens (its URL is printed at startup); `0` picks a free port',
    }),
  },
  limits: {
    maxDepth: setting({ env: 'GRAPHQL_MAX_DEPTH', ...int(1, 100), default: 12, doc: 'query depth limit' }),
    maxAliases: setting({
      env: 'GRAPHQL_MAX_ALIASES',
      ...int(0, 1000),
      default: 30,
      doc: 'aliases per operation',
    }),
    maxTokens: setting({
      env: 'GRAPHQL_MAX_TOKENS',
      ...int(100, 1_000_000),
      default: 5000,
      doc: 'lexical tokens per document',
    }),
    maxDirectives: setting({
      env: 'GRAPHQL_MAX_DIRECTIVES',
      ...int(0, 1000),
      default: 50,
      doc: 'directives per operation',
    }),
    maxUpstreamCalls: setting({
      env: 'GRAPHQL_MAX_UPSTREAM_CALLS',
      ...int(1, 10_000),
      default: 100,
      doc: 'upstream calls one GraphQL request may make; past it the fields that need more fail with `UPSTREAM_CALL_BUDGET_EXCEEDED`',
    }),
    maxDocumentBytes: setting({
      env: 'GRAPHQL_MAX_DOCUMENT_BYTES',
      ...int(1024, 16_777_216),
      default: 65_536,
      doc: 'size of a query document (UTF-8), checked before it is parsed; past it `413 DOCUMENT_TOO_LARGE`',
    }),
    maxValueDepth: setting({
      env: 'GRAPHQL_MAX_VALUE_DEPTH',
      ...int(1, 256),
      default: 32,
      doc: 'nesting of lists and objects in literals, variables and extensions, checked before parsing; past it `400 VALUE_TOO_DEEP` (brackets of any kind nested deeper than 64 + this: `400 DOCUMENT_TOO_DEEP`)',
    }),
    maxBodyBytes: setting({
      env: 'GRAPHQL_MAX_BODY_BYTES',
      ...int(1024, 104_857_600),
      default: 1_048_576,
      doc: 'a request body that is not multipart (JSON, form, `application/graphql`), counted as it streams in; past it `413 REQUEST_ENTITY_TOO_LARGE`',
    }),
    maxUploadBytes: setting({
      env: 'GRAPHQL_MAX_UPLOAD_BYTES',
      ...int(1024, 1_073_741_824),
      default: 10_485_760,
      doc: 'a multipart body (the CSV of `importNonEmployeeRecords`), files included; past it `413 REQUEST_ENTITY_TOO_LARGE`',
    }),
    documentCacheSize: setting({
      env: 'GRAPHQL_DOCUMENT_CACHE_SIZE',
      ...int(0, 100_000),
      default: 1000,
      doc: 'valid documents kept parsed and validated (documents that fail to parse or validate are never kept)',
    }),
    documentCacheBytes: setting({
      env: 'GRAPHQL_DOCUMENT_CACHE_BYTES',
      ...int(0, 1_073_741_824),
      default: 4_194_304,
      doc: 'total text size of the kept documents; the least recently used go first',
    }),
    requestTimeoutMs: setting({
      env: 'GRAPHQL_REQUEST_TIMEOUT_MS',
      ...int(100, 600_000),
      default: 10_000,
      doc: "one GraphQL request's deadline: its upstream calls, pool and rate-limit waits included; the answer keeps what loaded and `TIMEOUT` on the rest",
    }),
  },
  subscriptions: {
    perConnection: setting({
      env: 'SUBSCRIPTIONS_PER_CONNECTION',
      ...int(1, 1000),
      default: 5,
      doc: 'open subscriptions per client connection (HTTP/1.1 carries one SSE stream at a time; HTTP/2 several); past it `SUBSCRIPTION_LIMIT`',
    }),
    perPrincipal: setting({
      env: 'SUBSCRIPTIONS_PER_PRINCIPAL',
      ...int(1, 10_000),
      default: 20,
      doc: 'open subscriptions per principal (client and identity of the token, as the read cache keys them); past it `SUBSCRIPTION_LIMIT`',
    }),
    maxDurationMs: setting({
      env: 'SUBSCRIPTION_MAX_DURATION_MS',
      ...int(1000, 86_400_000),
      default: 600_000,
      doc: 'how long one subscription may stay open (it replaces `GRAPHQL_REQUEST_TIMEOUT_MS` for it); then it ends with `TIMEOUT`',
    }),
    pollIntervalMs: setting({
      env: 'SUBSCRIPTION_POLL_INTERVAL_MS',
      ...int(10, 600_000),
      default: 1000,
      doc: 'wait between two polls of the upstream for a subscription, after a change; doubled while nothing changes',
    }),
    maxPollIntervalMs: setting({
      env: 'SUBSCRIPTION_MAX_POLL_INTERVAL_MS',
      ...int(10, 600_000),
      default: 8000,
      doc: 'the longest wait between two polls (the backoff stops doubling there)',
    }),
  },
  graphiql: setting({
    env: 'GRAPHIQL',
    ...bool(),
    default: true,
    doc: 'serve GraphiQL on `GET /graphql` (its files under `/graphiql/`)',
  }),
  costExtension: setting({
    env: 'COST_EXTENSION',
    ...bool(),
    default: true,
    doc: "put `extensions.cost` (estimated and actual upstream calls, throttle wait, the caller's window) on every response",
  }),
  logLevel: setting({
    env: 'LOG_LEVEL',
    flag: 'log-level',
    ...oneOf(LOG_LEVELS),
    default: 'info',
    doc: '`warn` adds 429s, retries, outages; `info` one line per GraphQL request; `debug` one line per upstream call (method, route template, status, attempts, duration; never headers, queries or tokens)',
  }),
  logFormat: setting({
    env: 'LOG_FORMAT',
    ...oneOf(['json', 'pretty'] as const),
    default: () => (process.stdout.isTTY ? 'pretty' : 'json'),
    shownDefault: '`pretty` on a TTY, else `json`',
    doc: '`json`: one JSON object per line (pino); `pretty`: coloured lines for people',
  }),
  metrics: setting({
    env: 'METRICS',
    ...bool(),
    default: true,
    doc: 'serve Prometheus metrics at `GET /metrics`; `false` turns the endpoint and the counting off',
  }),
  tracing: {
    endpoint: setting({
      env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
      ...httpUrl,
      default: null,
      shownDefault: 'unset = no tracing',
      doc: 'an OTLP/HTTP collector root, e.g. `http://otel-collector:4318`; spans are posted as JSON to `<it>/v1/traces`',
    }),
    serviceName: setting({
      env: 'OTEL_SERVICE_NAME',
      ...text(),
      default: 'nelm-graphql-gateway',
      doc: 'the `service.name` of the spans',
    }),
  },
  corsOrigins: setting({
    env: 'CORS_ORIGINS',
    ...origins,
    default: [] as string[],
    shownDefault: 'unset = no cross-origin access',
    doc: 'origins (`https://app.example.com,http://localhost:5173`) whose pages may call the gateway, with credentials; any other origin gets no `Access-Control-Allow-Origin`',
  }),
  introspection: setting({
    env: 'GRAPHQL_INTROSPECTION',
    ...bool(),
    default: true,
    doc: '`false` refuses `__schema`/`__type` (`INTROSPECTION_DISABLED`) and drops "Did you mean …" suggestions, for deployments that serve only known clients (GraphiQL then has no schema to show)',
  }),
  shutdownTimeoutMs: setting({
    env: 'SHUTDOWN_TIMEOUT_MS',
    ...int(0, 600_000),
    default: 10_000,
    doc: 'on SIGTERM/SIGINT, how long requests in flight may take to finish; past it they are cut and the exit code is 1',
  }),
  persistedDocuments: setting({
    env: 'PERSISTED_DOCUMENTS',
    ...text('path'),
    default: null,
    shownDefault: 'unset = none',
    doc: 'path of a JSON manifest of trusted documents (`{"<sha256 of the text>": "<document>"}`), e.g. codegen\'s `persisted-documents.json`; callers send `{"documentId": "<id>"}`',
  }),
  persistedDocumentsOnly: setting({
    env: 'PERSISTED_DOCUMENTS_ONLY',
    ...bool(),
    default: false,
    doc: "`true` runs only the manifest's documents: a document sent as text is `400 PERSISTED_DOCUMENT_REQUIRED` (needs `PERSISTED_DOCUMENTS`)",
  }),
};

/** A group of settings, or one setting. */
export type SettingTree = Setting<unknown> | { [key: string]: SettingTree };

/** The parsed shape of a declaration: each setting replaced by its value. */
export type Parsed<T> = T extends Setting<infer V> ? V : { -readonly [K in keyof T]: Parsed<T[K]> };

/** Every setting in declaration order. */
export const allSettings = (tree: SettingTree = SETTINGS): Setting<unknown>[] =>
  'env' in tree && typeof tree.env === 'string'
    ? [tree as Setting<unknown>]
    : Object.values(tree as Record<string, SettingTree>).flatMap((child) => allSettings(child));

/** A setting's default where it is a plain value, for code that takes it as its own default. */
export const defaultOf = <T>(entry: Setting<T>): T => {
  if (typeof entry.default === 'function') throw new TypeError(`${entry.env} has a computed default`);
  return entry.default;
};
