import { describe, expect, it } from 'vitest';
import { createDerivedIds } from '../../../src/sandbox/accounts/account-ids.ts';
import { toWireAccount } from '../../../src/sandbox/accounts/account-view.ts';
import { setupAccountStore as setup } from './account-store-setup.ts';

describe('derived accounts', () => {
  it.each(['uuid', 'hex', 'opaque'] as const)(
    'gives every record (%s ids) an account on its ISC source, found by id',
    (idStyle) => {
      const { store, sources, records, ids } = setup({ sources: 2, records: 20, idStyle });
      const record = records.get(sources[1].iscSourceId)![3];
      const id = ids.accountIdOf(record.recordId);
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      const account = store.byId(id)!;
      expect(account).toMatchObject({
        nativeIdentity: 'user1.3',
        name: 'user1.3',
        recordId: record.recordId,
        identityId: ids.identityIdOf(record.recordId),
        identityName: 'First3 Last1',
      });
      expect(account.source.iscSourceId).toBe(sources[1].iscSourceId);
      expect(account.attributes).toMatchObject({
        firstname: 'First3',
        lastname: 'Last1',
        email: 'u1.3@example.com',
      });
      expect(store.byIdentity(account.identityId!).map((a) => a.id)).toEqual([id]);
    },
  );

  it('derives the same ids and seeded state on every run, and different ids for another seed', async () => {
    const a = setup({ sources: 1, records: 300 });
    const b = setup({ sources: 1, records: 300 });
    const c = setup({ sources: 1, records: 300, seed: 8 });
    const states = (s: ReturnType<typeof setup>) =>
      [...s.store.all()].map((x) => [x.id, x.disabled, x.locked, x.entitlementIndexes.join()].join('|'));
    expect(states(a)).toEqual(states(b));
    expect([...c.store.all()][0].id).not.toBe([...a.store.all()][0].id);
  });

  it('seeds some disabled, locked and entitled accounts, most enabled and unlocked', async () => {
    const all = [...setup({ sources: 2, records: 300 }).store.all()];
    const share = (f: (a: (typeof all)[number]) => boolean) => all.filter(f).length / all.length;
    expect(share((a) => a.disabled)).toBeGreaterThan(0.02);
    expect(share((a) => a.disabled)).toBeLessThan(0.2);
    expect(share((a) => a.locked)).toBeGreaterThan(0.01);
    expect(share((a) => a.locked)).toBeLessThan(0.15);
    expect(share((a) => a.entitlementIndexes.length > 0)).toBeGreaterThan(0.5);
  });

  it('finds an account by id before this process ever derived it, whatever the record id shape', async () => {
    for (const idStyle of ['uuid', 'opaque'] as const) {
      const first = setup({ sources: 2, records: 10, idStyle });
      const fresh = createDerivedIds(first.directory, 7);
      const record = first.records.get(first.sources[1].iscSourceId)![4];
      const id = first.ids.accountIdOf(record.recordId);
      expect(fresh.recordOfAccountId(id)?.record).toBe(record);
      expect(fresh.recordOfIdentityId(first.ids.identityIdOf(record.recordId))?.record).toBe(record);
    }
  });

  it('does not find an unknown id, or a record id used as an account id', async () => {
    const { store, sources, records } = setup({ sources: 1, records: 5 });
    expect(store.byId('0'.repeat(32))).toBeUndefined();
    expect(store.byId(records.get(sources[0].iscSourceId)![0].recordId.replaceAll('-', ''))).toBeUndefined();
    expect(store.byId('not-an-id')).toBeUndefined();
  });

  it('keeps a removed account out of lookups and lists, and counts it on its source', async () => {
    const { store, sources, query } = setup({ sources: 1, records: 10 });
    const [first] = store.onSource(sources[0].iscSourceId);
    store.change(first, { removed: true });
    expect(store.byId(first.id)).toBeUndefined();
    expect(store.byNativeIdentity(sources[0].iscSourceId, first.nativeIdentity)).toEqual([]);
    expect(store.removedOn(sources[0].iscSourceId)).toBe(1);
    const page = await query({ filters: `sourceId eq "${sources[0].iscSourceId}"`, count: true });
    expect(page.total).toBe(9);
    expect(page.items.map((a) => a.id)).not.toContain(first.id);
  });

  it('reassigns an account to another identity and back to uncorrelated', async () => {
    const { store, sources } = setup({ sources: 1, records: 3 });
    const [a, b] = store.onSource(sources[0].iscSourceId);
    store.change(a, { identityId: b.identityId, manuallyCorrelated: true });
    expect(
      store
        .byIdentity(b.identityId!)
        .map((x) => x.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(store.byIdentity(a.identityId!)).toEqual([]);
    expect(store.byId(a.id)).toMatchObject({ identityName: b.identityName, manuallyCorrelated: true });
    store.change(store.byId(a.id)!, { identityId: null });
    expect(toWireAccount(store.byId(a.id)!)).toMatchObject({ uncorrelated: true, identityState: null });
    expect(toWireAccount(store.byId(a.id)!)).not.toHaveProperty('identityId');
  });

  it("renders FULL with every field of the schema and SLIM with exactly the spec example's fields", async () => {
    const { store, sources } = setup({ sources: 1, records: 1 });
    const [account] = store.onSource(sources[0].iscSourceId);
    const full = toWireAccount(account, 'FULL');
    expect(Object.keys(full)).toEqual([
      'id',
      'name',
      'created',
      'modified',
      'sourceId',
      'sourceName',
      'identityId',
      'cloudLifecycleState',
      'identityState',
      'connectionType',
      'isMachine',
      'recommendation',
      'attributes',
      'authoritative',
      'description',
      'disabled',
      'locked',
      'nativeIdentity',
      'systemAccount',
      'uncorrelated',
      'uuid',
      'manuallyCorrelated',
      'hasEntitlements',
      'identity',
      'sourceOwner',
      'features',
      'origin',
      'ownerIdentity',
    ]);
    expect(full.identity).toEqual({ id: account.identityId, type: 'IDENTITY', name: 'First0 Last0' });
    const slim = toWireAccount(account, 'SLIM');
    expect(slim.attributes).toBeNull();
    expect(slim).not.toHaveProperty('identity');
    // The beta spec's `SlimAccounts` example: no sourceName, authoritative, systemAccount, uncorrelated.
    expect(Object.keys(slim).sort()).toEqual([
      'attributes',
      'created',
      'description',
      'disabled',
      'features',
      'hasEntitlements',
      'id',
      'identityId',
      'locked',
      'manuallyCorrelated',
      'modified',
      'name',
      'nativeIdentity',
      'sourceId',
      'uuid',
    ]);
    for (const field of ['id', 'name', 'sourceId', 'nativeIdentity', 'disabled', 'locked'] as const) {
      expect(slim[field]).toEqual(full[field]);
    }
  });
});
