// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/schema/ids.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

let t: TestGateway;
let admin: string;

beforeAll(async () => {
  t = await startGateway();
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

const rest = <T>(path: string): Promise<T> => t.sandbox.getJson<T>(path, admin);

const SOURCE_FIELDS = `id iscId name description sourceId nonEmployeeCount created modified
  approvers { type id } accountManagers { type id }`;

describe('reads of non-employee sources', () => {
  it('reads sources with their counts, approvers and schema, equal to the REST answers', async () => {
    const result = await t.gql(
      `{ nonEmployeeSources(first: 50) { totalCount edges { cursor node { ${SOURCE_FIELDS}
          schemaAttributes { id iscId type label technicalName required system source { iscId } } } } } }`,
      {},
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    const rows = await rest<{ id: string; name: string; nonEmployeeCount: number; approvers: unknown[] }[]>(
      '/v3/non-employee-sources?non-employee-count=true',
    );
    const connection = result.data?.nonEmployeeSources;
    expect(connection.totalCount).toBe(rows.length);
    const nodes = connection.edges.map((edge: { node: Record<string, any> }) => edge.node);
    expect(nodes.map((node: { iscId: string }) => node.iscId)).toEqual(rows.map((row) => row.id));
    for (const [index, node] of nodes.entries()) {
      expect(node.name).toBe(rows[index].name);
      expect(node.nonEmployeeCount).toBe(rows[index].nonEmployeeCount);
      expect(node.approvers).toEqual(rows[index].approvers);
      expect(node.id).toBe(encodeNodeId('NonEmployeeSource', rows[index].id));
      const attributes = await rest<{ id: string; technicalName: string; system: boolean }[]>(
        `/v3/non-employee-sources/${rows[index].id}/schema-attributes`,
      );
      expect(attributes.length).toBeGreaterThanOrEqual(8);
      expect(
        node.schemaAttributes.map((a: Record<string, any>) => [a.iscId, a.technicalName, a.system]),
      ).toEqual(attributes.map((a) => [a.id, a.technicalName, a.system]));
      expect(
        node.schemaAttributes.every((a: { source: { iscId: string } }) => a.source.iscId === node.iscId),
      ).toBe(true);
    }
  });

  it('reads a source by global id and by ISC id, and its records and requests', async () => {
    const [row] = await rest<{ id: string; name: string }[]>('/v3/non-employee-sources?limit=1');
    const query = `query($id: ID!) { nonEmployeeSource(id: $id) { iscId name
      records(first: 3) { edges { node { iscId accountName source { iscId } } } }
      requests(first: 3) { edges { node { iscId accountName source { iscId name } } } } } }`;
    const byIsc = await t.gql(query, { id: row.id }, { token: admin });
    const byGlobal = await t.gql(query, { id: encodeNodeId('NonEmployeeSource', row.id) }, { token: admin });
    expect(byIsc.errors).toBeUndefined();
    expect(byGlobal.data).toEqual(byIsc.data);
    const source = byIsc.data?.nonEmployeeSource;
    expect(source.name).toBe(row.name);
    expect(source.records.edges).toHaveLength(3);
    for (const edge of source.records.edges) expect(edge.node.source.iscId).toBe(row.id);
    const requests = await rest<{ id: string }[]>(
      `/v3/non-employee-requests?requested-for=me&limit=3&filters=${encodeURIComponent(`sourceId eq "${row.id}"`)}`,
    );
    expect(requests.length).toBeGreaterThan(0);
    expect(source.requests.edges.map((edge: { node: any }) => edge.node)).toEqual(
      requests.map((request) =>
        expect.objectContaining({ iscId: request.id, source: { iscId: row.id, name: row.name } }),
      ),
    );
  });
});
