/**
 * Environment variables and command-line flags -> one typed, validated Config. Every problem
 * is collected and reported at once, one line each, in a ConfigError. Secrets are kept out of
 * `JSON.stringify`, `console.log` and `describe()`.
 */
import { createReader, type Env, readFlags } from './config-reader.ts';
import { API_VERSIONS, type ApiVersion } from './upstream/wire/common.ts';
import { MAX_RECORDS_PER_SOURCE, MAX_SOURCES } from './upstream/wire/nelm-limits.ts';

export interface ServiceAccountConfig {
  clientId: string;
  /** Not enumerable: absent from JSON and console output. */
  readonly clientSecret: string;
}

export interface UpstreamConfig {
  /** `sandbox` when `SAIL_BASE_URL` is unset: an ISC emulator is started in-process. */
  mode: 'sandbox' | 'tenant';
  /** `SAIL_BASE_URL`, the tenant API root without a version. @default null (sandbox) */
  baseUrl: string | null;
  /** `SAIL_API_VERSION`: where the NELM paths go (accounts always v3, beta-only ops beta). @default 'v3' */
  apiVersion: ApiVersion;
  /** `UPSTREAM_TIMEOUT_MS`: wait for an answer's headers, and between body chunks. @default 30000 */
  timeoutMs: number;
  /** `UPSTREAM_CONNECT_TIMEOUT_MS`. @default 10000 */
  connectTimeoutMs: number;
  /** `UPSTREAM_CONNECTIONS`: connections per upstream origin. @default 32 */
  connections: number;
  /** `UPSTREAM_MAX_ATTEMPTS`: attempts of a read in all (writes are never retried). @default 4 */
  maxAttempts: number;
  /** `UPSTREAM_MAX_RETRY_AFTER_MS`: longest `Retry-After` honoured; beyond it, RATE_LIMITED. @default 60000 */
  maxRetryAfterMs: number;
  /** `UPSTREAM_MAX_RETRY_WAIT_MS`: total waiting between the attempts of one read. @default 75000 */
  maxRetryWaitMs: number;
  /** `UPSTREAM_RETRY_MIN_DELAY_MS`: backoff before the first retry, doubled each time, jittered. @default 250 */
  retryMinDelayMs: number;
  /** `UPSTREAM_RETRY_MAX_DELAY_MS`: largest backoff between two attempts (not `Retry-After`). @default 4000 */
  retryMaxDelayMs: number;
  /** `UPSTREAM_TOKEN_REFRESH_MARGIN_SECONDS`: renew the service token this long before expiry. @default 60 */
  tokenRefreshMarginSeconds: number;
  /**
   * `UPSTREAM_RATE_LIMIT`: calls per token per window the gateway sends; more wait for room instead
   * of drawing 429s. 0 turns it off. @default 100 (ISC's limit; in sandbox mode, `SANDBOX_RATE_LIMIT`)
   */
  rateLimit: number;
  /** `UPSTREAM_RATE_LIMIT_WINDOW_MS`: the window of `rateLimit`. @default 10000 */
  rateLimitWindowMs: number;
}

export interface SandboxConfig {
  /** `SANDBOX_SEED`: seed of the deterministic org data. @default 1 */
  seed: number;
  /** `SANDBOX_SCALE`: `small`, `org` (50 x 20,000) or `<sources>x<records>`. @default 'small' */
  scale: string;
  /** `SANDBOX_RATE_LIMIT`: requests per token per 10 s, as ISC allows; 0 turns it off. @default 100 */
  rateLimit: number;
  /** `SANDBOX_PORT`: where the in-process sandbox listens; 0 picks a free port. @default 0 */
  port: number;
}

