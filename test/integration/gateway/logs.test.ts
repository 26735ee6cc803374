import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../../src/schema/context.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { type CapturedLogs, captureLogs } from '../../helpers/log-capture.ts';

const RECORDS = `query Records {
  nonEmployeeRecords(first: 5) { edges { node { accountName email firstName lastName phone } } }
}`;

let logs: CapturedLogs;
let t: TestGateway;
let token: string;

// An operation named Crash fails the way a bug would: a plain Error behind its GraphQL error.
const crash: Plugin<GatewayContext> = {
  onExecute({ args, setExecuteFn }) {
    if (args.operationName !== 'Crash') return;
    setExecuteFn(() => ({
      data: null,
      errors: [new GraphQLError('boom', { originalError: new Error('a bug met at run time') })],
    }));
  },
};

beforeAll(async () => {
  logs = captureLogs();
  // The service account: its client secret and its token must stay out of the logs too.
  t = await startGateway({ serviceAccount: true, deps: { logger: logs.logger, plugins: [crash] } });
  token = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  t.gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const linesOf = (requestId: string) => logs.lines().filter((line) => line.reqId === requestId);

describe('logs', () => {
  it('are JSON lines carrying the request id the response names, generated when not sent', async () => {
    const response = await post({ query: RECORDS }, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = linesOf(id as string);
    expect(lines.find((line) => line.msg === 'graphql request')).toMatchObject({
      level: 'info',
      operation: 'Records',
      operationType: 'query',
      outcome: 'success',
      upstreamCalls: 1,
      durationMs: expect.any(Number),
      time: expect.any(String),
    });
    expect(lines.find((line) => line.msg === 'upstream call')).toMatchObject({
      level: 'debug',
      method: 'GET',
      route: '/non-employee-records',
      status: 200,
    });
  });

  it("keeps the caller's x-request-id when it is plain, and replaces one that is not", async () => {
    const kept = await post({ query: '{ __typename }' }, { 'x-request-id': 'client-req-42' });
    expect(kept.headers.get('x-request-id')).toBe('client-req-42');
    expect(linesOf('client-req-42').map((line) => line.msg)).toContain('graphql request');

    const unreadable = await t.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'client-req-43' },
      body: '{"query": ',
    });
    expect(unreadable.status).toBe(400);
    expect(linesOf('client-req-43').find((line) => line.msg === 'graphql request')).toMatchObject({
      outcome: 'error',
      status: 400,
      upstreamCalls: 0,
    });

    const odd = `x${'y'.repeat(200)}`;
    const replaced = await post({ query: '{ __typename }' }, { 'x-request-id': odd });
    expect(replaced.headers.get('x-request-id')).not.toBe(odd);
    expect(logs.text()).not.toContain(odd);
  });

  it('logs the upstream calls of a CSV export under its request id', async () => {
    const sources = await post(
      { query: '{ nonEmployeeSources(first: 1) { edges { node { iscId } } } }' },
      { authorization: `Bearer ${token}` },
    );
    const { data } = (await sources.json()) as {
      data: { nonEmployeeSources: { edges: { node: { iscId: string } }[] } };
    };
    const id = data.nonEmployeeSources.edges[0].node.iscId;
    const csv = await t.gateway.fetch(`http://gateway.test/exports/non-employee-sources/${id}/records.csv`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'export-1', 'x-graphql-csrf': '1' },
    });
    expect(csv.status).toBe(200);
    await csv.text();
    expect(csv.headers.get('x-request-id')).toBe('export-1');
    expect(linesOf('export-1').find((line) => line.msg === 'upstream call')).toMatchObject({
      route: '/non-employee-sources/{sourceId}/non-employees/download',
      status: 200,
    });
  });

  it('logs every 429 of a storm at warn, with its request id', async () => {
    await t.sandbox.resetStats();
    await t.sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 0 });
    try {
      const response = await post(
        {
          // One call: with two, the answer could go out while the other still retries.
          query: '{ nonEmployeeSources(first: 2) { totalCount } }',
        },
        { authorization: `Bearer ${token}` },
      );
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      const stats = await t.sandbox.stats();
      expect(stats.byStatus['429']).toBeGreaterThan(2);
      const lines = linesOf(response.headers.get('x-request-id') as string);
      const warned = lines.filter((line) => line.msg === 'upstream rate limited (429)');
      expect(warned).toHaveLength(stats.byStatus['429']);
      expect(warned.every((line) => line.level === 'warn' && line.status === 429)).toBe(true);
      // Each call made all its attempts; every one after the first is a retry, logged at warn too.
      const retried = lines.filter((line) => line.msg === 'upstream call retried');
      expect(retried).toHaveLength(stats.byStatus['429'] - 1);
      expect(retried.every((line) => line.level === 'warn')).toBe(true);
    } finally {
      await t.sandbox.setFaults({});
    }
  });

  it("write an unexpected failure once, on its request's line, and answer it masked", async () => {
    const answer = await post({ query: 'query Crash { __typename }', operationName: 'Crash' });
    const body = (await answer.json()) as { errors: { message: string }[] };
    expect(body.errors.map((error) => error.message)).toEqual(['Unexpected error.']);
    const id = answer.headers.get('x-request-id') as string;
    const failures = logs.lines().filter((line) => JSON.stringify(line).includes('a bug met at run time'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 'error', source: 'yoga', reqId: id });
  });

  it('never carry a token, a secret or personal data, at any level', async () => {
    const answer = await post({ query: RECORDS }, { authorization: `Bearer ${token}` });
    const { data } = (await answer.json()) as {
      data: { nonEmployeeRecords: { edges: { node: Record<string, string> }[] } };
    };
    // The service account's token, a refused token, an upstream outage and an unexpected failure.
    await post({ query: RECORDS });
    await post({ query: RECORDS }, { authorization: 'Bearer not-a-real-token-0123456789' });
    await t.sandbox.setFaults({ failNext: Array.from({ length: 4 }, () => ({ status: 503 })) });
    await post({ query: RECORDS }, { authorization: `Bearer ${token}` });
    await t.sandbox.setFaults({});

    const text = logs.text();
    expect(logs.lines().every((line) => typeof line.reqId === 'string')).toBe(true);
    expect(text).toContain('upstream call');
    expect(text).toContain('upstream UPSTREAM_UNAVAILABLE');
    expect(text).not.toContain(token);
    expect(text).not.toContain('not-a-real-token-0123456789');
    expect(text).not.toContain(t.sandbox.admin.clientSecret);
    expect(text).not.toMatch(/bearer\s+\S/i);
    const people = data.nonEmployeeRecords.edges.flatMap(({ node }) => [
      node.email,
      node.phone,
      node.lastName,
    ]);
    expect(people.length).toBe(15);
    for (const value of people) expect(text).not.toContain(value);
  });
});
