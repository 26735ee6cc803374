import { describe, expect, it } from 'vitest';
import { createCallCache } from '../../../src/loaders/call-cache.ts';
import { createLoaders } from '../../../src/loaders/index.ts';
import type { ListParams } from '../../../src/upstream/api.ts';
import { UpstreamNotFoundError, UpstreamUnavailableError } from '../../../src/upstream/errors.ts';
import { compileFilter, type FilterExpression } from '../../../src/upstream/filters.ts';
import { createRecordingApi, listAccountsByName } from './recording-api.ts';

describe('createCallCache', () => {
  it('makes an identical call once, whatever the order of its parameters', async () => {
    const cache = createCallCache();
    let made = 0;
    const call = async () => ++made;
    const [a, b] = await Promise.all([
      cache.once('records', { limit: 5, offset: 0 }, call),
      cache.once('records', { offset: 0, limit: 5 }, call),
    ]);
    expect([a, b, made]).toEqual([1, 1, 1]);
    await cache.once('records', { offset: 5, limit: 5 }, call);
    expect(made).toBe(2);
  });

  it('does not keep a failed call', async () => {
    const cache = createCallCache();
    await expect(cache.once('x', {}, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(cache.once('x', {}, async () => 'ok')).resolves.toBe('ok');
  });
});

describe('by-id loaders', () => {
  it('answer one slot per key: null for a 404, the error in a failed slot, values elsewhere', async () => {
    const { api } = createRecordingApi({
      getNonEmployeeRecord: async (id) => {
        if (id === 'gone') throw new UpstreamNotFoundError('not found', { status: 404 });
        if (id === 'broken') throw new UpstreamUnavailableError('down', { status: 503 });
        return { id, accountName: `name-${id}` };
      },
    });
    const loaders = createLoaders(api);
    const results = await Promise.allSettled(
      ['a', 'gone', 'broken', 'b'].map((id) => loaders.record.load(id)),
    );
    expect(results[0]).toEqual({ status: 'fulfilled', value: { id: 'a', accountName: 'name-a' } });
    expect(results[1]).toEqual({ status: 'fulfilled', value: null });
    expect(results[2]).toMatchObject({ status: 'rejected', reason: expect.any(UpstreamUnavailableError) });
    expect(results[3]).toEqual({ status: 'fulfilled', value: { id: 'b', accountName: 'name-b' } });
  });

  it('are primed by lists, so a listed record costs no get', async () => {
    const { api, calls } = createRecordingApi({
      listNonEmployeeRecords: async () => ({ items: [{ id: 'r1' }, { id: 'r2' }], totalCount: null }),
    });
    const loaders = createLoaders(api);
    await loaders.listRecords({ limit: 2 });
    await loaders.listRecords({ limit: 2 });
    expect(await loaders.record.load('r2')).toEqual({ id: 'r2' });
    expect(calls.map((call) => call.method)).toEqual(['listNonEmployeeRecords']);
  });
});

describe('replace after a write', () => {
  it('holds the answer where the loader already had the object, and forgets the lists', async () => {
    const { api, calls } = createRecordingApi({
      getNonEmployeeRecord: async (id) => ({ id, accountName: 'before' }),
      listNonEmployeeRecords: async () => ({ items: [], totalCount: null }),
    });
    const loaders = createLoaders(api);
    expect(await loaders.record.load('r1')).toEqual({ id: 'r1', accountName: 'before' });
    await loaders.listRecords({ limit: 1 });
    loaders.replaceRecord('r1', { id: 'r1', accountName: 'after' });
    expect(await loaders.record.load('r1')).toEqual({ id: 'r1', accountName: 'after' });
    await loaders.listRecords({ limit: 1 });
    expect(calls.map((call) => call.method)).toEqual([
      'getNonEmployeeRecord',
      'listNonEmployeeRecords',
      'listNonEmployeeRecords',
    ]);
  });
});

describe('source loader', () => {
  it('answers any number of sources in one tick with one list call (with counts)', async () => {
    const { api, calls } = createRecordingApi({
      listNonEmployeeSources: async () => ({
        items: Array.from({ length: 50 }, (_, index) => ({
          id: `s${index}`,
          name: `S${index}`,
          nonEmployeeCount: index,
        })),
        totalCount: null,
      }),
      getNonEmployeeSource: async (id) => {
        throw new UpstreamNotFoundError(`${id} not found`, { status: 404 });
      },
    });
    const loaders = createLoaders(api);
    const sources = await Promise.all(
      Array.from({ length: 50 }, (_, index) => loaders.source.load(`s${index}`)),
    );
    expect(sources.map((source) => source?.nonEmployeeCount)).toEqual(
      Array.from({ length: 50 }, (_, i) => i),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0].args[0]).toMatchObject({ limit: 250, nonEmployeeCount: true });
    // The list holds every source of the org (at most 50 in a page of 250): one it lacks does not exist.
    expect(await loaders.source.load('missing')).toBeNull();
    expect(calls.map((call) => call.method)).toEqual(['listNonEmployeeSources']);
  });
});

describe('accounts by native identity', () => {
  it('batches by source with `in`, at most 250 names a call, and matches by key not position', async () => {
    // Reverse order and a missing account: the loader must not rely on positions.
    const { api, calls } = createRecordingApi({
      listAccounts: listAccountsByName((name) => !name.endsWith('7')),
    });
    const names = Array.from({ length: 600 }, (_, index) => `user.${index}`);
    const loaders = createLoaders(api);
    const results = await Promise.all([
      ...names.map((nativeIdentity) =>
        loaders.accountByNativeIdentity.load({ sourceId: 'src-a', nativeIdentity }),
      ),
      loaders.accountByNativeIdentity.load({ sourceId: 'src-b', nativeIdentity: 'user.1' }),
    ]);
    expect(calls).toHaveLength(4);
    for (const call of calls) {
      const params = call.args[0] as ListParams;
      expect(compileFilter(params.filters as FilterExpression)).toMatch(
        /^sourceId eq "src-[ab]" and nativeIdentity in \(/,
      );
      const filter = params.filters as unknown as { operands: { values?: readonly string[] }[] };
      expect(filter.operands[1].values?.length).toBeLessThanOrEqual(250);
    }
    results.slice(0, 600).forEach((result, index) => {
      if (names[index].endsWith('7')) expect(result).toBeNull();
      else expect(result).toMatchObject({ sourceId: 'src-a', nativeIdentity: names[index] });
    });
    expect(results[600]).toMatchObject({ sourceId: 'src-b', nativeIdentity: 'user.1' });
  });
});

describe('a by-id loader primed by a list', () => {
  it('answers a primed id without a call, keeps the first prime, and forgets it when cleared', async () => {
    const { api, calls } = createRecordingApi({
      getNonEmployeeRecord: async (id) => ({ id, accountName: 'read' }),
    });
    const loaders = createLoaders(api);
    loaders.record.prime('r1', { id: 'r1', accountName: 'listed' });
    loaders.record.prime('r1', { id: 'r1', accountName: 'later' });
    expect((await loaders.record.load('r1'))?.accountName).toBe('listed');
    expect(calls).toHaveLength(0);
    loaders.record.prime('r2', { id: 'r2', accountName: 'listed' });
    loaders.record.clear('r2');
    expect((await loaders.record.load('r2'))?.accountName).toBe('read');
    expect(calls.map((call) => call.args[0])).toEqual(['r2']);
  });
});
