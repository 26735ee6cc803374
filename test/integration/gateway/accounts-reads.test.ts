// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/schema/ids.ts';
import type { Account, Entitlement } from '../../../src/upstream/wire/accounts.ts';
import type { NonEmployeeSource } from '../../../src/upstream/wire/nelm.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { type AccountTestKit, createAccountTestKit } from './account-test-kit.ts';

let t: TestGateway;
let admin: string;
let rest: AccountTestKit['rest'];
let measure: AccountTestKit['measure'];
let source: NonEmployeeSource;
let iscSourceId: string;
/** The first 250 accounts of the source, straight from the sandbox. */
let accounts: Account[];

/** 2,000 records on a source: 8 pages of 250. */
const RECORDS = 2000;

beforeAll(async () => {
  t = await startGateway({ sandbox: { scale: { sources: 2, recordsPerSource: RECORDS } } });
  admin = await t.sandbox.tokenFor('admin');
  const kit = createAccountTestKit(t, admin);
  ({ rest, measure } = kit);
  ({ source, accounts } = await kit.firstSourceAccounts());
  iscSourceId = source.sourceId as string;
});
afterAll(() => t.close());

describe('the accounts connection', () => {
  it('filters by native identity with `in`, and by source', async () => {
    const names = [accounts[3], accounts[100], accounts[200]].map((account) => account.nativeIdentity);
    const { data, byRoute } = await measure(
      `query($names: [String!], $source: String!) {
        accounts(nativeIdentity: { in: $names }, sourceId: { eq: $source }, first: 10) {
          totalCount edges { node { nativeIdentity sourceId sourceName } } } }`,
      { names, source: iscSourceId },
    );
    expect(data.accounts.totalCount).toBe(3);
    expect(data.accounts.edges.map((edge: any) => edge.node.nativeIdentity).sort()).toEqual(
      [...names].sort(),
    );
    expect(data.accounts.edges.every((edge: any) => edge.node.sourceId === iscSourceId)).toBe(true);
    expect(byRoute).toEqual({ 'GET /v3/accounts': 1 });
  });

  it('filters with `sw`, booleans and a created range, and sorts', async () => {
    const prefix = accounts[0].nativeIdentity.slice(0, 2);
    const { data } = await measure(
      `query($prefix: String!, $source: String!, $from: DateTime!) {
        accounts(name: { sw: $prefix }, sourceId: { eq: $source }, hasEntitlements: false,
                 created: { ge: $from }, orderBy: [{ field: NAME, direction: DESC }], first: 250) {
          edges { node { name hasEntitlements created } } } }`,
      { prefix, source: iscSourceId, from: '2000-01-01T00:00:00Z' },
    );
    const nodes = data.accounts.edges.map((edge: any) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.name.startsWith(prefix)).toBe(true);
      expect(node.hasEntitlements).toBe(false);
    }
    const names = nodes.map((node: any) => node.name.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());

    const none = await measure(
      `query($source: String!) { accounts(sourceId: { eq: $source }, created: { lt: "2000-01-01T00:00:00Z" }) {
        totalCount } }`,
      { source: iscSourceId },
    );
    expect(none.data.accounts.totalCount).toBe(0);
  });

  it('refuses an empty or oversized `in` as a readable error, with no upstream call', async () => {
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      const empty = await t.gql(`{ accounts(id: { in: [] }) { totalCount } }`, {}, { token: admin });
      expect(empty.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(empty.errors?.[0].message).toContain('id.in');
      const many = Array.from({ length: 251 }, (_, index) => `id${index}`);
      const oversized = await t.gql(
        `query($ids: [String!]) { accounts(id: { in: $ids }) { totalCount } }`,
        { ids: many },
        { token: admin },
      );
      expect(oversized.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    });
    expect(calls.total).toBe(0);
  });

  it("a source's accounts connection covers its ISC source", async () => {
    const { data } = await measure(
      `query($id: ID!) { nonEmployeeSource(id: $id) { nonEmployeeCount
        accounts(first: 5) { totalCount edges { node { sourceId nativeIdentity } } } } }`,
      { id: source.id },
    );
    const { nonEmployeeCount, accounts: connection } = data.nonEmployeeSource;
    expect(connection.totalCount).toBe(nonEmployeeCount);
    expect(connection.edges.map((edge: any) => edge.node.nativeIdentity)).toEqual(
      accounts.slice(0, 5).map((account) => account.nativeIdentity),
    );
  });
});

