// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_OVERVIEW } from '../../../src/schema/example-operations.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { collectNext, openSse } from '../../helpers/sse-client.ts';

let t: TestGateway;
let admin: string;

beforeAll(async () => {
  t = await startGateway();
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

/** The payloads of one query answered incrementally over SSE. */
async function incremental(query: string): Promise<any[]> {
  const stream = await openSse((url, init) => t.gateway.fetch(url, init), 'http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query }),
  });
  expect(stream.status).toBe(200);
  return collectNext(stream);
}

/** The initial data with each deferred part put in at its path, and each streamed item appended. */
function merged(payloads: any[]): any {
  const data = structuredClone(payloads[0].data);
  for (const payload of payloads.slice(1)) {
    for (const part of payload.incremental ?? []) {
      let at = data;
      for (const key of part.path.slice(0, part.items ? -1 : undefined)) at = at[key];
      if (part.items) at.push(...part.items);
      else Object.assign(at, part.data);
    }
  }
  return data;
}

describe('@defer on the dashboard overview', () => {
  it('sends the counts first and the approvals after, the merged data equal to the whole answer, at the same calls', async () => {
    const whole = await t.sandbox.callsDuring(() => t.gql(DASHBOARD_OVERVIEW, {}, { token: admin }));
    expect(whole.result.errors).toBeUndefined();
    const parts = await t.sandbox.callsDuring(() => incremental(DASHBOARD_OVERVIEW));
    const payloads = parts.result;
    expect(payloads.length).toBeGreaterThanOrEqual(2);
    expect(payloads[0].hasNext).toBe(true);
    expect(Object.keys(payloads[0].data).sort()).toEqual([
      'nonEmployeeApprovalSummary',
      'nonEmployeeRequestSummary',
      'nonEmployeeSources',
    ]);
    expect(payloads.at(-1).hasNext).toBe(false);
    expect(payloads.at(-1).incremental[0]).toMatchObject({ label: 'approvals', path: [] });
    expect(merged(payloads)).toEqual(whole.result.data);
    expect(whole.result.data?.nonEmployeeApprovals.edges.length).toBeGreaterThan(0);
    expect(parts.stats.total).toBe(whole.stats.total);
    // Every payload carries the cost so far; the last one all of it.
    for (const payload of payloads) expect(payload.extensions.cost.estimatedCalls).toBeGreaterThan(0);
    expect(payloads.at(-1).extensions.cost.actualCalls).toBe(whole.stats.total);
  });

  it('answers one JSON result, the directive dropped, to a client that takes only JSON', async () => {
    const result = await t.gql(
      DASHBOARD_OVERVIEW,
      {},
      { token: admin, headers: { accept: 'application/json' } },
    );
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data ?? {})).toContain('nonEmployeeApprovals');
  });
});

describe('@stream', () => {
  it('streams list items after the first ones, the merged list equal to the whole answer', async () => {
    const query = '{ nonEmployeeSources(first: 50) { edges @stream(initialCount: 2) { node { id name } } } }';
    const whole = await t.gql(query.replace('@stream(initialCount: 2)', ''), {}, { token: admin });
    const payloads = await incremental(query);
    expect(payloads[0].data.nonEmployeeSources.edges).toHaveLength(2);
    expect(payloads.length).toBeGreaterThan(1);
    expect(merged(payloads)).toEqual(whole.data);
  });
});
