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
  it('refuses a request whose estimate passes the upstream-call budget, before any call', async () => {
    const { result, stats } = await t.sandbox.callsDuring(() =>
      t.gql(
        `{ nonEmployeeApprovals(first: 10) { edges { node { iscId request { accountName firstName } } } } }`,
        {},
        { token: admin },
      ),
    );
    // The list and up to one get per approval's request: 11 against a budget of 3.
    expect(stats.total).toBe(0);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('UPSTREAM_CALL_BUDGET_EXCEEDED');
    expect(result.errors?.[0].message).toMatch(/up to 11 upstream calls, more than the 3/);
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
