import type { Account, AccountToggleRequest } from 'sailpoint-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/sandbox.ts';
import { ACCOUNT, ACCOUNTS_ASYNC_RESULT, ENTITLEMENT, SLIM_ACCOUNT } from './account-shapes.ts';
import { findAccount, seededAccounts, UNKNOWN_ISC_ID } from './fixtures.ts';
import { operationsOf } from './operations.ts';
import {
  createContractRecorder,
  errorDetail,
  eventually,
  headerOf,
  type SdkClients,
  startContractSandbox,
} from './sdk-helpers.ts';
import { arrayOf } from './shape.ts';

describe('official SDK against the sandbox: reading accounts and their state tasks', () => {
  let sandbox: TestSandbox;
  let admin: SdkClients;
  let user: SdkClients;
  let iscSourceId: string;
  let accountNames: string[];
  const contract = createContractRecorder(operationsOf('accounts'));

  beforeAll(async () => {
    ({ sandbox, admin, user } = await startContractSandbox());
    ({ iscSourceId, accountNames } = await seededAccounts(admin));
  });
  afterAll(() => sandbox.close());

  const quoted = (values: string[]) => values.map((value) => JSON.stringify(value)).join(',');
  /** The account of the n-th record of the first source. */
  const accountOf = (n: number): Promise<Account> => findAccount(admin, iscSourceId, accountNames[n]);
  const read = (id: string) => admin.accounts.getAccount({ id });

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
      arrayOf(SLIM_ACCOUNT),
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
    await contract.fails('getAccount', 404, () => read(UNKNOWN_ISC_ID));
    await contract.fails('getAccount', 403, () => user.accounts.getAccount({ id }));

    // The body's shape is checked item by item: an account with entitlements has items to check.
    const entitled = listed.data.find((a) => a.hasEntitlements);
    expect(entitled).toMatchObject({ hasEntitlements: true });
    const entitlements = await contract.succeeds(
      'getAccountEntitlements',
      200,
      () => admin.accounts.getAccountEntitlements({ id: entitled!.id!, limit: 250, count: true }),
      arrayOf(ENTITLEMENT),
    );
    expect(Number(headerOf(entitlements, 'x-total-count'))).toBe(entitlements.data.length);
    expect(entitlements.data.length).toBeGreaterThan(0);
    for (const entitlement of entitlements.data) expect(entitlement.source?.id).toBe(iscSourceId);
    const ofRead = await admin.accounts.getAccountEntitlements({ id, limit: 250 });
    expect(ofRead.data.length > 0).toBe(account.data.hasEntitlements);
    await contract.fails('getAccountEntitlements', 404, () =>
      admin.accounts.getAccountEntitlements({ id: UNKNOWN_ISC_ID }),
    );
  });

  it('disables, enables, unlocks and reloads an account through tasks', async () => {
    // One enabled at the start: otherwise "disabled" shows before the disable task has run, and
    // that task may still land after the enable below.
    let n = 0;
    while ((await accountOf(n)).disabled) n += 1;
    const { id } = await accountOf(n);
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
      admin.accounts.disableAccount({ id: UNKNOWN_ISC_ID, accountToggleRequest: {} }),
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
      admin.accounts.enableAccount({ id: UNKNOWN_ISC_ID, accountToggleRequest: {} }),
    );
    await contract.fails('enableAccount', 403, () =>
      user.accounts.enableAccount({ id: accountId, accountToggleRequest: {} }),
    );

    // Unlocking shows only on an account that is locked: the seed locks a few.
    const sourceAccounts = await admin.accounts.listAccounts({
      filters: `sourceId eq "${iscSourceId}"`,
      limit: 250,
    });
    const lockedId = sourceAccounts.data.find((a) => a.locked)?.id;
    expect(lockedId).toEqual(expect.any(String));
    await contract.succeeds(
      'unlockAccount',
      202,
      () => admin.accounts.unlockAccount({ id: lockedId!, accountUnlockRequest: { unlockIDNAccount: true } }),
      ACCOUNTS_ASYNC_RESULT,
    );
    expect(
      (
        await eventually(
          () => read(lockedId!),
          (r) => !r.data.locked,
        )
      ).data.locked,
    ).toBe(false);
    await contract.fails('unlockAccount', 404, () =>
      admin.accounts.unlockAccount({ id: UNKNOWN_ISC_ID, accountUnlockRequest: {} }),
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
      admin.accounts.submitReloadAccount({ id: UNKNOWN_ISC_ID }),
    );
  });

  it('called every operation of this suite on a success and a failure path', () => {
    expect(contract.uncovered()).toEqual([]);
  });
});