export interface LimitsConfig {
  /** `GRAPHQL_MAX_DEPTH`. @default 12 */
  maxDepth: number;
  /** `GRAPHQL_MAX_ALIASES`. @default 30 */
  maxAliases: number;
  /** `GRAPHQL_MAX_TOKENS`: lexical tokens in one document. @default 5000 */
  maxTokens: number;
  /** `GRAPHQL_MAX_DIRECTIVES`. @default 50 */
  maxDirectives: number;
  /** `GRAPHQL_MAX_UPSTREAM_CALLS`: upstream calls one GraphQL request may make. @default 100 */
  maxUpstreamCalls: number;
  /** `GRAPHQL_MAX_DOCUMENT_BYTES`: size of a query document, checked before it is parsed. @default 65536 */
  maxDocumentBytes: number;
  /** `GRAPHQL_MAX_VALUE_DEPTH`: nesting of lists and objects in literals, variables and extensions. @default 32 */
  maxValueDepth: number;
  /** `GRAPHQL_MAX_BODY_BYTES`: a request body that is not an upload (JSON, form, GraphQL text). @default 1048576 */
  maxBodyBytes: number;
  /** `GRAPHQL_MAX_UPLOAD_BYTES`: a multipart request body, files included. @default 10485760 */
  maxUploadBytes: number;
  /** `GRAPHQL_DOCUMENT_CACHE_SIZE`: valid documents kept parsed and validated. @default 1000 */
  documentCacheSize: number;
  /** `GRAPHQL_DOCUMENT_CACHE_BYTES`: their total text size. @default 4194304 */
  documentCacheBytes: number;
  /** `GRAPHQL_REQUEST_TIMEOUT_MS`: one GraphQL request's deadline, upstream calls and pool waits included. @default 10000 */
  requestTimeoutMs: number;
}

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface TracingConfig {
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: OTLP/HTTP collector root; spans go to `<it>/v1/traces`. @default null (off) */
  endpoint: string | null;
  /** `OTEL_SERVICE_NAME`: the `service.name` of every span. @default 'nelm-graphql-gateway' */
  serviceName: string;
}

export interface Config {
  /** `PORT` (`--port`). @default 4000 */
  port: number;
  /**
   * `HOST` (`--host`). Loopback by default, because in sandbox mode an unauthenticated request
   * acts as the sandbox admin; set `0.0.0.0` in a container. @default '127.0.0.1'
   */
  host: string;
  upstream: UpstreamConfig;
  /** `SAIL_CLIENT_ID` + `SAIL_CLIENT_SECRET` (both or neither; tenant mode only). @default null */
  serviceAccount: ServiceAccountConfig | null;
  /**
   * `GATEWAY_ALLOW_SERVICE_ACCOUNT`: may a request without a bearer use the service token?
   * @default true in sandbox mode, false against a tenant
   */
  allowServiceAccount: boolean;
  sandbox: SandboxConfig;
  limits: LimitsConfig;
  /** `GRAPHIQL`: serve GraphiQL on GET /graphql. @default true */
  graphiql: boolean;
  /** `LOG_LEVEL`: `debug` adds one line per upstream call (method, route, status, duration). @default 'info' */
  logLevel: LogLevel;
  /** `LOG_FORMAT`: `json` lines, or `pretty` for people. @default 'pretty' on a TTY, else 'json' */
  logFormat: 'json' | 'pretty';
  /** `METRICS`: serve Prometheus metrics on GET /metrics. @default true */
  metrics: boolean;
  tracing: TracingConfig;
  /**
   * `CORS_ORIGINS`: comma-separated origins (`https://app.example.com`) that browsers may call
   * from, with credentials. @default [] (no cross-origin access at all)
   */
  corsOrigins: string[];
  /** `GRAPHQL_INTROSPECTION`: answer `__schema`/`__type` and suggest field names. @default true */
  introspection: boolean;
  /** `SHUTDOWN_TIMEOUT_MS`: how long SIGTERM/SIGINT wait for requests in flight. @default 10000 */
  shutdownTimeoutMs: number;
  /** `PERSISTED_DOCUMENTS`: path of a JSON manifest (document id -> document) of trusted documents. @default null */
  persistedDocuments: string | null;
  /** `PERSISTED_DOCUMENTS_ONLY`: run only the manifest's documents, by id. @default false */
  persistedDocumentsOnly: boolean;
  /** One line for the startup banner; never a secret. */
  describe(): string;
}

/** The configuration is unusable; `message` has one line per problem. */
export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIG';
  override name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const readBaseUrl = (value: string | undefined, problems: string[]): string | null => {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(
      `SAIL_BASE_URL must be a URL like https://acme.api.identitynow.com, got ${JSON.stringify(value)}`,
    );
    return null;
  }
  const before = problems.length;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    problems.push('SAIL_BASE_URL must use https (plain http only for localhost)');
  }
  if (url.username || url.password || url.search || url.hash) {
    problems.push('SAIL_BASE_URL must not carry credentials, a query or a fragment');
  }
  const path = url.pathname.replace(/\/+$/, '');
  const version = /\/(v3|beta|v2024|v2025|v2)$/.exec(path);
  if (version) problems.push(`SAIL_BASE_URL is the API root without a version: drop "/${version[1]}"`);
  return problems.length > before ? null : `${url.origin}${path}`;
};

