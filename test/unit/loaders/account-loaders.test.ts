import { describe, expect, it } from 'vitest';
import { createAccountRecordFinder } from '../../../src/loaders/account-records.ts';
import {
  type AccountListParams,
  createAccountLoaders,
  isSlimAccount,
} from '../../../src/loaders/accounts.ts';
import type { RecordEntity, SourceEntity } from '../../../src/loaders/entities.ts';
import type { ListParams, Page } from '../../../src/upstream/api.ts';
import { compileFilter, type FilterExpression } from '../../../src/upstream/filters.ts';
import { createRecordingApi, listAccountsByName } from './recording-api.ts';

/** Accounts answered by name, in reverse order; every list and get logged. */
function createAccountsApi() {
  const lists: AccountListParams[] = [];
  const gets: string[] = [];
  const answer = listAccountsByName();
  const { api } = createRecordingApi({
    listAccounts: (params: AccountListParams) => {
      lists.push(params);
      return answer(params);
    },
    getAccount: async (id: string) => {
      gets.push(id);
      throw new Error(`unexpected get ${id}`);
    },
  });
  return { api, lists, gets };
}

describe('accounts by native identity', () => {
  it('groups by source and detail level, one call per group, and marks SLIM answers', async () => {
    const { api, lists } = createAccountsApi();
    const loaders = createAccountLoaders(api);
    const [slim, full, other] = await Promise.all([
      loaders.accountByNativeIdentity.load({ sourceId: 's1', nativeIdentity: 'a3', detailLevel: 'SLIM' }),
      loaders.accountByNativeIdentity.load({ sourceId: 's1', nativeIdentity: 'a3' }),
      loaders.accountByNativeIdentity.load({ sourceId: 's2', nativeIdentity: 'b1', detailLevel: 'SLIM' }),
    ]);
    expect(lists).toHaveLength(3);
    expect(lists.map((params) => params.detailLevel).sort()).toEqual(['FULL', 'SLIM', 'SLIM']);
    expect(lists.map((params) => compileFilter(params.filters as FilterExpression)).sort()).toEqual([
      'sourceId eq "s1" and nativeIdentity in ("a3")',
      'sourceId eq "s1" and nativeIdentity in ("a3")',
      'sourceId eq "s2" and nativeIdentity in ("b1")',
    ]);
    expect(slim && isSlimAccount(slim)).toBe(true);
    expect(full && isSlimAccount(full)).toBe(false);
    expect(other).toMatchObject({ sourceId: 's2', nativeIdentity: 'b1' });
  });

  it('primes the by-id loader with every account a list read', async () => {
    const { api, gets } = createAccountsApi();
    const loaders = createAccountLoaders(api);
    const names = Array.from({ length: 300 }, (_, index) => `n${index}`);
    const found = await Promise.all(
      names.map((nativeIdentity) => loaders.accountByNativeIdentity.load({ sourceId: 's1', nativeIdentity })),
    );
    expect(found.map((item) => item?.nativeIdentity)).toEqual(names);
    const byId = await Promise.all(found.map((item) => loaders.account.load(item?.id as string)));
    expect(byId.map((item) => item?.nativeIdentity)).toEqual(names);
    expect(gets).toEqual([]);
  });
});

const byName = (names: string[]) => [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));

/** A source of `count` records named so that sorting them is not their natural order. */
function createRecordsSource(count: number, options: { swapAt?: number; swapPages?: [number, number] } = {}) {
  const names = Array.from(
    { length: count },
    (_, index) => `${String.fromCharCode(97 + (index % 26))}.user${index}`,
  );
  const sorted = byName(names);
  const at = options.swapAt;
  if (at !== undefined) [sorted[at], sorted[at + 1]] = [sorted[at + 1], sorted[at]];
  if (options.swapPages) {
    const [a, b] = options.swapPages.map((page) => page * 250);
    const block = sorted.slice(a, a + 250);
    sorted.splice(a, 250, ...sorted.slice(b, b + 250));
    sorted.splice(b, 250, ...block);
  }
  const records: RecordEntity[] = sorted.map((accountName, index) => ({
    id: `r${index}`,
    accountName,
    sourceId: 'nelm-1',
  }));
  const pages: number[] = [];
  const source = {
    id: 'nelm-1',
    sourceId: 'isc-1',
    name: 'Contractors',
    nonEmployeeCount: count,
  } as SourceEntity;
  const memo = new Map<number, Promise<Page<RecordEntity>>>();
  const deps = {
    listAllSources: async () => [source],
    listRecords: (params: ListParams) => {
      const offset = params.offset ?? 0;
      expect(params.sorters).toEqual([{ field: 'accountName', direction: 'ASC' }]);
      if (!memo.has(offset)) {
        pages.push(offset / 250);
        memo.set(
          offset,
          Promise.resolve({ items: records.slice(offset, offset + (params.limit ?? 250)), totalCount: null }),
        );
      }
      return memo.get(offset) as Promise<Page<RecordEntity>>;
    },
  };
  return { names, deps, pages };
}

describe('the record behind an account', () => {
  it('finds each name by binary search in at most ⌈log2(pages + 1)⌉ pages', async () => {
    const { names, deps } = createRecordsSource(5000);
    for (const name of [names[0], names[1234], names[4999], 'zz.nobody']) {
      const { deps: fresh, pages } = createRecordsSource(5000);
      const [record] = await createAccountRecordFinder(fresh)([{ sourceId: 'isc-1', nativeIdentity: name }]);
      if (name === 'zz.nobody') expect(record).toBeNull();
      else expect(record).toMatchObject({ accountName: name });
      expect(pages.length).toBeLessThanOrEqual(Math.ceil(Math.log2(20 + 1)));
    }
    // An account on an ISC source no non-employee source uses has no record, and costs no page.
    const [none] = await createAccountRecordFinder(deps)([
      { sourceId: 'isc-other', nativeIdentity: names[0] },
    ]);
    expect(none).toBeNull();
  });

  it('reads each page once when many names are wanted', async () => {
    const { names, deps, pages } = createRecordsSource(1000);
    const keys = names
      .filter((_, index) => index % 7 === 0)
      .map((nativeIdentity) => ({ sourceId: 'isc-1', nativeIdentity }));
    const found = await createAccountRecordFinder(deps)(keys);
    expect(found.map((record) => (record as RecordEntity).accountName)).toEqual(
      keys.map((key) => key.nativeIdentity),
    );
    expect([...pages].sort()).toEqual([0, 1, 2, 3]);
  });

  it('falls back to reading every page when a page is not in the order assumed', async () => {
    // 20 pages: every search starts at page 9, which has two names out of order.
    const { names, deps, pages } = createRecordsSource(5000, { swapAt: 9 * 250 + 10 });
    const wanted = byName(names)[3 * 250 + 7];
    const [record] = await createAccountRecordFinder(deps)([{ sourceId: 'isc-1', nativeIdentity: wanted }]);
    expect(record).toMatchObject({ accountName: wanted });
    expect([...pages].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('falls back when pages disagree with each other', async () => {
    // Pages 4 and 14 trade places: each is sorted inside, the whole no longer is.
    const { names, deps, pages } = createRecordsSource(5000, { swapPages: [4, 14] });
    const wanted = byName(names)[4 * 250 + 100];
    const [record] = await createAccountRecordFinder(deps)([{ sourceId: 'isc-1', nativeIdentity: wanted }]);
    expect(record).toMatchObject({ accountName: wanted });
    expect(pages).toHaveLength(20);
  });
});
