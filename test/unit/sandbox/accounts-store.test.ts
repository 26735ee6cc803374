import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDerivedIds } from '../../../src/sandbox/accounts/account-ids.ts';
import { type AccountQuery, queryAccounts } from '../../../src/sandbox/accounts/account-query.ts';
import { createAccountStore } from '../../../src/sandbox/accounts/account-store.ts';
import { toWireAccount } from '../../../src/sandbox/accounts/account-view.ts';
import { ENTITLEMENT_CATALOG_SIZE } from '../../../src/sandbox/accounts/entitlement-catalog.ts';
import { parseFilter } from '../../../src/sandbox/collections/index.ts';
import type {
  DirectoryRecord,
  DirectorySource,
  RecordDirectory,
} from '../../../src/sandbox/store/record-directory.ts';

const hex = (text: string) => createHash('md5').update(text).digest('hex');
const uuid = (text: string) => hex(text).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

type IdStyle = 'uuid' | 'hex' | 'opaque';

/** A directory over plain arrays that counts the calls a query makes, so tests can see scans. */
function createFakeDirectory(spec: { sources: number; records: number; idStyle?: IdStyle }) {
  const calls = { recordsOnIscSource: 0, recordByAccountName: 0, recordById: 0 };
  const sources: DirectorySource[] = [];
  const records = new Map<string, DirectoryRecord[]>();
  const byId = new Map<string, { source: DirectorySource; record: DirectoryRecord }>();
  for (let s = 0; s < spec.sources; s++) {
    const source = {
      nonEmployeeSourceId: uuid(`nes${s}`),
      iscSourceId: hex(`isc${s}`),
      name: `Source ${s}`,
      ownerIdentityId: hex(`owner${s}`),
    };
    sources.push(source);
    const list: DirectoryRecord[] = [];
    for (let r = 0; r < spec.records; r++) {
      const key = `rec${s}-${r}`;
      const recordId =
        spec.idStyle === 'hex' ? hex(key) : spec.idStyle === 'opaque' ? `record:${key}` : uuid(key);
      const created = new Date(Date.UTC(2024, 0, 1) + (s * spec.records + r) * 60_000).toISOString();
      const record = {
        recordId,
        accountName: `user${s}.${r}`,
        firstName: `First${r}`,
        lastName: `Last${s}`,
        email: `u${s}.${r}@example.com`,
        created,
        modified: created,
      };
      list.push(record);
      byId.set(recordId, { source, record });
    }
    records.set(source.iscSourceId, list);
  }
  const directory: RecordDirectory = {
    sources: () => sources,
    sourceByIscId: (id) => sources.find((s) => s.iscSourceId === id),
    recordsOnIscSource(id) {
      calls.recordsOnIscSource++;
      return records.get(id) ?? [];
    },
    recordByAccountName(id, name) {
      calls.recordByAccountName++;
      return records.get(id)?.find((r) => r.accountName === name);
    },
    recordById(id) {
      calls.recordById++;
      return byId.get(id);
    },
  };
  const resetCalls = () => {
    calls.recordsOnIscSource = 0;
    calls.recordByAccountName = 0;
    calls.recordById = 0;
  };
  return { directory, sources, records, calls, resetCalls };
}

function setup(spec: { sources: number; records: number; idStyle?: IdStyle; seed?: number }) {
  const fake = createFakeDirectory(spec);
  const ids = createDerivedIds(fake.directory, spec.seed ?? 7);
  const store = createAccountStore({
    directory: fake.directory,
    ids,
    seed: spec.seed ?? 7,
    catalogSize: ENTITLEMENT_CATALOG_SIZE,
  });
  const query = (q: Partial<AccountQuery> & { filters?: string }) =>
    queryAccounts(
      {
        limit: 250,
        offset: 0,
        count: false,
        sorters: [],
        ...q,
        filter: q.filters ? parseFilter(q.filters) : undefined,
      },
      store,
      fake.directory,
    );
  return { ...fake, ids, store, query };
}

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

  it('renders FULL with every field of the schema and SLIM with the required ones', async () => {
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
    for (const required of [
      'sourceId',
      'sourceName',
      'attributes',
      'authoritative',
      'disabled',
      'locked',
      'nativeIdentity',
      'systemAccount',
      'uncorrelated',
      'manuallyCorrelated',
      'hasEntitlements',
      'name',
    ]) {
      expect(slim).toHaveProperty(required);
    }
  });
});

