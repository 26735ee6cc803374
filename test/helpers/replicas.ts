// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import type { ExecutionResult } from 'graphql';
import { loadConfig } from '../../src/config.ts';
import { createGateway, type Gateway } from '../../src/gateway.ts';
import type { TestSandbox } from './sandbox.ts';

export interface Replica {
  gateway: Gateway;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<ExecutionResult<T> & { status: number }>;
  get(path: string): Promise<Response>;
}

/**
 * `count` gateways in one process over one sandbox: each has its own throttle, cache and
 * connections, as separate replicas do; only Redis (when `env.REDIS_URL` is set) joins them.
 */
export function startReplicas(
  sandbox: TestSandbox,
  count: number,
  env: Record<string, string> = {},
): Replica[] {
  return Array.from({ length: count }, () => {
    const config = loadConfig({
      SAIL_BASE_URL: sandbox.url,
      SAIL_CLIENT_ID: sandbox.admin.clientId,
      SAIL_CLIENT_SECRET: sandbox.admin.clientSecret,
      LOG_LEVEL: 'silent',
      UPSTREAM_RATE_LIMIT: '100',
      UPSTREAM_RATE_LIMIT_WINDOW_MS: '10000',
      UPSTREAM_MAX_RETRY_AFTER_MS: '20000',
      GRAPHQL_REQUEST_TIMEOUT_MS: '30000',
      ...env,
    });
    const gateway = createGateway(config);
    return {
      gateway,
      async gql(query, variables = {}, token) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (token) headers.authorization = `Bearer ${token}`;
        const response = await gateway.fetch('http://gateway.test/graphql', {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, variables }),
        });
        return { ...((await response.json()) as ExecutionResult<any>), status: response.status };
      },
      get: async (path) => gateway.fetch(`http://gateway.test${path}`),
    };
  });
}

export const closeReplicas = (replicas: readonly Replica[]) =>
  Promise.all(replicas.map((replica) => replica.gateway.dispose()));

/**
 * Resolves once every replica's /metrics reports the shared store `state`, or throws after
 * `timeoutMs`. Not /ready: its probe is an upstream call of the service account's client.
 */
export async function waitForStore(replicas: readonly Replica[], state: 'up' | 'down', timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  const expected = `gateway_shared_store_up ${state === 'up' ? 1 : 0}`;
  for (;;) {
    const states = await Promise.all(
      replicas.map(async (replica) => (await (await replica.get('/metrics')).text()).includes(expected)),
    );
    if (states.every(Boolean)) return Date.now();
    if (Date.now() > until) throw new Error(`shared store not ${state} within ${timeoutMs} ms: ${states}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
