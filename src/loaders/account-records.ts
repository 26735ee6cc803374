import type { ListParams, Page, Sorter } from '../upstream/api.ts';
import { f } from '../upstream/filters.ts';
import { MAX_LIST_LIMIT } from '../upstream/wire/collections.ts';
import { toError } from './by-id.ts';
import type { AccountKey, RecordEntity, SourceEntity } from './entities.ts';

const BY_ACCOUNT_NAME: readonly Sorter[] = [{ field: 'accountName', direction: 'ASC' }];

export interface AccountRecordDeps {
  /** Every non-employee source, with `nonEmployeeCount` (the operation's one sources list). */
  listAllSources(): Promise<SourceEntity[]>;
  /** A records page; identical pages must be shared (the probes of many searches coincide). */
  listRecords(params: ListParams): Promise<Page<RecordEntity>>;
}

/** The order ISC sorts account names in: case-insensitive. */
const compareNames = (a: string | undefined, b: string | undefined): number => {
  const x = (a ?? '').toLowerCase();
  const y = (b ?? '').toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

/** A page whose order is not the one assumed: the binary search cannot be trusted on this source. */
class UnexpectedOrder extends Error {}

const probesFor = (pages: number) => Math.ceil(Math.log2(pages + 1));

/**
 * The non-employee record behind each account: on the NELM source whose `sourceId` is the
 * account's source, under the record's account name. Records lists filter only on `sourceId`,
 * so the records of a source are read sorted by `accountName` and each name is found by binary
 * search over pages of 250: at most ⌈log2(pages + 1)⌉ pages per name, and searches of one tick
 * share their probes. When the names outnumber what a full read costs (k · log2 > pages), or a page
 * is not in the expected order, the source's pages are read once each instead.
 */
export function createAccountRecordFinder(deps: AccountRecordDeps) {
  return async (keys: readonly AccountKey[]): Promise<(RecordEntity | null | Error)[]> => {
    let sources: SourceEntity[];
    try {
      sources = await deps.listAllSources();
    } catch (error) {
      return keys.map(() => toError(error));
    }
    const groups = new Map<string, Set<string>>();
    for (const key of keys) {
      const names = groups.get(key.sourceId) ?? new Set<string>();
      names.add(key.nativeIdentity);
      groups.set(key.sourceId, names);
    }
    const found = new Map<string, RecordEntity | null | Error>();
    const keyOf = (sourceId: string, name: string) => JSON.stringify([sourceId, name]);
    await Promise.all(
      [...groups].map(async ([iscSourceId, names]) => {
        const source = sources.find((item) => item.sourceId === iscSourceId);
        try {
          const records = source?.id
            ? await findOnSource(deps, source.id, source.nonEmployeeCount, [...names])
            : new Map<string, RecordEntity>();
          for (const name of names) found.set(keyOf(iscSourceId, name), records.get(name) ?? null);
        } catch (error) {
          for (const name of names) found.set(keyOf(iscSourceId, name), toError(error));
        }
      }),
    );
    return keys.map((key) => found.get(keyOf(key.sourceId, key.nativeIdentity)) ?? null);
  };
}

async function findOnSource(
  deps: AccountRecordDeps,
  sourceId: string,
  knownCount: number | null | undefined,
  names: string[],
): Promise<Map<string, RecordEntity>> {
  const filters = f.eq('sourceId', sourceId);
  const page = (index: number) =>
    deps.listRecords({
      limit: MAX_LIST_LIMIT,
      offset: index * MAX_LIST_LIMIT,
      filters,
      sorters: BY_ACCOUNT_NAME,
    });
  let count = knownCount;
  if (typeof count !== 'number') {
    const first = await deps.listRecords({ limit: 1, offset: 0, count: true, filters });
    count = first.totalCount ?? 0;
  }
  const pages = Math.ceil(count / MAX_LIST_LIMIT);
  if (pages === 0) return new Map();
  if (names.length * probesFor(pages) >= pages) return readAll(page, pages, names);
  try {
    const hits = await Promise.all(names.map((name) => search(page, pages, name)));
    return new Map(
      hits.filter((hit): hit is RecordEntity => hit !== null).map((hit) => [hit.accountName ?? '', hit]),
    );
  } catch (error) {
    if (error instanceof UnexpectedOrder) return readAll(page, pages, names);
    throw error;
  }
}

async function readAll(
  page: (index: number) => Promise<Page<RecordEntity>>,
  pages: number,
  names: string[],
): Promise<Map<string, RecordEntity>> {
  const wanted = new Set(names);
  const all = await Promise.all(Array.from({ length: pages }, (_, index) => page(index)));
  const hits = new Map<string, RecordEntity>();
  for (const { items } of all) {
    for (const item of items)
      if (item.accountName && wanted.has(item.accountName)) hits.set(item.accountName, item);
  }
  return hits;
}

async function search(
  page: (index: number) => Promise<Page<RecordEntity>>,
  pages: number,
  name: string,
): Promise<RecordEntity | null> {
  // The names seen on the pages left below and above the target: every later page must fall between.
  let floor: string | undefined;
  let ceiling: string | undefined;
  const itemsOf = async (index: number) => {
    const { items } = await page(index);
    const names = items.map((item) => item.accountName);
    for (let i = 1; i < names.length; i++) {
      if (compareNames(names[i - 1], names[i]) > 0) throw new UnexpectedOrder();
    }
    if (names.length > 0) {
      if (floor !== undefined && compareNames(floor, names[0]) > 0) throw new UnexpectedOrder();
      if (ceiling !== undefined && compareNames(names[names.length - 1], ceiling) > 0)
        throw new UnexpectedOrder();
    }
    return items;
  };
  const exact = (items: RecordEntity[]) => items.find((item) => item.accountName === name) ?? null;
  let low = 0;
  let high = pages - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const items = await itemsOf(mid);
    if (items.length === 0) {
      high = mid - 1;
      continue;
    }
    const hit = exact(items);
    if (hit) return hit;
    const first = items[0].accountName;
    const last = items[items.length - 1].accountName;
    const atFirst = compareNames(name, first);
    const atLast = compareNames(name, last);
    if (atFirst < 0) {
      high = mid - 1;
      ceiling = first;
    } else if (atLast > 0) {
      low = mid + 1;
      floor = last;
    } else {
      // Names equal but for case may straddle a page boundary.
      if (atFirst === 0 && mid > 0) return exact(await page(mid - 1).then((p) => p.items));
      if (atLast === 0 && mid < pages - 1) return exact(await page(mid + 1).then((p) => p.items));
      return null;
    }
  }
  return null;
}
