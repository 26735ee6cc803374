import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway, uploadHeaders } from '../../helpers/gateway.ts';

const TIMEOUT_MS = 1500;
// Each answer must be out within the deadline plus this.
const SLACK_MS = 1000;

let t: TestGateway;
let admin: string;

beforeAll(async () => {
  // 32 connections, so that 100 queries also wait for the pool.
  t = await startGateway({
    env: { GRAPHQL_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS), UPSTREAM_CONNECTIONS: '32' },
  });
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.sandbox.setFaults({});
  await t.sandbox.resetStats();
});

const timed = async <T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
};

/** Calls that reach the sandbox after the answers are out: none may. */
const callsAfter = async (settleMs = 1000) => {
  const before = (await t.sandbox.stats()).total;
  await sleep(settleMs);
  return (await t.sandbox.stats()).total - before;
};

describe('the request deadline (GRAPHQL_REQUEST_TIMEOUT_MS)', () => {
  it('answers one query against a hung upstream within the deadline, with TIMEOUT', async () => {
    await t.sandbox.setFaults({ hang: true });
    const { value, ms } = await timed(() =>
      t.gql('{ nonEmployeeSources(first: 5) { totalCount } }', {}, { token: admin }),
    );
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(value.status).toBe(200);
    expect(value.errors?.[0].extensions?.code).toBe('TIMEOUT');
    expect(await callsAfter()).toBe(0);
  });

  it('answers 100 concurrent queries within the deadline though only 32 connections exist', async () => {
    const hundred = (query: string) =>
      Promise.all(Array.from({ length: 100 }, () => timed(() => t.gql(query, {}, { token: admin }))));
    // What 100 concurrent answers cost this machine right now, with no upstream call at all: on a
    // loaded machine that time is added to the deadline too, so the slack grows with it.
    const own = Math.max(...(await hundred('{ __typename }')).map((a) => a.ms));
    await t.sandbox.setFaults({ hang: true });
    const answers = await hundred('{ nonEmployeeSources(first: 5) { totalCount } }');
    const slowest = Math.max(...answers.map((a) => a.ms));
    expect(slowest).toBeLessThan(TIMEOUT_MS + Math.max(SLACK_MS, 3 * own));
    for (const { value } of answers) {
      expect(value.status).toBe(200);
      expect(value.errors?.[0].extensions?.code).toBe('TIMEOUT');
    }
    // How many queued calls got a connection here depends on how far apart the 100 deadlines fell
    // (a connection freed by one deadline goes to a request that still has time): the next test
    // holds the connections past the deadlines, so it can count exactly.
  });

  it('sends none of the calls that waited for a connection past their deadline, and opens no connection for them', async () => {
    const [source] = await t.sandbox.getJson<{ id: string }[]>('/v3/non-employee-sources?limit=1', admin);
    await t.sandbox.resetStats();
    // CSV exports stream long, so the GraphQL deadline does not end them: 32 slow ones hold every
    // connection past the deadline of the 30 queries behind them, then end and free them.
    await t.sandbox.setFaults({ latencyMs: 2500 });
    const downloads = Array.from({ length: 32 }, async () => {
      const response = await t.gateway.fetch(
        `http://gateway.test/exports/non-employee-sources/${source.id}/records.csv`,
        { headers: uploadHeaders(admin) },
      );
      return { status: response.status, text: await response.text() };
    });
    const deadline = Date.now() + 2000;
    while ((await t.sandbox.stats()).total < 32 && Date.now() < deadline) await sleep(20);
    expect((await t.sandbox.stats()).total).toBe(32);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        t.gql('{ nonEmployeeSources(first: 5) { totalCount } }', {}, { token: admin }),
      ),
    );
    for (const answer of answers) expect(answer.errors?.[0].extensions?.code).toBe('TIMEOUT');
    const { connections } = await t.sandbox.stats();
    for (const download of await Promise.all(downloads)) expect(download.status).toBe(200);
    // The 30 calls left the line with their requests: none is sent on the freed connections, and
    // none makes the pool open one (undici's own queue would connect for each, then hang up).
    expect(await callsAfter()).toBe(0);
    expect((await t.sandbox.stats()).total).toBe(32);
    // At most one: the stats request's own, should its keep-alive connection have closed.
    expect((await t.sandbox.stats()).connections - connections).toBeLessThanOrEqual(1);
  });

  it('keeps what loaded before the upstream hung, with TIMEOUT on the rest', async () => {
    await t.sandbox.setFaults({ latencyMs: 600 });
    const answer = t.gql(
      '{ nonEmployeeApprovals(first: 3) { edges { node { iscId request { approvalStatus } } } } }',
      {},
      { token: admin },
    );
    // The list call is in and answered after its latency; the request reads after it hang.
    await sleep(300);
    await t.sandbox.setFaults({ hang: true });
    const { value, ms } = await timed(() => answer);
    expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    const edges = value.data?.nonEmployeeApprovals.edges as { node: { iscId: string; request: unknown } }[];
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      expect(edge.node.iscId).toEqual(expect.any(String));
      expect(edge.node.request).toBeNull();
    }
    expect(value.errors?.every((error) => error.extensions?.code === 'TIMEOUT')).toBe(true);
    expect(await callsAfter()).toBe(0);
  });

  it('cancels the upstream calls of a client that went away', async () => {
    await t.sandbox.setFaults({ hang: true });
    const controller = new AbortController();
    const request = new Request('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: '{ nonEmployeeSources { totalCount } }' }),
      signal: controller.signal,
    });
    const answer = Promise.resolve(t.gateway.fetch(request)).catch((error: unknown) => error);
    await sleep(200);
    expect((await t.sandbox.stats()).total).toBe(1);
    controller.abort();
    await answer;
    expect(await callsAfter()).toBe(0);
  });

  it('stops the calls of a client that hung up on the HTTP server', async () => {
    const server = createServer(t.gateway);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await t.sandbox.setFaults({ latencyMs: 500 });
      const { port } = server.address() as AddressInfo;
      const client = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      });
      client.on('error', () => undefined);
      client.end(
        JSON.stringify({
          query: '{ nonEmployeeApprovals(first: 10) { edges { node { request { approvalStatus } } } } }',
        }),
      );
      await sleep(250);
      client.destroy();
      await sleep(1000);
      // The approvals list was in flight; the request reads it would have led to never started.
      expect((await t.sandbox.stats()).total).toBe(1);
    } finally {
      server.close();
    }
  });

  it('starts no call for a request already answered (a failed non-null field nulled its data)', async () => {
    const result = await t.gql(
      `{ a: nonEmployeeApprovals(first: 10) { edges { node { request { approvalStatus } } } }
         x: nonEmployeeRecords(first: 0) { totalCount } }`,
      {},
      { token: admin },
    );
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await sleep(1000);
    // At most the approvals list, in flight when the answer went out; none of the request reads after it.
    expect((await t.sandbox.stats()).total).toBeLessThanOrEqual(1);
  });

  it('leaves an ordinary query untouched', async () => {
    const result = await t.gql('{ nonEmployeeSources(first: 2) { totalCount } }', {}, { token: admin });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nonEmployeeSources.totalCount).toBeGreaterThan(0);
  });
});
