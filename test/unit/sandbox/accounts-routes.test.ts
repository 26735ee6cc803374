import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AccountsModule, createAccountsModule } from '../../../src/sandbox/accounts/index.ts';
import { isSandboxError } from '../../../src/sandbox/http/sandbox-error.ts';
import type { ApiVersion, SandboxRequest, SandboxResponse } from '../../../src/sandbox/http/types.ts';
import type {
  DirectoryRecord,
  DirectorySource,
  RecordDirectory,
} from '../../../src/sandbox/store/record-directory.ts';
import type { Account, Entitlement } from '../../../src/upstream/wire/accounts.ts';

const hex = (text: string) => createHash('md5').update(text).digest('hex');

function createDirectory(sourceCount: number, recordCount: number): RecordDirectory & { iscIds: string[] } {
  const sources: DirectorySource[] = [];
  const records = new Map<string, DirectoryRecord[]>();
  const byId = new Map<string, { source: DirectorySource; record: DirectoryRecord }>();
  for (let s = 0; s < sourceCount; s++) {
    const source = {
      nonEmployeeSourceId: hex(`n${s}`),
      iscSourceId: hex(`s${s}`),
      name: `Source ${s}`,
      ownerIdentityId: hex(`o${s}`),
    };
    sources.push(source);
    const list = Array.from({ length: recordCount }, (_, r): DirectoryRecord => {
      const time = new Date(Date.UTC(2024, 0, 1, 0, r)).toISOString();
      return {
        recordId: hex(`r${s}.${r}`),
        accountName: `user${s}.${r}`,
        firstName: 'Ann',
        lastName: `Lee${r}`,
        created: time,
        modified: time,
      };
    });
    for (const record of list) byId.set(record.recordId, { source, record });
    records.set(source.iscSourceId, list);
  }
  return {
    iscIds: sources.map((s) => s.iscSourceId),
    sources: () => sources,
    sourceByIscId: (id) => sources.find((s) => s.iscSourceId === id),
    recordsOnIscSource: (id) => records.get(id) ?? [],
    recordByAccountName: (id, name) => records.get(id)?.find((r) => r.accountName === name),
    recordById: (id) => byId.get(id),
  };
}

const ADMIN = ['idn:accounts:read', 'idn:accounts:manage'];

interface Call {
  version?: ApiVersion;
  query?: Record<string, string>;
  body?: unknown;
  contentType?: string;
  rights?: string[];
}

