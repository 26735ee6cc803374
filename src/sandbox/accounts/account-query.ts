import {
  createComparator,
  createFilterPredicate,
  type FilterNode,
  type SortKey,
} from '../collections/index.ts';
import type { RecordDirectory } from '../store/record-directory.ts';
import { accountFilterField, accountSortField } from './account-fields.ts';
import { type CandidatePlan, planCandidates } from './account-plan.ts';
import type { AccountState } from './account-state.ts';
import type { AccountStore } from './account-store.ts';

export interface AccountQuery {
  filter?: FilterNode;
  sorters: readonly SortKey[];
  limit: number;
  offset: number;
  /** Whether the total is wanted; without it a page stops reading once it is full. */
  count: boolean;
}

export interface AccountPage {
  items: AccountState[];
  /** Set when the query asked for `count`. */
  total: number | null;
}

/** Past this many rows a sorted page sorts everything instead of keeping a bounded top list. */
const TOP_K_LIMIT = 5_000;

type Comparator = (a: AccountState, b: AccountState) => number;

/** Index of the first element greater than `item`, so equal rows keep their encounter order. */
function upperBound(rows: readonly AccountState[], item: AccountState, compare: Comparator): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(rows[mid], item) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Candidates read between two yields to the event loop: a long scan must not stall every other request. */
const SCAN_SLICE = 4_096;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function* candidatesOf(plan: CandidatePlan, store: AccountStore): Generator<AccountState> {
  if (plan.kind === 'explicit') yield* plan.accounts;
  else if (plan.kind === 'sources') for (const id of plan.sourceIds) yield* store.onSource(id);
  else yield* store.all();
}

/**
 * A page of whole sources in their natural order. Only the accounts on the page are built: a
 * source without removed accounts is sliced by position, one with some is walked checking only removal.
 */
async function pageOfSources(
  sourceIds: readonly string[],
  query: AccountQuery,
  store: AccountStore,
  directory: RecordDirectory,
): Promise<AccountPage> {
  let read = 0;
  const items: AccountState[] = [];
  let skip = query.offset;
  let total = 0;
  const full = () => items.length >= query.limit;
  for (const sourceId of sourceIds) {
    if (full() && !query.count) break;
    const source = directory.sourceByIscId(sourceId)!;
    const records = directory.recordsOnIscSource(sourceId);
    if (store.removedOn(sourceId) === 0) {
      total += records.length;
      const start = Math.min(skip, records.length);
      const end = Math.min(records.length, start + query.limit - items.length);
      for (let i = start; i < end; i++) items.push(store.resolveRecord(source, records[i])!);
      skip -= start;
    } else {
      for (const record of records) {
        if (++read % SCAN_SLICE === 0) await yieldToEventLoop();
        if (store.isRemoved(record)) continue;
        total++;
        if (skip > 0) skip--;
        else if (!full()) items.push(store.resolveRecord(source, record)!);
        else if (!query.count) break;
      }
    }
    for (const state of store.createdOn(sourceId)) {
      total++;
      if (skip > 0) skip--;
      else if (!full()) items.push(state);
    }
  }
  return { items, total: query.count ? total : null };
}

/** One page of accounts; asynchronous because a scan yields to the event loop as it goes. */
export async function queryAccounts(
  query: AccountQuery,
  store: AccountStore,
  directory: RecordDirectory,
): Promise<AccountPage> {
  const plan = planCandidates(query.filter, store, directory);
  const sorted = query.sorters.length > 0;
  if (!sorted && plan.kind === 'sources' && plan.exact)
    return pageOfSources(plan.sourceIds, query, store, directory);
  const exact = plan.kind === 'sources' && plan.exact;
  const matches =
    exact || !query.filter ? undefined : createFilterPredicate(query.filter, accountFilterField);
  const compare: Comparator = createComparator(query.sorters, accountSortField);
  const wanted = query.offset + query.limit;
  const bounded = sorted && wanted <= TOP_K_LIMIT;
  const rows: AccountState[] = [];
  let total = 0;
  let read = 0;

  for (const account of candidatesOf(plan, store)) {
    if (++read % SCAN_SLICE === 0) await yieldToEventLoop();
    if (matches && !matches(account)) continue;
    total++;
    if (!sorted) {
      if (total > query.offset && rows.length < query.limit) rows.push(account);
      else if (rows.length >= query.limit && !query.count) break;
    } else if (!bounded) {
      rows.push(account);
    } else if (rows.length < wanted || compare(account, rows[rows.length - 1]) < 0) {
      rows.splice(upperBound(rows, account, compare), 0, account);
      if (rows.length > wanted) rows.pop();
    }
  }
  if (sorted && !bounded) rows.sort(compare);
  const items = sorted ? rows.slice(query.offset, wanted) : rows;
  return { items, total: query.count ? total : null };
}
