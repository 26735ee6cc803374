import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const SECRET = 'super-secret-value-42';
const tenant = {
  SAIL_BASE_URL: 'https://acme.api.identitynow.com/',
  SAIL_CLIENT_ID: 'client-1',
  SAIL_CLIENT_SECRET: SECRET,
};

const problemsOf = (env: Record<string, string>, argv: string[] = []): readonly string[] => {
  try {
    loadConfig(env, argv);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.message.split('\n')).toEqual(configError.problems);
    return configError.problems;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('defaults to sandbox mode with the service account allowed', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      upstream: {
        mode: 'sandbox',
        baseUrl: null,
        apiVersion: 'v3',
        timeoutMs: 30_000,
        maxAttempts: 4,
        retryMinDelayMs: 250,
        retryMaxDelayMs: 4000,
      },
      serviceAccount: null,
      allowServiceAccount: true,
      sandbox: { seed: 1, scale: 'small', rateLimit: 100 },
      limits: { maxDepth: 12, maxAliases: 30 },
      graphiql: true,
      logLevel: 'info',
    });
  });

  it('reads a tenant with a service account, not allowed by default', () => {
    const config = loadConfig({ ...tenant, SAIL_API_VERSION: 'beta', PORT: '8080' });
    expect(config.upstream).toMatchObject({ mode: 'tenant', baseUrl: 'https://acme.api.identitynow.com' });
    expect(config.upstream.apiVersion).toBe('beta');
    expect(config.port).toBe(8080);
    expect(config.serviceAccount?.clientId).toBe('client-1');
    expect(config.serviceAccount?.clientSecret).toBe(SECRET);
    expect(config.allowServiceAccount).toBe(false);
    expect(loadConfig({ ...tenant, GATEWAY_ALLOW_SERVICE_ACCOUNT: 'yes' }).allowServiceAccount).toBe(true);
  });

  it('limits upstream calls per token as ISC does, or as the sandbox is told to', () => {
    expect(loadConfig(tenant).upstream).toMatchObject({ rateLimit: 100, rateLimitWindowMs: 10_000 });
    expect(loadConfig({ SANDBOX_RATE_LIMIT: '0' }).upstream.rateLimit).toBe(0);
    expect(loadConfig({ ...tenant, UPSTREAM_RATE_LIMIT: '40' }).upstream.rateLimit).toBe(40);
    expect(problemsOf({ UPSTREAM_RATE_LIMIT: '-1' })[0]).toMatch(/UPSTREAM_RATE_LIMIT/);
  });

  it('keeps a path prefix of the base URL', () => {
    const config = loadConfig({ SAIL_BASE_URL: 'https://gw.example.com/isc/' });
    expect(config.upstream.baseUrl).toBe('https://gw.example.com/isc');
  });

  it('never shows the secret', () => {
    const config = loadConfig({ ...tenant, GATEWAY_ALLOW_SERVICE_ACCOUNT: 'true' });
    expect(JSON.stringify(config)).not.toContain(SECRET);
    expect(inspect(config, { depth: 10 })).not.toContain(SECRET);
    expect(config.describe()).not.toContain(SECRET);
    expect(config.describe()).toBe(
      'upstream https://acme.api.identitynow.com, NELM v3; service account: client client-1, for requests without a bearer',
    );
    expect(loadConfig({}).describe()).toBe(
      'upstream sandbox (seed 1, scale small, rate limit 100), NELM v3; service account: sandbox admin, for requests without a bearer',
    );
  });

  it('lets flags override the environment', () => {
    const config = loadConfig({ PORT: '1' }, [
      '--port',
      '5000',
      '--scale=org',
      '--seed',
      '7',
      '--api-version',
      'v2025',
    ]);
    expect(config.port).toBe(5000);
    expect(config.sandbox).toMatchObject({ scale: 'org', seed: 7 });
    expect(config.upstream.apiVersion).toBe('v2025');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ SAIL_BASE_URL: '', PORT: ' ', SAIL_CLIENT_ID: '' }).upstream.mode).toBe('sandbox');
  });

  it('reports every problem at once, one line each', () => {
    const problems = problemsOf(
      {
        PORT: 'eighty',
        SAIL_BASE_URL: 'http://acme.api.identitynow.com/v3',
        SAIL_CLIENT_ID: 'only-the-id',
        SAIL_API_VERSION: 'v4',
        GATEWAY_ALLOW_SERVICE_ACCOUNT: 'maybe',
        UPSTREAM_TIMEOUT_MS: '-5',
        SANDBOX_SCALE: '51x10',
        LOG_LEVEL: 'loud',
      },
      ['--bogus', 'x'],
    );
    expect(problems).toEqual([
      'Unknown flag --bogus (known flags: --port, --host, --base-url, --api-version, --allow-service-account, --seed, --scale, --log-level)',
      'SAIL_BASE_URL must use https (plain http only for localhost)',
      'SAIL_BASE_URL is the API root without a version: drop "/v3"',
      'SAIL_CLIENT_ID and SAIL_CLIENT_SECRET go together: the secret is missing',
      'GATEWAY_ALLOW_SERVICE_ACCOUNT must be true or false, got "maybe"',
      'PORT must be a whole number from 0 to 65535, got "eighty"',
      'SAIL_API_VERSION must be one of v3, beta, v2024, v2025, got "v4"',
      'UPSTREAM_TIMEOUT_MS must be a whole number from 100 to 600000, got "-5"',
      'SANDBOX_SCALE must be small, org or <sources>x<records> (at most 50x20000), got "51x10"',
      'LOG_LEVEL must be one of silent, error, warn, info, debug, got "loud"',
    ]);
  });

  it('refuses client credentials without a base URL, and an allowed service account without them', () => {
    expect(problemsOf({ SAIL_CLIENT_ID: 'a', SAIL_CLIENT_SECRET: SECRET })).toEqual([
      'SAIL_CLIENT_ID/SAIL_CLIENT_SECRET are set but SAIL_BASE_URL is not: set it to use a tenant',
    ]);
    expect(
      problemsOf({
        SAIL_BASE_URL: 'https://acme.api.identitynow.com',
        GATEWAY_ALLOW_SERVICE_ACCOUNT: 'true',
      }),
    ).toEqual(['GATEWAY_ALLOW_SERVICE_ACCOUNT=true needs SAIL_CLIENT_ID and SAIL_CLIENT_SECRET']);
  });

  it('refuses a base URL that is not one, or that carries credentials', () => {
    expect(problemsOf({ SAIL_BASE_URL: 'acme' })).toEqual([
      'SAIL_BASE_URL must be a URL like https://acme.api.identitynow.com, got "acme"',
    ]);
    expect(problemsOf({ SAIL_BASE_URL: 'https://u:p@acme.example.com?x=1' })).toEqual([
      'SAIL_BASE_URL must not carry credentials, a query or a fragment',
    ]);
    expect(loadConfig({ SAIL_BASE_URL: 'http://localhost:7100' }).upstream.baseUrl).toBe(
      'http://localhost:7100',
    );
  });

  it('never echoes the secret in a problem', () => {
    const problems = problemsOf({ SAIL_CLIENT_SECRET: SECRET, PORT: 'x' });
    expect(problems.join('\n')).not.toContain(SECRET);
  });

  it('reads the observability settings: metrics on, tracing off, unless told otherwise', () => {
    expect(loadConfig({ LOG_FORMAT: 'json' })).toMatchObject({
      logFormat: 'json',
      metrics: true,
      tracing: { endpoint: null, serviceName: 'nelm-graphql-gateway' },
    });
    const config = loadConfig({
      METRICS: 'false',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'pretty',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      OTEL_SERVICE_NAME: 'nelm-edge',
    });
    expect(config).toMatchObject({ metrics: false, logLevel: 'warn', logFormat: 'pretty' });
    expect(config.tracing).toEqual({ endpoint: 'http://collector:4318', serviceName: 'nelm-edge' });
    expect(problemsOf({ LOG_FORMAT: 'xml', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toEqual([
      'LOG_FORMAT must be one of json, pretty, got "xml"',
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "collector:4318"',
    ]);
  });
});

describe('loadConfig flags', () => {
  it('says which flag is wrong', () => {
    expect(problemsOf({}, ['--port'])).toEqual(['Flag --port needs a value']);
    expect(problemsOf({}, ['serve'])).toEqual(['Unexpected argument serve']);
  });

  it('reads the browser and shutdown settings, refusing origins that a browser never sends', () => {
    expect(loadConfig({})).toMatchObject({ corsOrigins: [], introspection: true, shutdownTimeoutMs: 10_000 });
    const config = loadConfig({
      CORS_ORIGINS: ' https://app.example.com/, http://localhost:5173 ',
      GRAPHQL_INTROSPECTION: 'false',
      SHUTDOWN_TIMEOUT_MS: '2500',
    });
    expect(config.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(config.introspection).toBe(false);
    expect(config.shutdownTimeoutMs).toBe(2500);
    const problems = problemsOf({ CORS_ORIGINS: '*,https://app.example.com/path,app.example.com' });
    expect(problems).toHaveLength(3);
    for (const problem of problems) expect(problem).toMatch(/^CORS_ORIGINS takes origins like/);
  });
});
