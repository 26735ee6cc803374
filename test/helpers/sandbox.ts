import { expect } from 'vitest';
import type { FaultConfig } from '../../src/sandbox/control/faults.ts';
import type { SandboxStats } from '../../src/sandbox/control/stats.ts';
import type { SandboxOptions } from '../../src/sandbox/options.ts';
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox.ts';
import type {
  ApiClient,
  DemoClient,
  DemoRole,
  PersonalAccessTokenClient,
} from '../../src/sandbox/seed/identities.ts';

export type {
  ApiClient,
  DemoClient,
  DemoRole,
  FaultConfig,
  PersonalAccessTokenClient,
  Sandbox,
  SandboxOptions,
  SandboxStats,
};

export interface ApiCall {
  method?: string;
  /** JSON body (serialised) or a raw string/FormData. */
  body?: unknown;
  headers?: Record<string, string>;
  /** A bearer token; `null` sends none. */
  token?: string | null;
  signal?: AbortSignal;
}

export interface TestSandbox extends Sandbox {
  /** A fresh access token for a demo client (or the first client with that role). */
  tokenFor(client: DemoClient | DemoRole): Promise<string>;
  stats(): Promise<SandboxStats>;
  resetStats(): Promise<void>;
  /** Resets the stats, runs `work`, and reads the stats: the calls `work` made, and what it returned. */
  callsDuring<T>(work: () => Promise<T>): Promise<{ result: T; stats: SandboxStats }>;
  /** GET `path` as `token`, which must answer 200; its JSON body. */
  getJson<T>(path: string, token: string): Promise<T>;
  setFaults(faults: Partial<FaultConfig>): Promise<void>;
  /** Reseed data and clear stats, faults and rate-limit windows (over HTTP). */
  resetAll(): Promise<void>;
  /** Calls the API: `path` is below the base URL, e.g. `/v3/non-employee-sources`. */
  api(path: string, call?: ApiCall): Promise<Response>;
}

async function ok(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** Boots a sandbox on port 0 (rate limit and seed as given) with small helpers for tests. */
export async function startSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await createSandbox({ port: 0, ...options });
  const base = sandbox.url;

  const tokenFor = async (who: DemoClient | DemoRole) => {
    const client = typeof who === 'string' ? sandbox.client(who) : who;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    const response = await ok(await fetch(`${base}/oauth/token`, { method: 'POST', body: form }), 'token');
    return ((await response.json()) as { access_token: string }).access_token;
  };

  const api = (path: string, call: ApiCall = {}) => {
    const headers: Record<string, string> = { ...call.headers };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    let body: BodyInit | undefined;
    if (typeof call.body === 'string' || call.body instanceof FormData) {
      body = call.body;
    } else if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['content-type'] ??= 'application/json';
    }
    return fetch(`${base}${path}`, {
      method: call.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      signal: call.signal,
    });
  };

  const stats = async () =>
    (await (await ok(await fetch(`${base}/__sandbox/stats`), 'stats')).json()) as SandboxStats;
  const resetStats = async () => {
    await ok(await fetch(`${base}/__sandbox/stats/reset`, { method: 'POST' }), 'stats reset');
  };

  return Object.assign(sandbox, {
    tokenFor,
    api,
    stats,
    resetStats,
    async callsDuring<T>(work: () => Promise<T>) {
      await resetStats();
      const result = await work();
      return { result, stats: await stats() };
    },
    async getJson<T>(path: string, token: string) {
      const response = await api(path, { token });
      expect(response.status).toBe(200);
      return (await response.json()) as T;
    },
    async setFaults(faults: Partial<FaultConfig>) {
      await ok(
        await fetch(`${base}/__sandbox/faults`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(faults),
        }),
        'faults',
      );
    },
    async resetAll() {
      await ok(await fetch(`${base}/__sandbox/reset`, { method: 'POST' }), 'reset');
    },
  });
}
