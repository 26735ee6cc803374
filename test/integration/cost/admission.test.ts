// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

const GRAPHQL_RESPONSE = { accept: 'application/graphql-response+json' };
const recordIds = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    Buffer.from(`NonEmployeeRecord:${(from + i).toString(16).padStart(32, '0')}`).toString('base64'),
  );
/** One get per id: as many calls as ids. */
const NODES = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';

let t: TestGateway | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const post = async (
  gateway: TestGateway,
  query: string,
  variables: object,
  headers: Record<string, string>,
) => {
  const response = await gateway.gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
};

describe('refusal before spending', () => {
  it('nodes(150 ids) and three levels of first: 250 are refused with 0 upstream calls', async () => {
    t = await startGateway({ sandbox: { scale: { sources: 2, recordsPerSource: 5 } } });
    const gateway = t;
    const token = await gateway.sandbox.tokenFor('admin');
    const headers = { ...GRAPHQL_RESPONSE, authorization: `Bearer ${token}` };
    const nested = `{ nonEmployeeSources(first: 250) { edges { node { records(first: 250) { edges { node {
      account { entitlements(first: 250) { edges { node { name } } } } } } } } } } }`;
    for (const [query, variables] of [
      [NODES, { ids: recordIds(150) }],
      [nested, {}],
    ] as const) {
      const { result, stats } = await gateway.sandbox.callsDuring(() =>
        post(gateway, query, variables, headers),
      );
      expect(stats.total).toBe(0);
      expect(result.status).toBe(400);
      expect(result.headers.get('content-type')).toContain('application/graphql-response+json');
      const error = result.body.errors[0];
      expect(error.extensions.code).toBe('UPSTREAM_CALL_BUDGET_EXCEEDED');
      expect(error.extensions.maxCalls).toBe(100);
      expect(error.extensions.estimatedCalls).toBeGreaterThan(100);
      expect(result.body.data).toBeUndefined();
    }
  });

  it('nodes(154 malformed ids) is BAD_USER_INPUT at each id, not a budget refusal, with 0 upstream calls', async () => {
    t = await startGateway({ sandbox: { scale: { sources: 2, recordsPerSource: 5 } } });
    const gateway = t;
    const headers = {
      ...GRAPHQL_RESPONSE,
      authorization: `Bearer ${await gateway.sandbox.tokenFor('admin')}`,
    };
    // Each decodes as base64 of `<Type>:<id>` or not at all; none is a global id of ours.
    const ids = [
      '',
      'abc',
      'not base64!',
      Buffer.from(`User:${'0'.repeat(32)}`).toString('base64'),
      ...Array.from({ length: 150 }, (_, i) =>
        Buffer.from(`NonEmployeeRecord:not-isc-${i}`).toString('base64'),
      ),
    ];
    const { result, stats } = await gateway.sandbox.callsDuring(() => post(gateway, NODES, { ids }, headers));
    expect(stats.total).toBe(0);
    expect(result.status).toBe(200);
    expect(result.body.data.nodes).toEqual(ids.map(() => null));
    expect(result.body.errors).toHaveLength(ids.length);
    expect(result.body.errors.map((error: any) => [error.path, error.extensions.code])).toEqual(
      ids.map((_, index) => [['nodes', index], 'BAD_USER_INPUT']),
    );
    expect(result.body.extensions.cost).toMatchObject({ estimatedCalls: 0, actualCalls: 0 });
  });

  it('a dry run (x-cost-only: true) answers the estimate with 0 calls; COST_EXTENSION=false leaves it out', async () => {
    t = await startGateway({
      sandbox: { scale: { sources: 2, recordsPerSource: 5 } },
      env: { COST_EXTENSION: 'false' },
    });
    const gateway = t;
    const authorization = `Bearer ${await gateway.sandbox.tokenFor('admin')}`;
    const dry = await gateway.sandbox.callsDuring(() =>
      post(gateway, NODES, { ids: recordIds(7) }, { authorization, 'x-cost-only': 'true' }),
    );
    expect(dry.stats.total).toBe(0);
    expect(dry.result.body.extensions.cost).toMatchObject({ estimatedCalls: 7, actualCalls: 0 });
    const run = await post(gateway, NODES, { ids: recordIds(2) }, { authorization });
    expect(run.body.data.nodes).toEqual([null, null]);
    expect(run.body.extensions?.cost).toBeUndefined();
  });
});

