import { describe, expect, it, vi } from 'vitest';
import type { Account } from '../../../src/upstream/wire/accounts.ts';
import { useAccountsModule } from './accounts-module.ts';

describe('accounts routes', () => {
  const harness = useAccountsModule();
  const { call, list, byName } = harness;

  it('applies a disable only after the task delay, and answers the task id at once', async () => {
    const account = (await list(`sourceId eq "${harness.directory.iscIds[0]}"`)).find((a) => !a.disabled)!;
    const answer = await call(
      'POST',
      '/accounts/:id/disable',
      { id: account.id! },
      { body: { forceProvisioning: true } },
    );
    expect(answer.status).toBe(202);
    expect((answer.body as { id: string }).id).toMatch(/^[0-9a-f]{32}$/);
    expect((await call('GET', '/accounts/:id', { id: account.id! })).body).toMatchObject({ disabled: false });
    expect(harness.module.pendingTasks()).toBe(1);
    vi.advanceTimersByTime(300);
    expect(harness.module.pendingTasks()).toBe(0);
    const after = (await call('GET', '/accounts/:id', { id: account.id! })).body as Account;
    expect(after.disabled).toBe(true);
    expect(after.modified! > '2025-05-01T00:00:00.000Z').toBe(true);
  });

  it('cancels pending tasks on reset', async () => {
    const account = await byName('user0.1');
    await call('POST', '/accounts/:id/unlock', { id: account.id! }, { body: {} });
    await call('POST', '/accounts/:id/remove', { id: account.id! }, { version: 'beta' });
    expect(harness.module.pendingTasks()).toBe(2);
    harness.module.reset();
    expect(harness.module.pendingTasks()).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(await byName('user0.1')).toEqual(account);
  });

  it('accepts asking for the state an account already has, and changes nothing', async () => {
    const account = (await list(`sourceId eq "${harness.directory.iscIds[1]}"`)).find(
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
    const sourceId = harness.directory.iscIds[0];
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
      { body: { attributes: { sourceId: harness.directory.iscIds[0], accountName: 'x', age: 3 } } },
    );
    expect([noSource.status, unknown.status, notString.status]).toEqual([400, 400, 400]);
  });

  it('patches the correlation and attributes with JSON Patch only', async () => {
    const [a, b] = await list(`sourceId eq "${harness.directory.iscIds[0]}"`, { limit: '2' });
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
    const [a, b] = await list(`sourceId eq "${harness.directory.iscIds[1]}"`, { limit: '2' });
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
});
