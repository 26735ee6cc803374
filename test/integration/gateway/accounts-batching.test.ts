// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NonEmployeeSource } from '../../../src/upstream/wire/nelm.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { type AccountTestKit, createAccountTestKit } from './account-test-kit.ts';

let t: TestGateway;
let measure: AccountTestKit['measure'];
let accountsOn: AccountTestKit['accountsOn'];
let sources: NonEmployeeSource[];

beforeAll(async () => {
  t = await startGateway({ sandbox: { scale: { sources: 3, recordsPerSource: 600 } } });
  const kit = createAccountTestKit(t, await t.sandbox.tokenFor('admin'));
  ({ measure, accountsOn } = kit);
  sources = await kit.rest<NonEmployeeSource[]>('/v3/non-employee-sources');
});
afterAll(() => t.close());

const PAGE_QUERY = `query($id: ID!, $after: String) {
  nonEmployeeSource(id: $id) {
    records(first: 250, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { accountName account { nativeIdentity disabled locked } } } } } }`;

describe('the accounts of records, counted at the sandbox', () => {
  it('a page of 250 records with `account { disabled locked }` costs exactly one accounts call', async () => {
    const source = sources[0];
    const { data, byRoute } = await measure(PAGE_QUERY, { id: source.id });
    const edges = data.nonEmployeeSource.records.edges;
    expect(edges).toHaveLength(250);
    expect(byRoute['GET /v3/accounts']).toBe(1);
    expect(Object.keys(byRoute).filter((route) => route.includes('accounts'))).toEqual(['GET /v3/accounts']);

    // Matched by key: each record's account is the one the sandbox holds under its account name.
    const expected = await accountsOn(source.sourceId as string);
    for (const { node } of edges) {
      const account = expected.get(node.accountName);
      expect(account).toBeDefined();
      expect(node.account).toEqual({
        nativeIdentity: node.accountName,
        disabled: account?.disabled,
        locked: account?.locked,
      });
    }
    // The seed has some disabled and some locked accounts: a positional mix-up would show.
    expect(edges.some((edge: any) => edge.node.account.disabled)).toBe(true);
    expect(edges.some((edge: any) => edge.node.account.locked)).toBe(true);
  });

  it('600 records over three pages cost three accounts calls, one per page', async () => {
    let after: string | null = null;
    let records = 0;
    let accountCalls = 0;
    for (let page = 0; page < 3; page++) {
      const { data, byRoute } = await measure(PAGE_QUERY, { id: sources[1].id, after });
      const connection = data.nonEmployeeSource.records;
      records += connection.edges.length;
      expect(
        connection.edges.every((edge: any) => edge.node.account?.nativeIdentity === edge.node.accountName),
      ).toBe(true);
      accountCalls += byRoute['GET /v3/accounts'] ?? 0;
      after = connection.pageInfo.endCursor;
      expect(connection.pageInfo.hasNextPage).toBe(page < 2);
    }
    expect(records).toBe(600);
    expect(accountCalls).toBe(3);
  });

  it('records of three sources in one request: one accounts call per source', async () => {
    const fields = 'edges { node { accountName account { locked } } }';
    const { data, byRoute } = await measure(
      `query($a: ID!, $b: ID!, $c: ID!) {
        a: nonEmployeeSource(id: $a) { records(first: 200) { ${fields} } }
        b: nonEmployeeSource(id: $b) { records(first: 200) { ${fields} } }
        c: nonEmployeeSource(id: $c) { records(first: 200) { ${fields} } } }`,
      { a: sources[0].id, b: sources[1].id, c: sources[2].id },
    );
    for (const alias of ['a', 'b', 'c']) {
      expect(data[alias].records.edges).toHaveLength(200);
      expect(
        data[alias].records.edges.every((edge: any) => typeof edge.node.account.locked === 'boolean'),
      ).toBe(true);
    }
    expect(byRoute['GET /v3/accounts']).toBe(3);
  });

  it('a selection with FULL-only fields is still one call per page, with no gets', async () => {
    const { data, byRoute } = await measure(
      `query($id: ID!) { nonEmployeeSource(id: $id) { records(first: 250) {
        edges { node { accountName account { disabled attributes identity { id name } origin } } } } } }`,
      { id: sources[2].id },
    );
    const edges = data.nonEmployeeSource.records.edges;
    expect(edges).toHaveLength(250);
    expect(
      edges.every((edge: any) => edge.node.account.attributes?.accountName === edge.node.accountName),
    ).toBe(true);
    expect(edges.every((edge: any) => edge.node.account.origin === 'AGGREGATED')).toBe(true);
    expect(byRoute['GET /v3/accounts']).toBe(1);
    expect(byRoute['GET /v3/accounts/:id']).toBeUndefined();
  });
});