const readOtlpEndpoint = (value: string | undefined, problems: string[]): string | null => {
  if (value === undefined) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.push(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got ${JSON.stringify(value)}`);
    return null;
  }
  return value.replace(/\/+$/, '');
};

/** A browser's `Origin` is scheme, host and port only; anything else would never match one. */
const readOrigins = (value: string | undefined, problems: string[]): string[] => {
  if (value === undefined) return [];
  const origins: string[] = [];
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {}
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
      problems.push(
        `CORS_ORIGINS takes origins like https://app.example.com (scheme, host, port; no path or *), got ${JSON.stringify(entry)}`,
      );
      continue;
    }
    origins.push(url.origin);
  }
  return origins;
};

const SCALE = /^(small|org|(\d+)x(\d+))$/;

const readScale = (value: string | undefined, problems: string[]): string => {
  if (value === undefined) return 'small';
  const match = SCALE.exec(value);
  const fits =
    match &&
    (match[2] === undefined ||
      (Number(match[2]) <= MAX_SOURCES && Number(match[3]) <= MAX_RECORDS_PER_SOURCE));
  if (!fits) {
    problems.push(
      `SANDBOX_SCALE must be small, org or <sources>x<records> (at most ${MAX_SOURCES}x${MAX_RECORDS_PER_SOURCE}), got ${JSON.stringify(value)}`,
    );
    return 'small';
  }
  return value;
};

const createServiceAccount = (clientId: string, clientSecret: string): ServiceAccountConfig => {
  const account = { clientId } as ServiceAccountConfig;
  Object.defineProperty(account, 'clientSecret', { value: clientSecret, enumerable: false });
  return account;
};