describe('links from an account', () => {
  it('finds the record behind one account in at most ⌈log2(pages + 1)⌉ record pages', async () => {
    const pages = Math.ceil(RECORDS / 250);
    const probes: number[] = [];
    for (const account of [accounts[0], accounts[61], accounts[137], accounts[249]]) {
      const { data, byRoute } = await measure(
        `query($id: ID!) { account(id: $id) { nativeIdentity
          record { accountName sourceId account { iscId } } nonEmployeeSource { iscId name } } }`,
        { id: encodeNodeId('Account', account.id as string) },
      );
      expect(data.account.record).toMatchObject({
        accountName: account.nativeIdentity,
        sourceId: source.id,
        account: { iscId: account.id },
      });
      expect(data.account.nonEmployeeSource).toEqual({ iscId: source.id, name: source.name });
      expect(byRoute['GET /v3/non-employee-sources']).toBe(1);
      probes.push(byRoute['GET /v3/non-employee-records']);
    }
    for (const count of probes) expect(count).toBeLessThanOrEqual(Math.ceil(Math.log2(pages + 1)));
  });

  it('finds the records of 60 accounts reading each page of the source at most once', async () => {
    const { data, byRoute } = await measure(
      `query($source: String!) { accounts(sourceId: { eq: $source }, first: 60, orderBy: [{ field: NATIVE_IDENTITY }]) {
        edges { node { nativeIdentity record { accountName } } } } }`,
      { source: iscSourceId },
    );
    expect(data.accounts.edges).toHaveLength(60);
    for (const { node } of data.accounts.edges) expect(node.record?.accountName).toBe(node.nativeIdentity);
    expect(byRoute['GET /v3/non-employee-records']).toBeLessThanOrEqual(Math.ceil(RECORDS / 250));
  });

  // Every ISC source of the sandbox has a non-employee source, so the case of one without is held by
  // the record finder's unit test; over HTTP, the account with no record is one the Accounts API made.
  it('an account no record stands behind has no record, and still names its non-employee source', async () => {
    const [, other] = await rest<NonEmployeeSource[]>('/v3/non-employee-sources?limit=2');
    const made = await t.sandbox.api('/v3/accounts', {
      token: admin,
      body: { attributes: { sourceId: other.sourceId, accountName: 'made.without.record' } },
    });
    expect(made.status).toBe(202);
    const filters = encodeURIComponent(
      `sourceId eq "${other.sourceId}" and nativeIdentity eq "made.without.record"`,
    );
    let listed: Account[] = [];
    for (let poll = 0; poll < 100 && listed.length === 0; poll++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      listed = await rest<Account[]>(`/v3/accounts?filters=${filters}`);
    }
    expect(listed).toHaveLength(1);

    const { data } = await measure(
      `query($names: [String!], $source: String!) { accounts(nativeIdentity: { in: $names }, sourceId: { eq: $source }) {
        edges { node { iscId nativeIdentity record { iscId } nonEmployeeSource { iscId } } } } }`,
      { names: ['made.without.record'], source: other.sourceId },
    );
    expect(data.accounts.edges.map((edge: any) => edge.node)).toEqual([
      {
        iscId: listed[0].id,
        nativeIdentity: 'made.without.record',
        record: null,
        nonEmployeeSource: { iscId: other.id },
      },
    ]);
  });

  it('reads entitlements as the REST API lists them, and none when the account has none', async () => {
    const withSome = accounts.find((account) => account.hasEntitlements) as Account;
    const withNone = accounts.find((account) => !account.hasEntitlements) as Account;
    const expected = await rest<Entitlement[]>(`/v3/accounts/${withSome.id}/entitlements`);
    const { data, byRoute } = await measure(
      `query($some: ID!, $none: ID!) {
        some: account(id: $some) { entitlements(first: 10) { totalCount edges { node { iscId name value source { id } } } } }
        none: account(id: $none) { entitlements(first: 10) { totalCount edges { node { iscId } } } } }`,
      { some: withSome.id, none: withNone.id },
    );
    expect(data.some.entitlements.totalCount).toBe(expected.length);
    expect(data.some.entitlements.edges.map((edge: any) => edge.node.iscId)).toEqual(
      expected.slice(0, 10).map((entitlement) => entitlement.id),
    );
    expect(data.none.entitlements).toEqual({ totalCount: 0, edges: [] });
    expect(byRoute['GET /v3/accounts/:id/entitlements']).toBe(1);
  });

  it('reads the entitlement fields of the spec beyond the basics, as REST lists them', async () => {
    const withSome = accounts.find((account) => account.hasEntitlements) as Account;
    const [expected] = await rest<Entitlement[]>(`/v3/accounts/${withSome.id}/entitlements?limit=1`);
    const { data } = await measure(
      `query($id: ID!) { account(id: $id) { entitlements(first: 1) { edges { node {
        additionalOwners { type id name } directPermissions { rights target } segments manuallyUpdatedFields
        accessModelMetadata } } } } }`,
      { id: withSome.id },
    );
    expect(data.account.entitlements.edges[0].node).toEqual({
      additionalOwners: expected.additionalOwners ?? [],
      directPermissions: expected.directPermissions ?? [],
      segments: expected.segments ?? [],
      manuallyUpdatedFields: expected.manuallyUpdatedFields ?? null,
      accessModelMetadata: expected.accessModelMetadata ?? null,
    });
  });

  it('reads every spec field of an account, equal to the REST answer', async () => {
    // Disabled or locked but not both, with entitlements: a field answered from its neighbour would show.
    const account = accounts.find((a) => a.disabled !== a.locked && a.hasEntitlements) as Account;
    expect(account).toEqual(expect.objectContaining({ hasEntitlements: true }));
    const { data } = await measure(
      `query($id: ID!) { account(id: $id) { iscId name nativeIdentity sourceId sourceName identityId disabled locked
        authoritative systemAccount uncorrelated manuallyCorrelated hasEntitlements origin attributes created modified
        identity { type id name } sourceOwner { type id } connectionType features isMachine } }`,
      { id: account.id },
    );
    expect(data.account).toEqual({
      iscId: account.id,
      name: account.name,
      nativeIdentity: account.nativeIdentity,
      sourceId: account.sourceId,
      sourceName: account.sourceName,
      identityId: account.identityId,
      disabled: account.disabled,
      locked: account.locked,
      authoritative: account.authoritative,
      systemAccount: account.systemAccount,
      uncorrelated: account.uncorrelated,
      manuallyCorrelated: account.manuallyCorrelated,
      hasEntitlements: account.hasEntitlements,
      origin: account.origin,
      attributes: account.attributes,
      created: account.created,
      modified: account.modified,
      identity: { type: 'IDENTITY', id: account.identity?.id, name: account.identity?.name },
      sourceOwner: { type: 'IDENTITY', id: account.sourceOwner?.id },
      connectionType: account.connectionType,
      features: account.features,
      isMachine: account.isMachine,
    });
  });
});
