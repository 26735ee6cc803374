import type { Account } from 'sailpoint-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/sandbox.ts';
import { ACCOUNTS_ASYNC_RESULT, BULK_IDENTITIES_ACCOUNTS_RESPONSE, TASK_RESULT } from './account-shapes.ts';
import { findAccount, seededAccounts, UNKNOWN_ISC_ID } from './fixtures.ts';
import { operationsOf } from './operations.ts';
import {
  answerOf,
  createContractRecorder,
  eventually,
  type SdkClients,
  startContractSandbox,
} from './sdk-helpers.ts';
import { arrayOf } from './shape.ts';

describe('official SDK against the sandbox: account writes and the beta-only account operations', () => {
  let sandbox: TestSandbox;
  let admin: SdkClients;
  let user: SdkClients;
  let iscSourceId: string;
  let accountNames: string[];
  const contract = createContractRecorder(operationsOf('account-writes'));

  beforeAll(async () => {
    ({ sandbox, admin, user } = await startContractSandbox());
    ({ iscSourceId, accountNames } = await seededAccounts(admin));
  });
  afterAll(() => sandbox.close());

  /** The account of the n-th record of the first source. */
  const accountOf = (n: number): Promise<Account> => findAccount(admin, iscSourceId, accountNames[n]);
  const read = (id: string) => admin.accounts.getAccount({ id });
  const statusOf = (id: string) =>
    read(id).then(
      (response) => response.status,
      (error: unknown) => answerOf(error, 'getAccount').status,
    );

  it('patches, replaces, creates and deletes accounts, and removes one through beta', async () => {
    const accountId = (await accountOf(1)).id!;
    await contract.succeeds(
      'updateAccount',
      202,
      () =>
        admin.accounts.updateAccount({
          id: accountId,
          requestBody: [{ op: 'add', path: '/attributes/title', value: 'Contractor' }],
        }),
      ACCOUNTS_ASYNC_RESULT,
    );
    const titled = await eventually(
      () => read(accountId),
      (r) => r.data.attributes?.title === 'Contractor',
    );
    expect(titled.data.attributes?.title).toBe('Contractor');
    await contract.fails('updateAccount', 400, () =>
      admin.accounts.updateAccount({
        id: accountId,
        requestBody: [{ op: 'replace', path: '/nativeIdentity', value: 'someone.else' }],
      }),
    );
    await contract.fails('updateAccount', 404, () =>
      admin.accounts.updateAccount({
        id: UNKNOWN_ISC_ID,
        requestBody: [{ op: 'remove', path: '/attributes/x' }],
      }),
    );

    const attributes = { ...titled.data.attributes, city: 'Austin' };
    await contract.succeeds(
      'putAccount',
      202,
      () => admin.accounts.putAccount({ id: accountId, accountAttributes: { attributes } }),
      ACCOUNTS_ASYNC_RESULT,
    );
    const replaced = await eventually(
      () => read(accountId),
      (r) => r.data.attributes?.city === 'Austin',
    );
    expect(replaced.data.attributes).toEqual(attributes);
    await contract.fails('putAccount', 404, () =>
      admin.accounts.putAccount({ id: UNKNOWN_ISC_ID, accountAttributes: { attributes } }),
    );

    const created = await contract.succeeds(
      'createAccount',
      202,
      () =>
        admin.accounts.createAccount({
          accountAttributesCreate: {
            attributes: {
              sourceId: iscSourceId,
              accountName: 'contract.created',
              displayName: 'Contract Created',
            },
          },
        }),
      ACCOUNTS_ASYNC_RESULT,
    );
    expect(created.data.id).toMatch(/\S/);
    const byName = `sourceId eq "${iscSourceId}" and nativeIdentity eq "contract.created"`;
    const found = await eventually(
      () => admin.accounts.listAccounts({ filters: byName }),
      (r) => r.data.length === 1,
    );
    expect(found.data[0].attributes).toMatchObject({
      accountName: 'contract.created',
      displayName: 'Contract Created',
    });
    await contract.fails('createAccount', 400, () =>
      admin.accounts.createAccount({
        accountAttributesCreate: { attributes: { sourceId: UNKNOWN_ISC_ID, accountName: 'contract.lost' } },
      }),
    );
    await contract.fails('createAccount', 403, () =>
      user.accounts.createAccount({
        accountAttributesCreate: { attributes: { sourceId: iscSourceId, accountName: 'contract.user' } },
      }),
    );

    const createdId = found.data[0].id!;
    await contract.succeeds(
      'deleteAccount',
      202,
      () => admin.accounts.deleteAccount({ id: createdId }),
      ACCOUNTS_ASYNC_RESULT,
    );
    const gone = await eventually(
      () => statusOf(createdId),
      (status) => status === 404,
    );
    expect(gone).toBe(404);
    await contract.fails('deleteAccount', 404, () => admin.accounts.deleteAccount({ id: UNKNOWN_ISC_ID }));

    const removedId = (await accountOf(2)).id!;
    await contract.fails('deleteAccountAsync', 403, () =>
      user.accountsBeta.deleteAccountAsync({ id: removedId }),
    );
    const removed = await contract.succeeds(
      'deleteAccountAsync',
      202,
      () => admin.accountsBeta.deleteAccountAsync({ id: removedId }),
      TASK_RESULT,
    );
    expect(removed.data).toMatchObject({ type: 'TASK_RESULT' });
    const removedStatus = await eventually(
      () => statusOf(removedId),
      (status) => status === 404,
    );
    expect(removedStatus).toBe(404);
  });

  it('disables and enables every account of identities, one at a time and in bulk', async () => {
    const identityId = (await accountOf(3)).identityId!;
    const ofIdentity = () => admin.accounts.listAccounts({ filters: `identityId eq "${identityId}"` });
    const allDisabled = (flag: boolean) => (r: { data: Account[] }) =>
      r.data.length > 0 && r.data.every((a) => a.disabled === flag);

    await contract.succeeds(
      'disableAccountForIdentity',
      202,
      () => admin.accountsBeta.disableAccountForIdentity({ id: identityId }),
      'object',
    );
    expect(allDisabled(true)(await eventually(ofIdentity, allDisabled(true)))).toBe(true);
    await contract.fails('disableAccountForIdentity', 404, () =>
      admin.accountsBeta.disableAccountForIdentity({ id: UNKNOWN_ISC_ID }),
    );

    await contract.succeeds(
      'enableAccountForIdentity',
      202,
      () => admin.accountsBeta.enableAccountForIdentity({ id: identityId }),
      'object',
    );
    expect(allDisabled(false)(await eventually(ofIdentity, allDisabled(false)))).toBe(true);
    await contract.fails('enableAccountForIdentity', 404, () =>
      admin.accountsBeta.enableAccountForIdentity({ id: UNKNOWN_ISC_ID }),
    );

    const identityIds = [identityId, UNKNOWN_ISC_ID];
    const disabled = await contract.succeeds(
      'disableAccountsForIdentities',
      207,
      () =>
        admin.accountsBeta.disableAccountsForIdentities({
          identitiesAccountsBulkRequestBeta: { identityIds },
        }),
      arrayOf(BULK_IDENTITIES_ACCOUNTS_RESPONSE),
    );
    expect(disabled.data.map((entry) => [entry.id, entry.statusCode])).toEqual([
      [identityId, 202],
      [UNKNOWN_ISC_ID, 404],
    ]);
    expect(allDisabled(true)(await eventually(ofIdentity, allDisabled(true)))).toBe(true);
    await contract.fails('disableAccountsForIdentities', 400, () =>
      admin.accountsBeta.disableAccountsForIdentities({
        identitiesAccountsBulkRequestBeta: { identityIds: [] },
      }),
    );

    const enabled = await contract.succeeds(
      'enableAccountsForIdentities',
      207,
      () =>
        admin.accountsBeta.enableAccountsForIdentities({
          identitiesAccountsBulkRequestBeta: { identityIds },
        }),
      arrayOf(BULK_IDENTITIES_ACCOUNTS_RESPONSE),
    );
    expect(enabled.data.map((entry) => entry.statusCode)).toEqual([202, 404]);
    expect(allDisabled(false)(await eventually(ofIdentity, allDisabled(false)))).toBe(true);
    await contract.fails('enableAccountsForIdentities', 403, () =>
      user.accountsBeta.enableAccountsForIdentities({ identitiesAccountsBulkRequestBeta: { identityIds } }),
    );
  });

  it('called every operation of this suite on a success and a failure path', () => {
    expect(contract.uncovered()).toEqual([]);
  });
});