describe('window-aware admission, the sandbox at 100 calls per 10 s', () => {
  const limited = (env: Record<string, string>) =>
    startGateway({
      sandbox: { rateLimit: 100, rateLimitWindowMs: 10_000, scale: { sources: 2, recordsPerSource: 5 } },
      env: { UPSTREAM_RATE_LIMIT: '100', UPSTREAM_RATE_LIMIT_WINDOW_MS: '10000', ...env },
    });

  it('with UPSTREAM_MAX_RETRY_AFTER_MS=2000, after 90 calls: 30 is RATE_LIMITED at once with 0 calls, 5 runs', async () => {
    t = await limited({ UPSTREAM_MAX_RETRY_AFTER_MS: '2000' });
    const gateway = t;
    const headers = {
      ...GRAPHQL_RESPONSE,
      authorization: `Bearer ${await gateway.sandbox.tokenFor('admin')}`,
    };
    const spent = await post(gateway, NODES, { ids: recordIds(90) }, headers);
    expect(spent.body.extensions.cost).toMatchObject({ estimatedCalls: 90, actualCalls: 90 });
    expect(spent.body.extensions.cost.window).toMatchObject({ limit: 100, remaining: 10 });

    const started = Date.now();
    const refused = await gateway.sandbox.callsDuring(() =>
      post(gateway, NODES, { ids: recordIds(30, 100) }, headers),
    );
    const tookMs = Date.now() - started;
    expect(refused.stats.total).toBe(0);
    expect(refused.result.status).toBe(429);
    expect(Number(refused.result.headers.get('retry-after'))).toBeGreaterThan(0);
    const error = refused.result.body.errors[0];
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', estimatedCalls: 30 });
    expect(error.extensions.retryAfter).toBeGreaterThan(0);
    console.log(`RATE_LIMITED answered in ${tookMs} ms`);
    // Far from the ~10 s a wait for the window would take.
    expect(tookMs).toBeLessThan(5000);

    const small = await gateway.sandbox.callsDuring(() =>
      post(gateway, NODES, { ids: recordIds(5, 200) }, headers),
    );
    expect(small.result.status).toBe(200);
    expect(small.stats.total).toBe(5);
    expect(small.result.body.extensions.cost).toMatchObject({
      estimatedCalls: 5,
      actualCalls: 5,
      throttledMs: 0,
    });
  });

  it('with the default cap the 30 waits for the window and completes with no 429', {
    timeout: 60_000,
  }, async () => {
    t = await limited({ UPSTREAM_MAX_RETRY_AFTER_MS: '60000', GRAPHQL_REQUEST_TIMEOUT_MS: '40000' });
    const gateway = t;
    const headers = {
      ...GRAPHQL_RESPONSE,
      authorization: `Bearer ${await gateway.sandbox.tokenFor('admin')}`,
    };
    await post(gateway, NODES, { ids: recordIds(90) }, headers);
    const waited = await gateway.sandbox.callsDuring(() =>
      post(gateway, NODES, { ids: recordIds(30, 100) }, headers),
    );
    expect(waited.result.status).toBe(200);
    expect(waited.result.body.errors).toBeUndefined();
    expect(waited.stats.total).toBe(30);
    expect(waited.stats.byStatus['429'] ?? 0).toBe(0);
    expect(waited.result.body.extensions.cost.actualCalls).toBe(30);
    expect(waited.result.body.extensions.cost.throttledMs).toBeGreaterThan(0);
  });
});
