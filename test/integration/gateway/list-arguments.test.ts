// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

let t: TestGateway;
let admin: string;

beforeAll(async () => {
  t = await startGateway();
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

describe('list arguments', () => {
  it('filters and orders lists with typed arguments only', async () => {
    const result = await t.gql(
      `{ nonEmployeeApprovals(first: 20, approvalStatus: PENDING, orderBy: [{ field: CREATED, direction: DESC }]) {
          edges { node { approvalStatus created } } } }`,
      {},
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.nonEmployeeApprovals.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node: { approvalStatus: string }) => node.approvalStatus === 'PENDING')).toBe(true);
    const created = nodes.map((node: { created: string }) => node.created);
    expect(created).toEqual([...created].sort().reverse());

    const freeForm = await t.gql(
      `{ nonEmployeeRecords(filters: "sourceId eq \\"x\\"") { totalCount } }`,
      {},
      {
        token: admin,
      },
    );
    expect(freeForm.errors?.[0].message).toMatch(/Unknown argument "filters"/);
  });
});
