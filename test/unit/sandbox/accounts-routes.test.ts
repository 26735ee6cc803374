import { describe, expect, it } from 'vitest';
import type { ApiVersion } from '../../../src/sandbox/http/types.ts';
import type { Account, Entitlement } from '../../../src/upstream/wire/accounts.ts';
import { useAccountsModule } from './accounts-module.ts';

describe('accounts routes', () => {
  const harness = useAccountsModule();
  const { call, list, byName } = harness;

  it('serves every v3 operation under v3, beta, v2024 and v2025, and remove and identities-accounts under beta and v2025', () => {
    const keys = harness.module.routes.map((r) => `${r.method} ${r.template} ${r.versions.join('+')}`).sort();
    expect(keys).toEqual([
      'DELETE /accounts/:id v3+beta+v2024+v2025',
      'GET /accounts v3+beta+v2024+v2025',
      'GET /accounts/:id v3+beta+v2024+v2025',
      'GET /accounts/:id/entitlements v3+beta+v2024+v2025',
      'PATCH /accounts/:id v3+beta+v2024+v2025',
      'POST /accounts v3+beta+v2024+v2025',
      'POST /accounts/:id/disable v3+beta+v2024+v2025',
      'POST /accounts/:id/enable v3+beta+v2024+v2025',
      'POST /accounts/:id/reload v3+beta+v2024+v2025',
      'POST /accounts/:id/remove beta+v2025',
      'POST /accounts/:id/unlock v3+beta+v2024+v2025',
      'POST /identities-accounts/:id/disable beta+v2025',
      'POST /identities-accounts/:id/enable beta+v2025',
      'POST /identities-accounts/disable beta+v2025',
      'POST /identities-accounts/enable beta+v2025',
      'PUT /accounts/:id v3+beta+v2024+v2025',
    ]);
  });

  it('asks for the read, manage and state rights the spec lists', async () => {
    const account = await byName('user0.0');
    const none: string[] = [];
    const reader = ['idn:accounts:read'];
    const stateOnly = ['idn:accounts-state:manage'];
    expect((await call('GET', '/accounts', {}, { rights: none })).status).toBe(403);
    expect((await call('GET', '/accounts/:id', { id: account.id! }, { rights: reader })).status).toBe(200);
    expect(
      (await call('POST', '/accounts/:id/disable', { id: account.id! }, { rights: reader, body: {} })).status,
    ).toBe(403);
    expect(
      (await call('POST', '/accounts/:id/disable', { id: account.id! }, { rights: stateOnly, body: {} }))
        .status,
    ).toBe(202);
    expect((await call('DELETE', '/accounts/:id', { id: account.id! }, { rights: stateOnly })).status).toBe(
      403,
    );
    expect(
      (
        await call(
          'POST',
          '/accounts/:id/unlock',
          { id: account.id! },
          { rights: stateOnly, body: { forceProvisioning: true } },
        )
      ).status,
    ).toBe(403);
  });

  it('validates list parameters against the spec of each version', async () => {
    const status = async (query: Record<string, string>, version: ApiVersion = 'v3') =>
      (await call('GET', '/accounts', {}, { query, version })).status;
    expect(await status({ filters: 'disabled eq true' })).toBe(400);
    expect(await status({ filters: 'sourceId co "x"' })).toBe(400);
    expect(await status({ filters: 'hasEntitlements eq "yes"' })).toBe(400);
    expect(await status({ filters: 'created lt 2025-01-01T00:00:00Z' })).toBe(200);
    expect(await status({ filters: 'created lt 2025-01-01T00:00:00Z' }, 'beta')).toBe(400);
    expect(await status({ sorters: 'hasEntitlements' })).toBe(400);
    expect(await status({ sorters: '-hasEntitlements,name' }, 'beta')).toBe(200);
    expect(await status({ detailLevel: 'TINY' })).toBe(400);
    expect(await status({ limit: '251' })).toBe(400);
  });

  it('answers SLIM accounts without attributes, and the total in X-Total-Count', async () => {
    const answer = await call(
      'GET',
      '/accounts',
      {},
      { query: { detailLevel: 'SLIM', count: 'true', limit: '5' } },
    );
    expect(answer.headers).toEqual({ 'x-total-count': '60' });
    const accounts = answer.body as Account[];
    expect(accounts).toHaveLength(5);
    expect(accounts.every((a) => a.attributes === null && !('identity' in a))).toBe(true);
  });

  it('pages the entitlements of an account', async () => {
    // Paging shows only on an account with at least two entitlements.
    const entitlementsOf = async (id: string) =>
      (await call('GET', '/accounts/:id/entitlements', { id })).body as Entitlement[];
    let account: Account | undefined;
    let all: Entitlement[] = [];
    for (const candidate of await list('hasEntitlements eq true')) {
      all = await entitlementsOf(candidate.id!);
      account = candidate;
      if (all.length >= 2) break;
    }
    expect(all.length).toBeGreaterThanOrEqual(2);
    if (!account) throw new Error('no account with entitlements');
    expect(all[0]).toMatchObject({
      attribute: 'memberOf',
      sourceSchemaObjectType: 'group',
      source: { id: account.sourceId, type: 'SOURCE' },
    });
    const page = await call(
      'GET',
      '/accounts/:id/entitlements',
      { id: account.id! },
      { query: { offset: '1', limit: '1', count: 'true' } },
    );
    expect(page.headers).toEqual({ 'x-total-count': String(all.length) });
    expect(page.body).toEqual(all.slice(1, 2));
    expect((await call('GET', '/accounts/:id/entitlements', { id: 'f'.repeat(32) })).status).toBe(404);
    expect(
      (
        await call(
          'GET',
          '/accounts/:id/entitlements',
          { id: account.id! },
          { query: { filters: 'id eq "x"' } },
        )
      ).status,
    ).toBe(400);
  });
});
