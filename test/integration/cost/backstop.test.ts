// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

// Far enough ahead that every record has ended; about 1 account in 12 is disabled in the sandbox.
const AS_OF = '2100-01-01T00:00:00Z';
const QUERY = `query ($id: ID!, $asOf: DateTime!) {
  nonEmployeeRequestSummary { pending }
  nonEmployeeSource(id: $id) {
    name
    expiredRecords(accountEnabled: false, asOf: $asOf, first: 100) { truncated nodes { accountName } }
  }
}`;

let t: TestGateway;
let admin: string;
let sourceId: string;

beforeAll(async () => {
  t = await startGateway({
    sandbox: { scale: { sources: 1, recordsPerSource: 2000 } },
    env: { GRAPHQL_MAX_UPSTREAM_CALLS: '6' },
  });
  admin = await t.sandbox.tokenFor('admin');
  const seen = await t.gql(
    '{ nonEmployeeSources(first: 1) { edges { node { iscId } } } }',
    {},
    { token: admin },
  );
  sourceId = (seen.data as any).nonEmployeeSources.edges[0].node.iscId;
});
afterAll(() => t?.close());

describe('the run-time budget behind an optimistic estimate', () => {
  it('stops the field that outran it, and the rest of the answer keeps its data', async () => {
    const { result, stats } = await t.sandbox.callsDuring(() =>
      t.gql(QUERY, { id: sourceId, asOf: AS_OF }, { token: admin }),
    );
    const cost = (result.extensions as any).cost;
    // Planned: the summary, the sources list, one records page and its accounts call.
    expect(cost.estimatedCalls).toBe(4);
    expect(cost.bounds.join(' ')).toMatch(/optimistic/);
    // Disabled accounts are sparse: 100 of them need about 5 pages; the budget stops the scan at 6 calls.
    expect(stats.total).toBe(6);
    expect(cost.actualCalls).toBe(6);

    expect(result.data).not.toBeNull();
    const data = result.data as any;
    expect(typeof data.nonEmployeeRequestSummary.pending).toBe('number');
    expect(typeof data.nonEmployeeSource.name).toBe('string');
    expect(data.nonEmployeeSource.expiredRecords).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].path).toEqual(['nonEmployeeSource', 'expiredRecords']);
    expect(result.errors?.[0].extensions?.code).toBe('UPSTREAM_CALL_BUDGET_EXCEEDED');
  });

  it('answers the same field in full when the budget leaves room for the sparse scan', async () => {
    const roomy = await startGateway({
      sandbox: { scale: { sources: 1, recordsPerSource: 2000 } },
      env: { GRAPHQL_MAX_UPSTREAM_CALLS: '100' },
    });
    try {
      const token = await roomy.sandbox.tokenFor('admin');
      const seen = await roomy.gql(
        '{ nonEmployeeSources(first: 1) { edges { node { iscId } } } }',
        {},
        { token },
      );
      const id = (seen.data as any).nonEmployeeSources.edges[0].node.iscId;
      const result = await roomy.gql(QUERY, { id, asOf: AS_OF }, { token });
      expect(result.errors).toBeUndefined();
      const expired = (result.data as any).nonEmployeeSource.expiredRecords;
      expect(expired.truncated).toBe(true);
      expect(expired.nodes).toHaveLength(100);
      expect((result.extensions as any).cost.actualCalls).toBeGreaterThan(6);
    } finally {
      await roomy.close();
    }
  });
});
