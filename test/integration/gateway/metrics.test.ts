import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

/** The sources list, then one records page per source (plus its count): several upstream calls. */
const SOURCE_RECORDS = `query SourceRecords {
  nonEmployeeSources(first: 3) { edges { node { name records(first: 2) { totalCount } } } }
}`;

let t: TestGateway;
let token: string;

beforeAll(async () => {
  t = await startGateway();
  token = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

const scrape = async (): Promise<string> => {
  const response = await t.gateway.fetch('http://gateway.test/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};

/** The sum of a metric's samples whose labels include every `labels` pair. */
const sample = (text: string, name: string, labels: Record<string, string> = {}): number => {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const pairs = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
    );
    if (Object.entries(labels).every(([key, value]) => pairs[key] === value)) sum += Number(match[3]);
  }
  return sum;
};

describe('/metrics', () => {
  it('counts one query: upstream requests as the sandbox saw them, one request in the histogram', async () => {
    const before = await scrape();
    await t.sandbox.resetStats();
    const result = await t.gql(SOURCE_RECORDS, {}, { token });
    expect(result.errors).toBeUndefined();
    const stats = await t.sandbox.stats();
    const after = await scrape();

    const delta = (name: string, labels?: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(stats.total).toBeGreaterThan(1);
    expect(delta('gateway_upstream_requests_total')).toBe(stats.total);
    expect(delta('gateway_upstream_requests_total', { method: 'GET', route: '/non-employee-records' })).toBe(
      stats.byRoute['GET /v3/non-employee-records'],
    );
    expect(delta('gateway_graphql_request_duration_seconds_count', { operation: 'SourceRecords' })).toBe(1);
    expect(delta('gateway_graphql_requests_total', { operation: 'SourceRecords', outcome: 'success' })).toBe(
      1,
    );
    expect(delta('gateway_graphql_request_upstream_calls_sum', { operation: 'SourceRecords' })).toBe(
      stats.total,
    );
  });

  it('labels routes by template and never carries ids, tokens or filter values', async () => {
    const records = await t.gql(
      `{ nonEmployeeRecords(first: 1) { edges { node { iscId } } } }`,
      {},
      { token },
    );
    const id = records.data?.nonEmployeeRecords.edges[0].node.iscId as string;
    await t.gql(`query One($id: ID!) { nonEmployeeRecord(id: $id) { accountName } }`, { id }, { token });
    const text = await scrape();
    expect(sample(text, 'gateway_upstream_requests_total', { route: '/non-employee-records/{id}' })).toBe(1);
    expect(text).not.toContain(id);
    expect(text).not.toContain(token);
  });

  it('counts errors by code, retries and 429s', async () => {
    const before = await scrape();
    await t.sandbox.setFaults({ failNext: [{ status: 429, retryAfterSeconds: 0 }, { status: 503 }] });
    const result = await t.gql(`{ nonEmployeeSources(first: 1) { totalCount } }`, {}, { token });
    expect(result.errors).toBeUndefined();
    const unauthenticated = await t.gql(`{ nonEmployeeSources(first: 1) { totalCount } }`, {}, {});
    expect(unauthenticated.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const after = await scrape();
    const delta = (name: string, labels?: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta('gateway_upstream_rate_limited_total')).toBe(1);
    expect(delta('gateway_upstream_retries_total', { route: '/non-employee-sources' })).toBe(2);
    expect(delta('gateway_upstream_requests_total', { status: '503' })).toBe(1);
    expect(delta('gateway_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(delta('gateway_graphql_requests_total', { operation: 'anonymous', outcome: 'error' })).toBe(1);
  });

  it('bounds operation names: odd ones count as other', async () => {
    await t.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { __typename }', operationName: 'A" } evil' }),
    });
    const text = await scrape();
    expect(text).not.toContain('evil');
    expect(sample(text, 'gateway_graphql_requests_total', { operation: 'other' })).toBe(1);
  });
});

describe('throttle waits', () => {
  it('counts the calls the gateway held back for its own rate limit, and their seconds', async () => {
    const limited = await startGateway({
      env: { UPSTREAM_RATE_LIMIT: '2', UPSTREAM_RATE_LIMIT_WINDOW_MS: '200' },
    });
    try {
      const bearer = await limited.sandbox.tokenFor('admin');
      const result = await limited.gql(SOURCE_RECORDS, {}, { token: bearer });
      expect(result.errors).toBeUndefined();
      const text = await (await limited.gateway.fetch('http://gateway.test/metrics')).text();
      // 4 calls at 2 per window: the last two wait for the next window.
      expect(sample(text, 'gateway_upstream_throttle_wait_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'gateway_upstream_throttle_wait_seconds_sum')).toBeGreaterThan(0);
      expect(sample(text, 'gateway_upstream_rate_limited_total')).toBe(0);
    } finally {
      await limited.close();
    }
  });
});

describe('METRICS=false', () => {
  it('serves no /metrics', async () => {
    const off = await startGateway({ env: { METRICS: 'false' } });
    try {
      const response = await off.gateway.fetch('http://gateway.test/metrics');
      expect(response.status).not.toBe(200);
      expect(await response.text()).not.toContain('gateway_');
    } finally {
      await off.close();
    }
  });
});