describe('accounts routes', () => {
  let directory: ReturnType<typeof createDirectory>;
  let module: AccountsModule;

  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2025, 4, 1) });
    directory = createDirectory(2, 30);
    module = createAccountsModule({
      directory,
      now: () => new Date(),
      seed: 3,
      taskDelay: { minMs: 50, maxMs: 300 },
    });
  });
  afterEach(() => {
    module.reset();
    vi.useRealTimers();
  });

  /** Calls the route whose template matches `path` (e.g. `/accounts/:id/enable` with params filled). */
  async function call(
    method: string,
    template: string,
    params: Record<string, string> = {},
    options: Call = {},
  ) {
    const version = options.version ?? 'v3';
    const route = module.routes.find(
      (r) => r.method === method && r.template === template && r.versions.includes(version),
    );
    if (!route) throw new Error(`no route ${method} ${version} ${template}`);
    const body =
      options.body === undefined
        ? Buffer.alloc(0)
        : Buffer.from(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
    const req: SandboxRequest = {
      method,
      version,
      path: template,
      params,
      query: new URLSearchParams(options.query),
      headers:
        options.body === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' },
      body,
      caller: {
        identityId: 'caller',
        clientId: 'client',
        rights: new Set(options.rights ?? ADMIN),
        tokenId: 'jti',
      },
    };
    try {
      return await route.handler(req);
    } catch (error) {
      if (isSandboxError(error))
        return {
          status: error.status,
          body: { detailCode: error.detailCode, message: error.message },
        } as SandboxResponse;
      throw error;
    }
  }

  const list = async (filters: string, query: Record<string, string> = {}) =>
    (await call('GET', '/accounts', {}, { query: { filters, ...query } })).body as Account[];
  const byName = async (name: string) => (await list(`nativeIdentity eq "${name}"`))[0];

  it('serves every v3 operation under v3 and beta, and the five beta-only ones under beta only', () => {
    const keys = module.routes.map((r) => `${r.method} ${r.template} ${r.versions.join('+')}`).sort();
    expect(keys).toEqual([
      'DELETE /accounts/:id v3+beta',
      'GET /accounts v3+beta',
      'GET /accounts/:id v3+beta',
      'GET /accounts/:id/entitlements v3+beta',
      'PATCH /accounts/:id v3+beta',
      'POST /accounts v3+beta',
      'POST /accounts/:id/disable v3+beta',
      'POST /accounts/:id/enable v3+beta',
      'POST /accounts/:id/reload v3+beta',
      'POST /accounts/:id/remove beta',
      'POST /accounts/:id/unlock v3+beta',
      'POST /identities-accounts/:id/disable beta',
      'POST /identities-accounts/:id/enable beta',
      'POST /identities-accounts/disable beta',
      'POST /identities-accounts/enable beta',
      'PUT /accounts/:id v3+beta',
    ]);
  });

  it('applies a disable only after the task delay, and answers the task id at once', async () => {
    const account = (await list(`sourceId eq "${directory.iscIds[0]}"`)).find((a) => !a.disabled)!;
    const answer = await call(
      'POST',
      '/accounts/:id/disable',
      { id: account.id! },
      { body: { forceProvisioning: true } },
    );
    expect(answer.status).toBe(202);
    expect((answer.body as { id: string }).id).toMatch(/^[0-9a-f]{32}$/);
    expect((await call('GET', '/accounts/:id', { id: account.id! })).body).toMatchObject({ disabled: false });
    expect(module.pendingTasks()).toBe(1);
    vi.advanceTimersByTime(300);
    expect(module.pendingTasks()).toBe(0);
    const after = (await call('GET', '/accounts/:id', { id: account.id! })).body as Account;
    expect(after.disabled).toBe(true);
    expect(after.modified! > '2025-05-01T00:00:00.000Z').toBe(true);
  });

  it('cancels pending tasks on reset', async () => {
    const account = await byName('user0.1');
    await call('POST', '/accounts/:id/unlock', { id: account.id! }, { body: {} });
    await call('POST', '/accounts/:id/remove', { id: account.id! }, { version: 'beta' });
    module.reset();
    vi.advanceTimersByTime(1_000);
    expect(await byName('user0.1')).toEqual(account);
  });

  it('accepts asking for the state an account already has, and changes nothing', async () => {
    const account = (await list(`sourceId eq "${directory.iscIds[1]}"`)).find(
      (a) => !a.disabled && !a.locked,
    )!;
    expect((await call('POST', '/accounts/:id/enable', { id: account.id! }, { body: {} })).status).toBe(202);
    expect(
      (await call('POST', '/accounts/:id/unlock', { id: account.id! }, { body: { unlockIDNAccount: true } }))
        .status,
    ).toBe(202);
    vi.advanceTimersByTime(300);
    expect((await call('GET', '/accounts/:id', { id: account.id! })).body).toEqual(account);
  });

  it('removes an account: 404 by id and absent from lists', async () => {
    const account = await byName('user1.4');
    const answer = await call('POST', '/accounts/:id/remove', { id: account.id! }, { version: 'beta' });
    expect(answer).toMatchObject({ status: 202, body: { type: 'TASK_RESULT', name: null } });
    vi.advanceTimersByTime(300);
    expect((await call('GET', '/accounts/:id', { id: account.id! })).status).toBe(404);
    expect(await list(`id eq "${account.id}"`)).toEqual([]);
    expect((await call('DELETE', '/accounts/:id', { id: account.id! })).status).toBe(404);
  });

  it('creates an account on a source, and a second create under that name updates it', async () => {
    const sourceId = directory.iscIds[0];
    const created = await call(
      'POST',
      '/accounts',
      {},
      { body: { attributes: { sourceId, accountName: 'ext.1', displayName: 'Ext One' } } },
    );
    expect(created.status).toBe(202);
    vi.advanceTimersByTime(300);
    const account = await byName('ext.1');
    expect(account).toMatchObject({
      sourceId,
      origin: 'PROVISIONED',
      attributes: { accountName: 'ext.1', displayName: 'Ext One' },
      identity: { name: 'Ext One' },
    });
    await call(
      'POST',
      '/accounts',
      {},
      { body: { attributes: { sourceId, accountName: 'ext.1', city: 'Austin' } } },
    );
    vi.advanceTimersByTime(300);
    expect((await byName('ext.1')).attributes).toMatchObject({ displayName: 'Ext One', city: 'Austin' });
    expect(await list(`sourceId eq "${sourceId}"`, { count: 'true' })).toHaveLength(31);
  });

  it('refuses a create without a known source, or with non-string attributes', async () => {
    const noSource = await call('POST', '/accounts', {}, { body: { attributes: { accountName: 'x' } } });
    const unknown = await call(
      'POST',
      '/accounts',
      {},
      { body: { attributes: { sourceId: 'nope', accountName: 'x' } } },
    );
    const notString = await call(
      'POST',
      '/accounts',
      {},
      { body: { attributes: { sourceId: directory.iscIds[0], accountName: 'x', age: 3 } } },
    );
    expect([noSource.status, unknown.status, notString.status]).toEqual([400, 400, 400]);
  });

  it('patches the correlation and attributes with JSON Patch only', async () => {
    const [a, b] = await list(`sourceId eq "${directory.iscIds[0]}"`, { limit: '2' });
    const patch = [
      { op: 'replace', path: '/identityId', value: b.identityId },
      { op: 'add', path: '/attributes/city', value: 'Austin' },
    ];
    const wrongType = await call('PATCH', '/accounts/:id', { id: a.id! }, { body: patch });
    expect(wrongType.status).toBe(415);
    const badPath = await call(
      'PATCH',
      '/accounts/:id',
      { id: a.id! },
      {
        body: [{ op: 'replace', path: '/disabled', value: true }],
        contentType: 'application/json-patch+json',
      },
    );
    expect(badPath.status).toBe(400);
    const ok = await call(
      'PATCH',
      '/accounts/:id',
      { id: a.id! },
      { body: patch, contentType: 'application/json-patch+json' },
    );
    expect(ok.status).toBe(202);
    vi.advanceTimersByTime(300);
    const after = (await call('GET', '/accounts/:id', { id: a.id! })).body as Account;
    expect(after).toMatchObject({
      identityId: b.identityId,
      manuallyCorrelated: true,
      attributes: { city: 'Austin' },
    });
    expect((await list(`identityId eq "${b.identityId}"`)).map((x) => x.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
  });

  it('replaces attributes with PUT', async () => {
    const account = await byName('user0.2');
    expect(
      (
        await call(
          'PUT',
          '/accounts/:id',
          { id: account.id! },
          { body: { attributes: { accountName: 'user0.2', city: 'Paris' } } },
        )
      ).status,
    ).toBe(202);
    vi.advanceTimersByTime(300);
    expect((await byName('user0.2')).attributes).toEqual({ accountName: 'user0.2', city: 'Paris' });
    expect(
      (await call('PUT', '/accounts/:id', { id: account.id! }, { body: { attributes: [] } })).status,
    ).toBe(400);
  });

  it('toggles every account of an identity, and answers 207 per identity in bulk', async () => {
    const [a, b] = await list(`sourceId eq "${directory.iscIds[1]}"`, { limit: '2' });
    const unknown = '0'.repeat(32);
    const answer = await call(
      'POST',
      '/identities-accounts/disable',
      {},
      { version: 'beta', body: { identityIds: [a.identityId, unknown, b.identityId] } },
    );
    expect(answer).toEqual({
      status: 207,
      body: [
        { id: a.identityId, statusCode: 202, message: null },
        { id: unknown, statusCode: 404, message: `Referenced identity "${unknown}" was not found.` },
        { id: b.identityId, statusCode: 202, message: null },
      ],
    });
    vi.advanceTimersByTime(300);
    expect((await list(`id in ("${a.id}","${b.id}")`)).map((x) => x.disabled)).toEqual([true, true]);
    expect(
      (await call('POST', '/identities-accounts/:id/enable', { id: a.identityId! }, { version: 'beta' }))
        .status,
    ).toBe(202);
    expect(
      (await call('POST', '/identities-accounts/:id/enable', { id: unknown }, { version: 'beta' })).status,
    ).toBe(404);
    vi.advanceTimersByTime(300);
    expect((await byName(a.nativeIdentity)).disabled).toBe(false);
    expect(
      (await call('POST', '/identities-accounts/enable', {}, { version: 'beta', body: { identityIds: 'x' } }))
        .status,
    ).toBe(400);
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
    const account = (await list('hasEntitlements eq true')).find((a) => a.hasEntitlements)!;
    const all = (await call('GET', '/accounts/:id/entitlements', { id: account.id! })).body as Entitlement[];
    expect(all.length).toBeGreaterThan(0);
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
