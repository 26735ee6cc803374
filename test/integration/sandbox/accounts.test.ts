import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  Account,
  BulkIdentitiesAccountsResponse,
  Entitlement,
} from '../../../src/upstream/wire/accounts.ts';
import type { ErrorResponseDto } from '../../../src/upstream/wire/common.ts';
import type { NonEmployeeRecord, NonEmployeeSource } from '../../../src/upstream/wire/nelm.ts';
import { type ApiCall, startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sandbox accounts API over HTTP', () => {
  let sandbox: TestSandbox;
  let admin: string;
  let user: string;
  let source: NonEmployeeSource;
  let records: NonEmployeeRecord[];

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0, scale: { sources: 3, recordsPerSource: 320 } });
    admin = await sandbox.tokenFor('admin');
    user = await sandbox.tokenFor('user');
  });
  afterAll(() => sandbox.close());

  const call = async <T>(path: string, options: ApiCall = {}) => {
    const response = await sandbox.api(path, { token: admin, ...options });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  };
  const accounts = (query: Record<string, string>, version = 'v3') =>
    call<Account[]>(`/${version}/accounts?${new URLSearchParams(query)}`);
  const quoted = (values: readonly string[]) => values.map((v) => JSON.stringify(v)).join(',');

  /** Reads the account until `done` holds, within a bound; the task delay is 50–300 ms. */
  async function pollAccount(id: string, done: (status: number, account: Account) => boolean) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { status, body } = await call<Account>(`/v3/accounts/${id}`);
      if (done(status, body)) return { status, body };
      await sleep(30);
    }
    throw new Error(`account ${id} never reached the expected state`);
  }

  beforeEach(async () => {
    await sandbox.resetAll();
    [source] = (await call<NonEmployeeSource[]>('/v3/non-employee-sources?limit=1&sorters=name')).body;
    const page = await call<NonEmployeeRecord[]>(
      `/v3/non-employee-records?filters=${encodeURIComponent(`sourceId eq "${source.id}"`)}&limit=250`,
    );
    records = page.body;
  });

  it('lists the accounts of a source: one per record, named after it, counted in X-Total-Count', async () => {
    const { status, headers, body } = await accounts({
      filters: `sourceId eq "${source.sourceId}"`,
      count: 'true',
      limit: '250',
    });
    expect(status).toBe(200);
    expect(headers.get('x-total-count')).toBe('320');
    expect(body).toHaveLength(250);
    const names = new Set(body.map((a) => a.nativeIdentity));
    for (const record of records) expect(names).toContain(record.accountName);
    for (const account of body) {
      expect(account).toMatchObject({
        sourceId: source.sourceId,
        sourceName: source.name,
        name: account.nativeIdentity,
      });
      expect(account.id).toMatch(/^[0-9a-f]{32}$/);
      expect(account.identityId).toMatch(/^[0-9a-f]{32}$/);
    }
    const rest = await accounts({ filters: `sourceId eq "${source.sourceId}"`, offset: '250' });
    expect(rest.body).toHaveLength(70);
  });

  it('answers sourceId eq + nativeIdentity in with 250 keys, matched by name', async () => {
    const names = records.map((r) => r.accountName!);
    expect(names).toHaveLength(250);
    const { status, headers, body } = await accounts({
      filters: `sourceId eq "${source.sourceId}" and nativeIdentity in (${quoted(names)})`,
      count: 'true',
      detailLevel: 'SLIM',
    });
    expect(status).toBe(200);
    expect(headers.get('x-total-count')).toBe('250');
    expect(new Set(body.map((a) => a.nativeIdentity))).toEqual(new Set(names));
    expect(body.every((a) => a.attributes === null)).toBe(true);
  });

  it('answers id in (...) and identityId eq with the same accounts', async () => {
    const page = (await accounts({ filters: `sourceId eq "${source.sourceId}"`, limit: '40' })).body;
    const byIds = await accounts({ filters: `id in (${quoted(page.map((a) => a.id!))})` });
    expect(byIds.body.map((a) => a.id)).toEqual(page.map((a) => a.id));
    const byIdentity = await accounts({ filters: `identityId eq "${page[7].identityId}"` });
    expect(byIdentity.body.map((a) => a.id)).toEqual([page[7].id]);
  });

  it('gets an account with the FULL schema, and pages its entitlements', async () => {
    const [listed] = (
      await accounts({ filters: `sourceId eq "${source.sourceId}" and hasEntitlements eq true`, limit: '1' })
    ).body;
    const { status, body } = await call<Account>(`/v3/accounts/${listed.id}`);
    expect(status).toBe(200);
    expect(body).toEqual(listed);
    expect(body).toMatchObject({
      authoritative: false,
      systemAccount: false,
      uncorrelated: false,
      manuallyCorrelated: false,
      hasEntitlements: true,
      identity: { id: listed.identityId, type: 'IDENTITY' },
      origin: 'AGGREGATED',
    });
    const all = await call<Entitlement[]>(`/v3/accounts/${listed.id}/entitlements?count=true`);
    expect(all.status).toBe(200);
    expect(all.body.length).toBeGreaterThan(0);
    expect(all.headers.get('x-total-count')).toBe(String(all.body.length));

    // Paging shows only on an account with at least two entitlements.
    const entitled = (
      await accounts({ filters: `sourceId eq "${source.sourceId}" and hasEntitlements eq true`, limit: '20' })
    ).body;
    let several: Entitlement[] = [];
    let owner = '';
    for (const account of entitled) {
      several = (await call<Entitlement[]>(`/v3/accounts/${account.id}/entitlements`)).body;
      owner = account.id!;
      if (several.length >= 2) break;
    }
    expect(several.length).toBeGreaterThanOrEqual(2);
    const second = await call<Entitlement[]>(`/v3/accounts/${owner}/entitlements?limit=1&offset=1`);
    expect(second.body).toEqual([several[1]]);
  });

  it('disables, then enables, an account shortly after the 202', async () => {
    const [account] = (
      await accounts({ filters: `sourceId eq "${source.sourceId}"`, limit: '50' })
    ).body.filter((a) => !a.disabled);
    const disabled = await call<{ id: string }>(`/v3/accounts/${account.id}/disable`, { body: {} });
    expect(disabled.status).toBe(202);
    expect(disabled.body.id).toMatch(/^[0-9a-f]{32}$/);
    const after = await pollAccount(account.id!, (_, a) => a.disabled);
    expect(after.body.modified! > account.modified!).toBe(true);
    expect(
      (await call(`/v3/accounts/${account.id}/enable`, { body: { forceProvisioning: true } })).status,
    ).toBe(202);
    await pollAccount(account.id!, (_, a) => !a.disabled);
  });

  it('unlocks a seeded locked account', async () => {
    const locked = (await accounts({ filters: `sourceId eq "${source.sourceId}"` })).body.find(
      (a) => a.locked,
    );
    expect(locked).toBeDefined();
    expect(
      (await call(`/v3/accounts/${locked!.id}/unlock`, { body: { unlockIDNAccount: true } })).status,
    ).toBe(202);
    await pollAccount(locked!.id!, (_, a) => !a.locked);
  });

  it('removes an account: 404 by id, absent from lists, its record untouched', async () => {
    const record = records[3];
    const [account] = (
      await accounts({
        filters: `sourceId eq "${source.sourceId}" and nativeIdentity eq "${record.accountName}"`,
      })
    ).body;
    const removed = await call<{ type: string; id: string }>(`/beta/accounts/${account.id}/remove`, {
      body: {},
    });
    expect(removed).toMatchObject({ status: 202, body: { type: 'TASK_RESULT', name: null } });
    await pollAccount(account.id!, (status) => status === 404);
    const listed = await accounts({ filters: `sourceId eq "${source.sourceId}"`, count: 'true', limit: '1' });
    expect(listed.headers.get('x-total-count')).toBe('319');
    expect((await accounts({ filters: `nativeIdentity eq "${record.accountName}"` })).body).toEqual([]);
    expect((await call(`/v3/non-employee-records/${record.id}`)).status).toBe(200);
  });

  it('gives a new record its account at once, and takes it away with the record', async () => {
    const created = await call<NonEmployeeRecord>('/v3/non-employee-records', {
      body: {
        accountName: 'new.contractor',
        firstName: 'New',
        lastName: 'Contractor',
        email: 'new.contractor@example.com',
        phone: '5125550100',
        manager: 'jonas.lindqvist',
        sourceId: source.id,
        startDate: '2030-01-06T00:00:00Z',
        endDate: '2030-12-31T00:00:00Z',
      },
    });
    expect(created.status).toBe(200);
    const filter = { filters: `sourceId eq "${source.sourceId}" and nativeIdentity eq "new.contractor"` };
    const [account] = (await accounts(filter)).body;
    expect(account).toMatchObject({ nativeIdentity: 'new.contractor', identity: { name: 'New Contractor' } });
    expect((await call(`/v3/non-employee-records/${created.body.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await accounts(filter)).body).toEqual([]);
    expect((await call(`/v3/accounts/${account.id}`)).status).toBe(404);
  });

  it('toggles the accounts of identities in bulk, with one 207 entry per identity', async () => {
    const [a, b] = (await accounts({ filters: `sourceId eq "${source.sourceId}"`, limit: '30' })).body.filter(
      (x) => !x.disabled,
    );
    const unknown = 'f'.repeat(32);
    const answer = await call<BulkIdentitiesAccountsResponse[]>('/beta/identities-accounts/disable', {
      body: { identityIds: [a.identityId, unknown, b.identityId] },
    });
    expect(answer.status).toBe(207);
    expect(answer.body).toEqual([
      { id: a.identityId, statusCode: 202, message: null },
      { id: unknown, statusCode: 404, message: `Referenced identity "${unknown}" was not found.` },
      { id: b.identityId, statusCode: 202, message: null },
    ]);
    await pollAccount(a.id!, (_, x) => x.disabled);
    await pollAccount(b.id!, (_, x) => x.disabled);
    expect((await call(`/beta/identities-accounts/${a.identityId}/enable`, { body: {} })).status).toBe(202);
    await pollAccount(a.id!, (_, x) => !x.disabled);
    expect((await call(`/beta/identities-accounts/${unknown}/enable`, { body: {} })).status).toBe(404);
    expect((await call(`/v3/identities-accounts/${a.identityId}/enable`, { body: {} })).status).toBe(404);
  });

  it('creates an account through the API and updates it with JSON Patch', async () => {
    const created = await call<{ id: string }>('/v3/accounts', {
      body: { attributes: { sourceId: source.sourceId, accountName: 'api.made', displayName: 'Api Made' } },
    });
    expect(created.status).toBe(202);
    const filter = { filters: `sourceId eq "${source.sourceId}" and nativeIdentity eq "api.made"` };
    let found: Account[] = [];
    for (let attempt = 0; attempt < 100 && found.length === 0; attempt++) {
      await sleep(30);
      found = (await accounts(filter)).body;
    }
    expect(found[0]).toMatchObject({ origin: 'PROVISIONED', attributes: { displayName: 'Api Made' } });
    const patch = [{ op: 'add', path: '/attributes/title', value: 'Contractor' }];
    const patched = await call(`/v3/accounts/${found[0].id}`, {
      method: 'PATCH',
      body: JSON.stringify(patch),
      headers: { 'content-type': 'application/json-patch+json' },
    });
    expect(patched.status).toBe(202);
    await pollAccount(found[0].id!, (_, x) => x.attributes?.title === 'Contractor');
    const asJson = await call<ErrorResponseDto>(`/v3/accounts/${found[0].id}`, {
      method: 'PATCH',
      body: patch,
    });
    expect(asJson.status).toBe(415);
  });

  it('refuses a plain user with 403 and an unknown id with 404, as ErrorResponseDto', async () => {
    const forbidden = await call<ErrorResponseDto>('/v3/accounts', { token: user });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ detailCode: '403 Forbidden', messages: [{ locale: 'en-US' }] });
    expect(typeof forbidden.body.trackingId).toBe('string');
    const [account] = (await accounts({ limit: '1' })).body;
    expect((await call(`/v3/accounts/${account.id}/disable`, { token: user, body: {} })).status).toBe(403);
    const missing = await call<ErrorResponseDto>(`/v3/accounts/${'0'.repeat(32)}`);
    expect(missing.status).toBe(404);
    expect(missing.body.detailCode).toBe('404 Not found');
    expect((await call(`/v3/accounts/${'0'.repeat(32)}/enable`, { body: {} })).status).toBe(404);
  });

  it('refuses unsupported filters, sorters and parameters with 400', async () => {
    const refused: Record<string, string>[] = [
      { filters: 'disabled eq true' },
      { filters: `sourceId gt "a"` },
      { filters: 'nativeIdentity eq' },
      { filters: 'hasEntitlements eq "yes"' },
      { sorters: 'disabled' },
      { detailLevel: 'NONE' },
      { limit: '500' },
    ];
    for (const query of refused) {
      const answer = await accounts(query);
      expect(answer.status, JSON.stringify(query)).toBe(400);
      expect((answer.body as unknown as ErrorResponseDto).messages?.[0].text).toBeTruthy();
    }
    expect((await accounts({ sorters: 'sourceOwner.name' }, 'beta')).status).toBe(200);
    expect((await accounts({ sorters: 'sourceOwner.name' })).status).toBe(400);
  });

  it('returns to the seeded accounts on reset', async () => {
    const [account] = (await accounts({ filters: `sourceId eq "${source.sourceId}"`, limit: '1' })).body;
    await call(`/v3/accounts/${account.id}`, { method: 'DELETE' });
    await pollAccount(account.id!, (status) => status === 404);
    await sandbox.resetAll();
    expect((await call<Account>(`/v3/accounts/${account.id}`)).body).toEqual(account);
  });
});
