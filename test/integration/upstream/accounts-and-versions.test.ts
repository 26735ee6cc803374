import type { Dispatcher } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UpstreamApi } from '../../../src/upstream/api.ts';
import { createUpstreamApi } from '../../../src/upstream/create-upstream-api.ts';
import { UpstreamNotFoundError } from '../../../src/upstream/errors.ts';
import { f } from '../../../src/upstream/filters.ts';
import type { UpstreamApiVersion } from '../../../src/upstream/http-client.ts';
import { createUpstreamDispatcher } from '../../../src/upstream/transport.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

describe('accounts and API versions against the sandbox', () => {
  let sandbox: TestSandbox;
  let dispatcher: Dispatcher;
  let token: string;
  let api: UpstreamApi;
  const apiFor = (apiVersion: UpstreamApiVersion) =>
    createUpstreamApi({ baseUrl: sandbox.url, apiVersion, dispatcher, getToken: async () => token });

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    dispatcher = createUpstreamDispatcher({ retry: false });
    token = await sandbox.tokenFor('admin');
    api = apiFor('v3');
  });
  afterAll(async () => {
    await dispatcher.close();
    await sandbox.close();
  });
  beforeEach(() => sandbox.resetAll());

  const someRecordsWithTheirIscSource = async () => {
    const [source] = (await api.listNonEmployeeSources({ limit: 1 })).items;
    const records = await api.listNonEmployeeRecords({ filters: f.eq('sourceId', source.id!), limit: 5 });
    return { iscSourceId: source.sourceId!, names: records.items.map((r) => r.accountName!) };
  };

  it('finds the accounts of many records in one call with an in filter, matched by key', async () => {
    const { iscSourceId, names } = await someRecordsWithTheirIscSource();
    const { result: page, stats: calls } = await sandbox.callsDuring(() =>
      api.listAccounts({
        filters: f.and(f.eq('sourceId', iscSourceId), f.in('nativeIdentity', [...names, 'nobody"here'])),
        limit: 250,
        count: true,
        detailLevel: 'SLIM',
      }),
    );
    expect(calls.byRoute).toEqual({ 'GET /v3/accounts': 1 });
    expect(names).toHaveLength(5);
    expect(page.items.map((account) => account.nativeIdentity).sort()).toEqual([...names].sort());
    expect(page.totalCount).toBe(names.length);
    expect(page.items.every((account) => account.sourceId === iscSourceId)).toBe(true);
  });

  it('reads an account and its entitlements, and starts its tasks', async () => {
    const { iscSourceId } = await someRecordsWithTheirIscSource();
    const [account] = (await api.listAccounts({ filters: f.eq('sourceId', iscSourceId), limit: 1 })).items;
    expect((await api.getAccount(account.id!)).nativeIdentity).toBe(account.nativeIdentity);
    const entitlements = await api.getAccountEntitlements(account.id!, { limit: 5, count: true });
    const raw = await sandbox.api(`/v3/accounts/${account.id}/entitlements?count=true`, { token });
    const all = (await raw.json()) as unknown[];
    expect(entitlements.totalCount).toBe(Number(raw.headers.get('x-total-count')));
    expect(entitlements.items).toEqual(all.slice(0, 5));
    for (const task of [
      await api.disableAccount(account.id!, { forceProvisioning: false }),
      await api.enableAccount(account.id!, {}),
      await api.unlockAccount(account.id!, { unlockIDNAccount: true }),
      await api.submitReloadAccount(account.id!),
    ]) {
      expect(typeof task.id).toBe('string');
    }
    await api.updateAccount(account.id!, [{ op: 'add', path: '/attributes/title', value: 'Contractor' }]);
    const removed = await api.deleteAccountAsync(account.id!);
    expect(typeof removed.id).toBe('string');
    await expect(api.getAccount('no-such-account')).rejects.toBeInstanceOf(UpstreamNotFoundError);
  });

  it('answers the identity-level bulk toggles with one entry per identity', async () => {
    const { iscSourceId } = await someRecordsWithTheirIscSource();
    const [account] = (await api.listAccounts({ filters: f.eq('sourceId', iscSourceId), limit: 1 })).items;
    const results = await api.disableAccountsForIdentities([account.identityId!, 'no-such-identity']);
    expect(results).toHaveLength(2);
    const byId = new Map(results.map((r) => [r.id, r.statusCode]));
    expect(byId.get('no-such-identity')).toBe(404);
    expect(byId.get(account.identityId!)).toBe(202);
    await api.enableAccountForIdentity(account.identityId!);
  });

  it.each(['beta', 'v2025'] as const)(
    'sends NELM to %s, accounts to v3, remove and identities-accounts to beta (v2025 under v2025)',
    async (version) => {
      const { iscSourceId } = await someRecordsWithTheirIscSource();
      const versioned = apiFor(version);
      const { stats: calls } = await sandbox.callsDuring(async () => {
        await versioned.listNonEmployeeSources({ limit: 1 });
        const [account] = (await versioned.listAccounts({ filters: f.eq('sourceId', iscSourceId), limit: 1 }))
          .items;
        await versioned.disableAccountForIdentity(account.identityId!);
        await versioned.deleteAccountAsync(account.id!);
      });
      expect(calls.byRoute).toEqual({
        [`GET /${version}/non-employee-sources`]: 1,
        'GET /v3/accounts': 1,
        [`POST /${version}/identities-accounts/:id/disable`]: 1,
        [`POST /${version}/accounts/:id/remove`]: 1,
      });
    },
  );
});
