// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { type AccountTestKit, createAccountPool, createAccountTestKit } from './account-test-kit.ts';

let t: TestGateway;
let mutate: AccountTestKit['mutate'];
/** Accounts of the first source, handed out so that no two tests touch the same one. */
let take: ReturnType<typeof createAccountPool>;

beforeAll(async () => {
  t = await startGateway();
  const kit = createAccountTestKit(t, await t.sandbox.tokenFor('admin'));
  mutate = kit.mutate;
  take = createAccountPool((await kit.firstSourceAccounts()).accounts);
});
afterAll(() => t.close());

describe('identity-level enable and disable (beta)', () => {
  const SINGLE = `__typename ... on Error { message code }
    ... on IdentityAccountsTaskPayload { taskId identityId completion accounts { iscId disabled } }`;

  it('disables and enables every account of one identity', async () => {
    const account = take((a) => !!a.identityId && !a.disabled);
    const disabled = await mutate(
      `mutation($input: DisableAccountsForIdentityInput!) { r: disableAccountsForIdentity(input: $input) { ${SINGLE} } }`,
      { input: { identityId: account.identityId, waitForCompletion: true } },
    );
    expect(disabled).toMatchObject({
      __typename: 'DisableAccountsForIdentityPayload',
      identityId: account.identityId,
      completion: 'COMPLETED',
      accounts: [{ iscId: account.id, disabled: true }],
    });
    const enabled = await mutate(
      `mutation($input: EnableAccountsForIdentityInput!) { r: enableAccountsForIdentity(input: $input) { ${SINGLE} } }`,
      { input: { identityId: account.identityId, waitForCompletion: true } },
    );
    expect(enabled).toMatchObject({
      completion: 'COMPLETED',
      accounts: [{ iscId: account.id, disabled: false }],
    });
  });

  it('bulk disable answers one result per identity (207)', async () => {
    const [a, b] = [take((x) => !!x.identityId && !x.disabled), take((x) => !!x.identityId && !x.disabled)];
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      const result = await mutate(
        `mutation($input: DisableAccountsForIdentitiesInput!) { r: disableAccountsForIdentities(input: $input) {
          __typename ... on Error { message }
          ... on DisableAccountsForIdentitiesPayload { completion
            results { identityId statusCode accepted message accounts { iscId disabled } } } } }`,
        {
          input: {
            identityIds: [a.identityId, '0000000000000000000000000000dead', b.identityId],
            waitForCompletion: true,
          },
        },
      );
      expect(result.__typename).toBe('DisableAccountsForIdentitiesPayload');
      expect(result.completion).toBe('COMPLETED');
      const byIdentity = new Map(result.results.map((entry: any) => [entry.identityId, entry]));
      expect(byIdentity.get(a.identityId)).toMatchObject({
        statusCode: 202,
        accepted: true,
        message: null,
        accounts: [{ iscId: a.id, disabled: true }],
      });
      expect(byIdentity.get(b.identityId)).toMatchObject({
        accepted: true,
        accounts: [{ iscId: b.id, disabled: true }],
      });
      expect(byIdentity.get('0000000000000000000000000000dead')).toMatchObject({
        statusCode: 404,
        accepted: false,
        accounts: [],
      });
      expect((byIdentity.get('0000000000000000000000000000dead') as any).message).toContain(
        '0000000000000000000000000000dead',
      );
    });
    expect(calls.byRoute['POST /beta/identities-accounts/disable']).toBe(1);
  });
});
