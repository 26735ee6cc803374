import { describe, expect, it } from 'vitest';
import { setupAccountStore as setup } from './account-store-setup.ts';
import { hex } from './fake-directory.ts';

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
