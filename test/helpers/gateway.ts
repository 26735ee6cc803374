// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import type { ExecutionResult } from 'graphql';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createGateway, type Gateway, type GatewayDeps } from '../../src/gateway.ts';
import { type SandboxOptions, startSandbox, type TestSandbox } from './sandbox.ts';

export interface GatewayTestOptions {
  /** Sandbox options; the rate limit is off unless a test turns it on. */
  sandbox?: SandboxOptions;
  /** Use the sandbox admin as the service account for requests without a bearer. @default false */
  serviceAccount?: boolean;
  /** Extra configuration variables (e.g. `GRAPHQL_MAX_UPSTREAM_CALLS`). */
  env?: Record<string, string>;
  /** Gateway dependencies (a logger writing to a test stream, a tracer). */
  deps?: GatewayDeps;
}

export interface GqlOptions {
  /** Sent as `Authorization: Bearer <token>`; omit for none. */
  token?: string;
  headers?: Record<string, string>;
}

export type GqlResult<T = Record<string, unknown>> = ExecutionResult<T> & { status: number };

export interface TestGateway {
  sandbox: TestSandbox;
  gateway: Gateway;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GqlResult<T>>;
  /**
   * Runs a query that must not error and counts the API calls that reached the sandbox for it.
   * `calls` and `total` are the same count (both names are in use).
   */
  measure(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<{ data: Record<string, any>; calls: number; total: number; byRoute: Record<string, number> }>;
  close(): Promise<void>;
}

/** A sandbox on port 0 and a gateway pointed at it, queried through `gateway.fetch` (no port). */
export async function startGateway(options: GatewayTestOptions = {}): Promise<TestGateway> {
  const sandbox = await startSandbox({ rateLimit: 0, ...options.sandbox });
  const env: Record<string, string> = {
    SAIL_BASE_URL: sandbox.url,
    LOG_LEVEL: 'silent',
    // Like the sandbox's, the gateway's own rate limit is off unless a test turns it on.
    UPSTREAM_RATE_LIMIT: '0',
    GATEWAY_ALLOW_SERVICE_ACCOUNT: options.serviceAccount ? 'true' : 'false',
    // Short waits: the sandbox's Retry-After is small, and tests must not hang on a long one.
    UPSTREAM_MAX_RETRY_AFTER_MS: '5000',
    ...(options.serviceAccount
      ? { SAIL_CLIENT_ID: sandbox.admin.clientId, SAIL_CLIENT_SECRET: sandbox.admin.clientSecret }
      : {}),
    ...options.env,
  };
  const gateway = createGateway(loadConfig(env), options.deps);

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, call: GqlOptions = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...call.headers };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as ExecutionResult<T>;
    return { ...body, status: response.status };
  };

  return {
    sandbox,
    gateway,
    gql,
    async measure(query, variables = {}, options = {}) {
      const { result, stats } = await sandbox.callsDuring(() => gql(query, variables, options));
      expect(result.errors).toBeUndefined();
      const data = result.data as Record<string, any>;
      return { data, calls: stats.total, total: stats.total, byRoute: stats.byRoute };
    },
    async close() {
      await gateway.dispose();
      await sandbox.close();
    },
  };
}

/** A bearer when given, and the CSRF header that uploads and CSV downloads need. */
export const uploadHeaders = (token?: string): Record<string, string> => ({
  'x-graphql-csrf': '1',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});
