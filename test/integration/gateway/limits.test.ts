import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

let t: TestGateway;
let admin: string;

beforeAll(async () => {
  t = await startGateway({ env: { GRAPHQL_MAX_UPSTREAM_CALLS: '3', GRAPHQL_MAX_DEPTH: '8' } });
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

describe('request limits', () => {
  it('stops a request at its upstream-call budget, keeping the data loaded within it', async () => {
    const { result, stats } = await t.sandbox.callsDuring(() =>
      t.gql(
        `{ nonEmployeeApprovals(first: 10) { edges { node { iscId request { accountName firstName } } } } }`,
        {},
        { token: admin },
      ),
    );
    expect(stats.total).toBe(3);
    expect(result.errors?.[0].extensions?.code).toBe('UPSTREAM_CALL_BUDGET_EXCEEDED');
    expect(result.errors?.[0].message).toMatch(/more than 3 upstream calls/);
    const edges = result.data?.nonEmployeeApprovals.edges as { node: { request: unknown } }[];
    const missing = edges.filter((edge) => edge.node.request === null).length;
    // The list and two request reads fit the budget: their data is there, the rest is null with an error each.
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(edges.length);
    expect(result.errors).toHaveLength(missing);
  });

  it('refuses a query deeper than the configured depth before calling upstream', async () => {
    const { result, stats: calls } = await t.sandbox.callsDuring(() =>
      t.gql(
        `{ nonEmployeeApprovals { edges { node { request { approvals { request { approvals { request { source { name } } } } } } } } } }`,
        {},
        { token: admin },
      ),
    );
    expect(result.errors?.[0].message).toMatch(/depth/i);
    expect(calls.total).toBe(0);
  });
});
