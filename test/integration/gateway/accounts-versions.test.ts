// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

describe('API versions', () => {
  let v2025: TestGateway;
  beforeAll(async () => {
    v2025 = await startGateway({ env: { SAIL_API_VERSION: 'v2025' } });
  });
  afterAll(() => v2025.close());

  it('with SAIL_API_VERSION=v2025: NELM on v2025, accounts on v3, remove and identities-accounts on v2025', async () => {
    const token = await v2025.sandbox.tokenFor('admin');
    const read = await v2025.gql(
      `{ nonEmployeeSources(first: 1) { edges { node { iscId records(first: 2) {
        edges { node { account { iscId identityId } } } } } } } }`,
      {},
      { token },
    );
    expect(read.errors).toBeUndefined();
    const [first, second] = (read.data as any).nonEmployeeSources.edges[0].node.records.edges.map(
      (edge: any) => edge.node.account,
    );
    const { stats: calls } = await v2025.sandbox.callsDuring(async () => {
      const result = await v2025.gql(
        `mutation($a: ID!, $b: ID!, $identity: String!) {
          d: disableAccount(input: { id: $a }) { __typename }
          r: removeAccount(input: { id: $b }) { __typename }
          i: enableAccountsForIdentities(input: { identityIds: [$identity] }) { __typename }
          s: disableAccountsForIdentity(input: { identityId: $identity }) { __typename } }`,
        { a: first.iscId, b: second.iscId, identity: first.identityId },
        { token },
      );
      expect(result.errors).toBeUndefined();
      expect(Object.values(result.data ?? {}).map((value: any) => value.__typename)).toEqual([
        'DisableAccountPayload',
        'RemoveAccountPayload',
        'EnableAccountsForIdentitiesPayload',
        'DisableAccountsForIdentityPayload',
      ]);
      const after = await v2025.gql(
        `query($id: String!) { nonEmployeeSources(first: 1) { totalCount }
          accounts(id: { eq: $id }, first: 1) { totalCount } }`,
        { id: first.iscId },
        { token },
      );
      expect(after.errors).toBeUndefined();
    });
    expect(calls.byRoute).toEqual({
      'POST /v3/accounts/:id/disable': 1,
      'POST /v2025/accounts/:id/remove': 1,
      'POST /v2025/identities-accounts/enable': 1,
      'POST /v2025/identities-accounts/:id/disable': 1,
      'GET /v2025/non-employee-sources': 1,
      'GET /v3/accounts': 1,
    });
  });
});

describe('API versions without remove and identities-accounts', () => {
  let v2024: TestGateway;
  beforeAll(async () => {
    v2024 = await startGateway({ env: { SAIL_API_VERSION: 'v2024' } });
  });
  afterAll(() => v2024.close());

  it('with SAIL_API_VERSION=v2024: remove and identities-accounts stay on beta', async () => {
    const token = await v2024.sandbox.tokenFor('admin');
    const read = await v2024.gql(
      '{ accounts(first: 1) { edges { node { iscId identityId } } } }',
      {},
      { token },
    );
    expect(read.errors).toBeUndefined();
    const account = (read.data as any).accounts.edges[0].node;
    const { result, stats } = await v2024.sandbox.callsDuring(() =>
      v2024.gql(
        `mutation($id: ID!, $identity: String!) {
          r: removeAccount(input: { id: $id }) { __typename }
          s: enableAccountsForIdentity(input: { identityId: $identity }) { __typename } }`,
        { id: account.iscId, identity: account.identityId },
        { token },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(stats.byRoute).toEqual({
      'POST /beta/accounts/:id/remove': 1,
      'POST /beta/identities-accounts/:id/enable': 1,
    });
  });
});
