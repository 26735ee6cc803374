import type { Account, AccountToggleRequest } from 'sailpoint-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.ts';
import {
  ACCOUNT,
  ACCOUNTS_ASYNC_RESULT,
  BULK_IDENTITIES_ACCOUNTS_RESPONSE,
  ENTITLEMENT,
  TASK_RESULT,
} from './account-shapes.ts';
import { operationsOf } from './operations.ts';
import {
  answerOf,
  createContractRecorder,
  createSdkClients,
  errorDetail,
  eventually,
  headerOf,
  type SdkClients,
} from './sdk-helpers.ts';
import { arrayOf } from './shape.ts';

const UNKNOWN_ID = 'ffffffffffffffffffffffffffffffff';

describe('official SDK against the sandbox: accounts (v3) and the beta-only account operations', () => {
  let sandbox: TestSandbox;
  let admin: SdkClients;
  let user: SdkClients;
  let iscSourceId: string;
  let accountNames: string[];
  const contract = createContractRecorder(operationsOf('accounts'));

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    admin = createSdkClients(sandbox.url, sandbox.admin);
    user = createSdkClients(sandbox.url, sandbox.client('user'));
    const [source] = (await admin.nelm.listNonEmployeeSources({ limit: 1 })).data;
    iscSourceId = source.sourceId!;
    const records = await admin.nelm.listNonEmployeeRecords({
      filters: `sourceId eq "${source.id}"`,
      limit: 8,
    });
    accountNames = records.data.map((record) => record.accountName!);
  });
  afterAll(() => sandbox.close());

  const quoted = (values: string[]) => values.map((value) => JSON.stringify(value)).join(',');
  /** The account of the n-th record of the first source. */
  const accountOf = async (n: number): Promise<Account> => {
    const filters = `sourceId eq "${iscSourceId}" and nativeIdentity eq "${accountNames[n]}"`;
    const [account] = (await admin.accounts.listAccounts({ filters })).data;
    return account;
  };
  const read = (id: string) => admin.accounts.getAccount({ id });
  const statusOf = (id: string) =>
    read(id).then(
      (response) => response.status,
      (error: unknown) => answerOf(error, 'getAccount').status,
    );

  it('lists, reads and pages entitlements of accounts', async () => {
    const names = accountNames.slice(0, 3);
    const listed = await contract.succeeds(
      'listAccounts',
      200,
      () =>
        admin.accounts.listAccounts({
          filters: `sourceId eq "${iscSourceId}" and nativeIdentity in (${quoted(names)})`,
          count: true,
          limit: 250,
        }),
      arrayOf(ACCOUNT),
    );
    expect(listed.data.map((a) => a.nativeIdentity).sort()).toEqual([...names].sort());
    expect(headerOf(listed, 'x-total-count')).toBe('3');
    expect(listed.data.every((a) => a.sourceId === iscSourceId)).toBe(true);
    const slim = await contract.succeeds(
      'listAccounts',
      200,
      () =>
        admin.accounts.listAccounts({
          filters: `sourceId eq "${iscSourceId}"`,
          limit: 2,
          detailLevel: 'SLIM',
        }),
      arrayOf(ACCOUNT),
    );
    expect(slim.data).toHaveLength(2);
    const badField = await contract.fails('listAccounts', 400, () =>
      admin.accounts.listAccounts({ filters: 'nickname eq "x"' }),
    );
    expect(errorDetail(badField.data).text).toMatch(/nickname/);
    await contract.fails('listAccounts', 400, () => admin.accounts.listAccounts({ sorters: 'attributes' }));
    await contract.fails('listAccounts', 403, () => user.accounts.listAccounts({ limit: 1 }));

    const id = listed.data[0].id!;
    const account = await contract.succeeds('getAccount', 200, () => read(id), ACCOUNT);
    expect(account.data).toEqual(listed.data[0]);
    await contract.fails('getAccount', 404, () => read(UNKNOWN_ID));
    await contract.fails('getAccount', 403, () => user.accounts.getAccount({ id }));

    const entitlements = await contract.succeeds(
      'getAccountEntitlements',
      200,
      () => admin.accounts.getAccountEntitlements({ id, limit: 250, count: true }),
      arrayOf(ENTITLEMENT),
    );
    expect(Number(headerOf(entitlements, 'x-total-count'))).toBe(entitlements.data.length);
    expect(entitlements.data.length > 0).toBe(account.data.hasEntitlements);
    for (const entitlement of entitlements.data) expect(entitlement.source?.id).toBe(iscSourceId);
    await contract.fails('getAccountEntitlements', 404, () =>
      admin.accounts.getAccountEntitlements({ id: UNKNOWN_ID }),
    );
  });

  it('disables, enables, unlocks and reloads an account through tasks', async () => {
    const { id } = await accountOf(0);
    const accountId = id!;
    const disabled = await contract.succeeds(
      'disableAccount',
      202,
      () =>
        admin.accounts.disableAccount({ id: accountId, accountToggleRequest: { forceProvisioning: false } }),
      ACCOUNTS_ASYNC_RESULT,
    );
    expect(disabled.data.id).toMatch(/\S/);
    expect(
      (
        await eventually(
          () => read(accountId),
          (r) => r.data.disabled,
        )
      ).data.disabled,
    ).toBe(true);
    await contract.fails('disableAccount', 404, () =>
      admin.accounts.disableAccount({ id: UNKNOWN_ID, accountToggleRequest: {} }),
    );
    await contract.fails('disableAccount', 400, () =>
      admin.accounts.disableAccount({
        id: accountId,
        accountToggleRequest: { forceProvisioning: 'yes' } as unknown as AccountToggleRequest,
      }),
    );

    await contract.succeeds(
      'enableAccount',
      202,
      () => admin.accounts.enableAccount({ id: accountId, accountToggleRequest: {} }),
      ACCOUNTS_ASYNC_RESULT,
    );
    expect(
      (
        await eventually(
          () => read(accountId),
          (r) => !r.data.disabled,
        )
      ).data.disabled,
    ).toBe(false);
    await contract.fails('enableAccount', 404, () =>
      admin.accounts.enableAccount({ id: UNKNOWN_ID, accountToggleRequest: {} }),
    );
    await contract.fails('enableAccount', 403, () =>
      user.accounts.enableAccount({ id: accountId, accountToggleRequest: {} }),
    );

    await contract.succeeds(
      'unlockAccount',
      202,
      () => admin.accounts.unlockAccount({ id: accountId, accountUnlockRequest: { unlockIDNAccount: true } }),
      ACCOUNTS_ASYNC_RESULT,
    );
    expect(
      (
        await eventually(
          () => read(accountId),
          (r) => !r.data.locked,
        )
      ).data.locked,
    ).toBe(false);
    await contract.fails('unlockAccount', 404, () =>
      admin.accounts.unlockAccount({ id: UNKNOWN_ID, accountUnlockRequest: {} }),
    );

    const before = (await read(accountId)).data.modified!;
    await contract.succeeds(
      'submitReloadAccount',
      202,
      () => admin.accounts.submitReloadAccount({ id: accountId }),
      ACCOUNTS_ASYNC_RESULT,
    );
    const reloaded = await eventually(
      () => read(accountId),
      (r) => r.data.modified !== before,
    );
    expect(reloaded.data.modified).not.toBe(before);
    await contract.fails('submitReloadAccount', 404, () =>
      admin.accounts.submitReloadAccount({ id: UNKNOWN_ID }),
    );
  });

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
        id: UNKNOWN_ID,
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
      admin.accounts.putAccount({ id: UNKNOWN_ID, accountAttributes: { attributes } }),
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
        accountAttributesCreate: { attributes: { sourceId: UNKNOWN_ID, accountName: 'contract.lost' } },
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
    await contract.fails('deleteAccount', 404, () => admin.accounts.deleteAccount({ id: UNKNOWN_ID }));

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
      admin.accountsBeta.disableAccountForIdentity({ id: UNKNOWN_ID }),
    );

    await contract.succeeds(
      'enableAccountForIdentity',
      202,
      () => admin.accountsBeta.enableAccountForIdentity({ id: identityId }),
      'object',
    );
    expect(allDisabled(false)(await eventually(ofIdentity, allDisabled(false)))).toBe(true);
    await contract.fails('enableAccountForIdentity', 404, () =>
      admin.accountsBeta.enableAccountForIdentity({ id: UNKNOWN_ID }),
    );

    const identityIds = [identityId, UNKNOWN_ID];
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
      [UNKNOWN_ID, 404],
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
