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

describe('node, nodes and lookups by id', () => {
  it('resolves node and nodes through the loaders, any mix of types, null for what is gone', async () => {
    const [record] = await rest<Record<string, any>[]>('/v3/non-employee-records?limit=2');
    const [source] = await rest<Record<string, any>[]>('/v3/non-employee-sources?limit=1');
    const ids = [
      encodeNodeId('NonEmployeeRecord', record.id),
      encodeNodeId('NonEmployeeSource', source.id),
      encodeNodeId('NonEmployeeRecord', 'ffffffffffffffffffffffffffffffff'),
    ];
    const result = await t.gql(
      `query($ids: [ID!]!, $one: ID!) {
        nodes(ids: $ids) { __typename id ... on NonEmployeeRecord { accountName } ... on NonEmployeeSource { name } }
        node(id: $one) { __typename id } }`,
      { ids, one: ids[1] },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([
      { __typename: 'NonEmployeeRecord', id: ids[0], accountName: record.accountName },
      { __typename: 'NonEmployeeSource', id: ids[1], name: source.name },
      null,
    ]);
    expect(result.data?.node).toEqual({ __typename: 'NonEmployeeSource', id: ids[1] });
  });

  it('refetches a schema attribute and an account by the ids the graph gave them', async () => {
    const listed = await t.gql(
      `{ nonEmployeeRecords(first: 1) { edges { node { account { id iscId nativeIdentity }
          source { schemaAttributes { id technicalName } } } } } }`,
      {},
      { token: admin },
    );
    expect(listed.errors).toBeUndefined();
    const node = listed.data?.nonEmployeeRecords.edges[0].node;
    const attribute = node.source.schemaAttributes.at(-1);
    const result = await t.gql(
      `query($attribute: ID!, $account: ID!, $accountIsc: ID!) {
        node(id: $attribute) { ... on NonEmployeeSchemaAttribute { technicalName } }
        account(id: $account) { nativeIdentity }
        byIsc: account(id: $accountIsc) { nativeIdentity } }`,
      { attribute: attribute.id, account: node.account.id, accountIsc: node.account.iscId },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      node: { technicalName: attribute.technicalName },
      account: { nativeIdentity: node.account.nativeIdentity },
      byIsc: { nativeIdentity: node.account.nativeIdentity },
    });
  });

  it('reads one schema attribute by its own get, several of a source by one list', async () => {
    const listed = await t.gql(
      '{ nonEmployeeSources(first: 1) { edges { node { schemaAttributes { id technicalName } } } } }',
      {},
      { token: admin },
    );
    const [first, second] = listed.data?.nonEmployeeSources.edges[0].node.schemaAttributes ?? [];
    const lookup =
      'query($ids: [ID!]!) { nodes(ids: $ids) { ... on NonEmployeeSchemaAttribute { technicalName } } }';
    const one = await t.measure(lookup, { ids: [first.id] }, { token: admin });
    expect(one.data.nodes).toEqual([{ technicalName: first.technicalName }]);
    expect(Object.keys(one.byRoute)).toEqual([
      'GET /v3/non-employee-sources/:sourceId/schema-attributes/:attributeId',
    ]);
    const two = await t.measure(lookup, { ids: [first.id, second.id] }, { token: admin });
    expect(two.data.nodes).toHaveLength(2);
    expect(Object.keys(two.byRoute)).toEqual(['GET /v3/non-employee-sources/:sourceId/schema-attributes']);
    expect(two.calls).toBe(1);
  });

  it('treats "abc" and "" alike: BAD_USER_INPUT at their own path, while nodes answers its other ids', async () => {
    const [source] = await rest<Record<string, any>[]>('/v3/non-employee-sources?limit=1');
    const good = encodeNodeId('NonEmployeeSource', source.id);
    const gone = encodeNodeId('NonEmployeeRecord', 'ffffffffffffffffffffffffffffffff');
    const notIsc = encodeNodeId('NonEmployeeRecord', 'abc');
    const result = await t.gql(
      `query($ids: [ID!]!) { abc: node(id: "abc") { id } empty: node(id: "") { id }
        nodes(ids: $ids) { __typename id } }`,
      { ids: ['abc', good, '', gone, notIsc] },
      { token: admin },
    );
    expect(result.data).toEqual({
      abc: null,
      empty: null,
      nodes: [null, { __typename: 'NonEmployeeSource', id: good }, null, null, null],
    });
    const errors = (result.errors ?? []).map((error) => ({
      path: error.path,
      code: error.extensions?.code,
      message: error.message,
    }));
    expect(errors).toEqual(
      [
        { path: ['abc'], value: 'abc' },
        { path: ['empty'], value: '' },
        { path: ['nodes', 0], value: 'abc' },
        { path: ['nodes', 2], value: '' },
        { path: ['nodes', 4], value: notIsc },
      ].map(({ path, value }) =>
        expect.objectContaining({
          path,
          code: 'BAD_USER_INPUT',
          message: `"${value}" is not a valid node id (a global id, as an \`id\` field gives it).`,
        }),
      ),
    );
  });

  it('gives null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const missing = await t.gql(
      `{ nonEmployeeRecord(id: "ffffffffffffffffffffffffffffffff") { id } }`,
      {},
      { token: admin },
    );
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.nonEmployeeRecord).toBeNull();

    const wrongType = await t.gql(
      `query($id: ID!) { nonEmployeeSource(id: $id) { id } }`,
      { id: encodeNodeId('NonEmployeeRecord', 'abc') },
      { token: admin },
    );
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongType.errors?.[0].message).toMatch(/expects a NonEmployeeSource id/);

    for (const query of [
      `{ nonEmployeeRecord(id: "not an id!") { id } }`,
      `{ node(id: "bm90OmFuIGlk") { id } }`,
      `{ nonEmployeeRecords(sourceId: "x\\" or 1 eq 1", first: 1) { totalCount } }`,
    ]) {
      const result = await t.gql(query, {}, { token: admin });
      expect(result.status).toBe(200);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