describe('account queries', () => {
  it('answers sourceId eq + nativeIdentity in (250 keys) through the indexes, without reading the source', async () => {
    const { query, sources, calls, resetCalls } = setup({ sources: 3, records: 2_000 });
    const names = Array.from({ length: 250 }, (_, i) => `user1.${i * 7}`);
    names[10] = 'nobody';
    resetCalls();
    const page = await query({
      filters: `sourceId eq "${sources[1].iscSourceId}" and nativeIdentity in (${names.map((n) => `"${n}"`).join(',')})`,
    });
    expect(calls.recordsOnIscSource).toBe(0);
    expect(calls.recordByAccountName).toBe(250);
    expect(page.items).toHaveLength(249);
    expect(new Set(page.items.map((a) => a.nativeIdentity))).toEqual(
      new Set(names.filter((n) => n !== 'nobody')),
    );
  });

  it('answers id in (...) by decoding ids, without reading any source', async () => {
    const { query, store, sources, calls, resetCalls } = setup({ sources: 2, records: 500 });
    const wanted = [...store.onSource(sources[0].iscSourceId)].slice(0, 100).map((a) => a.id);
    resetCalls();
    const page = await query({ filters: `id in (${wanted.map((id) => `"${id}"`).join(',')})`, count: true });
    expect(calls.recordsOnIscSource).toBe(0);
    expect(page.items.map((a) => a.id)).toEqual(wanted);
    expect(page.total).toBe(100);
  });

  it('answers nativeIdentity eq without a sourceId by one lookup per source', async () => {
    const { query, calls, resetCalls } = setup({ sources: 4, records: 100 });
    resetCalls();
    const page = await query({ filters: 'nativeIdentity eq "user2.42"' });
    expect(page.items.map((a) => a.nativeIdentity)).toEqual(['user2.42']);
    expect(calls.recordsOnIscSource).toBe(0);
    expect(calls.recordByAccountName).toBe(4);
  });

  it('pages a source in order and counts it, the same with and without removed accounts', async () => {
    const { query, store, sources } = setup({ sources: 2, records: 300 });
    const filters = `sourceId in ("${sources[0].iscSourceId}","${sources[1].iscSourceId}")`;
    const first = await query({ filters, count: true, limit: 250 });
    const second = await query({ filters, count: true, limit: 250, offset: 250 });
    expect(first.total).toBe(600);
    expect(second.items[0].nativeIdentity).toBe('user0.250');
    expect(second.items[50].nativeIdentity).toBe('user1.0');
    store.change(store.byNativeIdentity(sources[0].iscSourceId, 'user0.0')[0], { removed: true });
    const afterRemoval = await query({ filters, count: true, limit: 250, offset: 249 });
    expect(afterRemoval.total).toBe(599);
    expect(afterRemoval.items[0].nativeIdentity).toBe('user0.250');
  });

  it('lists created accounts after the records of their source', async () => {
    const { query, store, sources } = setup({ sources: 1, records: 3 });
    const sourceId = sources[0].iscSourceId;
    store.addCreated({
      id: hex('c1'),
      sourceId,
      nativeIdentity: 'made',
      identityId: hex('i1'),
      identityName: 'Made',
      attributes: {},
      created: '2024-06-01T00:00:00.000Z',
    });
    expect(
      (await query({ filters: `sourceId eq "${sourceId}"`, offset: 2 })).items.map((a) => a.nativeIdentity),
    ).toEqual(['user0.2', 'made']);
    expect((await query({ filters: 'origin eq "PROVISIONED"' })).items.map((a) => a.id)).toEqual([hex('c1')]);
    expect((await query({ filters: `nativeIdentity eq "made"` })).items).toHaveLength(1);
  });

  it('filters on the non-indexed fields and sorts, with a bounded top list or a full sort alike', async () => {
    const { query } = setup({ sources: 2, records: 400 });
    const entitled = await query({ filters: 'hasEntitlements eq true', count: true });
    expect(entitled.items.every((a) => a.entitlementIndexes.length > 0)).toBe(true);
    expect(entitled.total).toBeGreaterThan(0);
    const named = await query({ filters: 'identity.name sw "first1"', count: true });
    expect(named.items.every((a) => a.identityName!.startsWith('First1'))).toBe(true);
    expect(named.total).toBe(2 * 111);
    const recent = await query({ filters: 'created ge 2024-01-01T10:00:00Z', count: true });
    expect(recent.total).toBe(800 - 600);
    const sorters = [{ field: 'nativeIdentity', descending: true }];
    const top = await query({ sorters, limit: 5, offset: 3 });
    const all = await query({ sorters, limit: 250, offset: 0 });
    expect(top.items.map((a) => a.nativeIdentity)).toEqual(
      all.items.slice(3, 8).map((a) => a.nativeIdentity),
    );
    expect(all.items[0].nativeIdentity).toBe('user1.99');
    const deep = await query({ sorters, limit: 10, offset: 5_000, count: true });
    expect(deep).toEqual({ items: [], total: 800 });
  });

  it('lets other work run while it scans', async () => {
    const { query } = setup({ sources: 5, records: 2_000 });
    let otherWorkRan = false;
    const scan = query({ filters: 'identity.name sw "nobody"', count: true }).then((page) => ({
      page,
      otherWorkRan,
    }));
    setImmediate(() => {
      otherWorkRan = true;
    });
    expect(await scan).toEqual({ page: { items: [], total: 0 }, otherWorkRan: true });
  });
});