export const loadConfig = (env: Env = process.env, argv: readonly string[] = []): Config => {
  const problems: string[] = [];
  const read = createReader({ ...env, ...readFlags(argv, problems) }, problems);

  const baseUrl = readBaseUrl(read.raw('SAIL_BASE_URL'), problems);
  const mode = read.raw('SAIL_BASE_URL') === undefined ? 'sandbox' : 'tenant';
  const clientId = read.raw('SAIL_CLIENT_ID');
  const clientSecret = read.raw('SAIL_CLIENT_SECRET');
  if ((clientId === undefined) !== (clientSecret === undefined)) {
    problems.push(
      `SAIL_CLIENT_ID and SAIL_CLIENT_SECRET go together: ${clientId ? 'the secret' : 'the id'} is missing`,
    );
  }
  if (mode === 'sandbox' && (clientId !== undefined || clientSecret !== undefined)) {
    problems.push(
      'SAIL_CLIENT_ID/SAIL_CLIENT_SECRET are set but SAIL_BASE_URL is not: set it to use a tenant',
    );
  }
  const serviceAccount =
    mode === 'tenant' && clientId !== undefined && clientSecret !== undefined
      ? createServiceAccount(clientId, clientSecret)
      : null;
  const allowServiceAccount = read.bool('GATEWAY_ALLOW_SERVICE_ACCOUNT', mode === 'sandbox');
  if (allowServiceAccount && mode === 'tenant' && serviceAccount === null) {
    problems.push('GATEWAY_ALLOW_SERVICE_ACCOUNT=true needs SAIL_CLIENT_ID and SAIL_CLIENT_SECRET');
  }

  const persistedDocumentsOnly = read.bool('PERSISTED_DOCUMENTS_ONLY', false);
  if (persistedDocumentsOnly && read.raw('PERSISTED_DOCUMENTS') === undefined) {
    problems.push(
      'PERSISTED_DOCUMENTS_ONLY=true needs PERSISTED_DOCUMENTS, the manifest of trusted documents',
    );
  }
  const sandboxRateLimit = read.int('SANDBOX_RATE_LIMIT', 100, 0, 1_000_000);
  const config: Config = {
    port: read.int('PORT', 4000, 0, 65_535),
    host: read.raw('HOST') ?? '127.0.0.1',
    upstream: {
      mode,
      baseUrl,
      apiVersion: read.oneOf('SAIL_API_VERSION', API_VERSIONS, 'v3'),
      timeoutMs: read.int('UPSTREAM_TIMEOUT_MS', 30_000, 100, 600_000),
      connectTimeoutMs: read.int('UPSTREAM_CONNECT_TIMEOUT_MS', 10_000, 100, 120_000),
      connections: read.int('UPSTREAM_CONNECTIONS', 32, 1, 1024),
      maxAttempts: read.int('UPSTREAM_MAX_ATTEMPTS', 4, 1, 10),
      maxRetryAfterMs: read.int('UPSTREAM_MAX_RETRY_AFTER_MS', 60_000, 0, 600_000),
      maxRetryWaitMs: read.int('UPSTREAM_MAX_RETRY_WAIT_MS', 75_000, 0, 600_000),
      retryMinDelayMs: read.int('UPSTREAM_RETRY_MIN_DELAY_MS', 250, 0, 60_000),
      retryMaxDelayMs: read.int('UPSTREAM_RETRY_MAX_DELAY_MS', 4000, 0, 600_000),
      tokenRefreshMarginSeconds: read.int('UPSTREAM_TOKEN_REFRESH_MARGIN_SECONDS', 60, 0, 3600),
      rateLimit: read.int('UPSTREAM_RATE_LIMIT', mode === 'sandbox' ? sandboxRateLimit : 100, 0, 1_000_000),
      rateLimitWindowMs: read.int('UPSTREAM_RATE_LIMIT_WINDOW_MS', 10_000, 1, 3_600_000),
    },
    serviceAccount,
    allowServiceAccount,
    sandbox: {
      seed: read.int('SANDBOX_SEED', 1, 0, 2 ** 31 - 1),
      scale: readScale(read.raw('SANDBOX_SCALE'), problems),
      rateLimit: sandboxRateLimit,
      port: read.int('SANDBOX_PORT', 0, 0, 65_535),
    },
    limits: {
      maxDepth: read.int('GRAPHQL_MAX_DEPTH', 12, 1, 100),
      maxAliases: read.int('GRAPHQL_MAX_ALIASES', 30, 0, 1000),
      maxTokens: read.int('GRAPHQL_MAX_TOKENS', 5000, 100, 1_000_000),
      maxDirectives: read.int('GRAPHQL_MAX_DIRECTIVES', 50, 0, 1000),
      maxUpstreamCalls: read.int('GRAPHQL_MAX_UPSTREAM_CALLS', 100, 1, 10_000),
      maxDocumentBytes: read.int('GRAPHQL_MAX_DOCUMENT_BYTES', 65_536, 1024, 16_777_216),
      maxValueDepth: read.int('GRAPHQL_MAX_VALUE_DEPTH', 32, 1, 256),
      maxBodyBytes: read.int('GRAPHQL_MAX_BODY_BYTES', 1_048_576, 1024, 104_857_600),
      maxUploadBytes: read.int('GRAPHQL_MAX_UPLOAD_BYTES', 10_485_760, 1024, 1_073_741_824),
      documentCacheSize: read.int('GRAPHQL_DOCUMENT_CACHE_SIZE', 1000, 0, 100_000),
      documentCacheBytes: read.int('GRAPHQL_DOCUMENT_CACHE_BYTES', 4_194_304, 0, 1_073_741_824),
      requestTimeoutMs: read.int('GRAPHQL_REQUEST_TIMEOUT_MS', 10_000, 100, 600_000),
    },
    graphiql: read.bool('GRAPHIQL', true),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: read.oneOf(
      'LOG_FORMAT',
      ['json', 'pretty'] as const,
      process.stdout.isTTY ? 'pretty' : 'json',
    ),
    metrics: read.bool('METRICS', true),
    tracing: {
      endpoint: readOtlpEndpoint(read.raw('OTEL_EXPORTER_OTLP_ENDPOINT'), problems),
      serviceName: read.raw('OTEL_SERVICE_NAME') ?? 'nelm-graphql-gateway',
    },
    corsOrigins: readOrigins(read.raw('CORS_ORIGINS'), problems),
    introspection: read.bool('GRAPHQL_INTROSPECTION', true),
    shutdownTimeoutMs: read.int('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    persistedDocuments: read.raw('PERSISTED_DOCUMENTS') ?? null,
    persistedDocumentsOnly,
    describe: () => describeConfig(config),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
};

const describeConfig = (config: Config): string => {
  const { upstream, sandbox, serviceAccount } = config;
  const where =
    upstream.mode === 'sandbox'
      ? `sandbox (seed ${sandbox.seed}, scale ${sandbox.scale}, rate limit ${sandbox.rateLimit || 'off'})`
      : upstream.baseUrl;
  const service = serviceAccount
    ? `client ${serviceAccount.clientId}`
    : upstream.mode === 'sandbox'
      ? 'sandbox admin'
      : 'none';
  const allowed = config.allowServiceAccount
    ? 'for requests without a bearer'
    : 'never used (bearer required)';
  return `upstream ${where}, NELM ${upstream.apiVersion}; service account: ${service}, ${allowed}`;
};
