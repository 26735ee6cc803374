import type { Page } from '../../upstream/api.ts';
import { MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { createBadUserInputError } from '../errors/bad-user-input.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/** ISC pages hold at most 250 items: the bounds of `first`/`last`. */
export const MAX_PAGE_SIZE = MAX_LIST_LIMIT;
export const DEFAULT_PAGE_SIZE = 50;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface OffsetConnection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number | null;
}

export interface OffsetConnectionOptions {
  args: ConnectionArgs;
  /** Identifies the list, see `createListFingerprint`; asked only when a cursor is read or written. */
  fingerprint: () => string;
  /** Whether `totalCount` is selected: only then is `count=true` asked for its own sake. */
  wantTotal: boolean;
}

export type FetchPage<T> = (offset: number, limit: number, count: boolean) => Promise<Page<T>>;

/**
 * A Relay connection over ISC offset paging. `first` fetches one extra item to learn
 * `hasNextPage` (or counts, when the total is wanted anyway or limit+1 would pass 250);
 * `last` without `before` means the end of the list, so it counts first and fetches the tail
 * only when the first counted page was not already the tail.
 */
export async function resolveOffsetConnection<T>(
  options: OffsetConnectionOptions,
  fetchPage: FetchPage<T>,
): Promise<OffsetConnection<T>> {
  const { args, fingerprint, wantTotal } = options;
  const first = checkSize(args.first, 'first');
  const last = checkSize(args.last, 'last');
  if (first !== null && last !== null) {
    throw createBadUserInputError('Pass either "first" or "last", not both.');
  }
  const after = args.after == null ? null : decodeCursor(args.after, fingerprint(), 'after');
  const before = args.before == null ? null : decodeCursor(args.before, fingerprint(), 'before');
  const lower = after === null ? 0 : after + 1;

  if (last !== null) {
    if (before !== null) {
      const start = Math.max(lower, before - last);
      return slice(fetchPage, fingerprint, start, before - start, wantTotal);
    }
    const head = await fetchPage(lower, last, true);
    const total = head.totalCount ?? lower + head.items.length;
    if (total - lower <= last) return build(fingerprint, lower, head.items.slice(0, last), total, false);
    const start = total - last;
    const tail = await fetchPage(start, last, false);
    return build(fingerprint, start, tail.items.slice(0, last), total, false);
  }

  const size = first ?? DEFAULT_PAGE_SIZE;
  if (before !== null) {
    return slice(fetchPage, fingerprint, lower, Math.min(size, before - lower), wantTotal);
  }
  if (wantTotal || size + 1 > MAX_PAGE_SIZE) {
    const page = await fetchPage(lower, size, true);
    const total = page.totalCount ?? lower + page.items.length;
    return build(fingerprint, lower, page.items.slice(0, size), total, lower + size < total);
  }
  const page = await fetchPage(lower, size + 1, false);
  return build(fingerprint, lower, page.items.slice(0, size), null, page.items.length > size);
}

/** A window closed by `before`: the item at `before` exists, so there is a next page. */
async function slice<T>(
  fetchPage: FetchPage<T>,
  fingerprint: () => string,
  start: number,
  size: number,
  wantTotal: boolean,
): Promise<OffsetConnection<T>> {
  if (size <= 0) {
    const total = wantTotal ? ((await fetchPage(0, 1, true)).totalCount ?? 0) : null;
    return build(fingerprint, start, [], total, true);
  }
  const page = await fetchPage(start, size, wantTotal);
  const total = wantTotal ? (page.totalCount ?? start + page.items.length) : null;
  return build(fingerprint, start, page.items.slice(0, size), total, true);
}

/** An edge whose cursor is encoded only when a query selects it (a page of 250 rarely does). */
class OffsetEdge<T> {
  constructor(
    readonly node: T,
    private readonly offset: number,
    private readonly fingerprint: () => string,
  ) {}
  get cursor(): string {
    return encodeCursor(this.offset, this.fingerprint());
  }
}

function build<T>(
  fingerprint: () => string,
  start: number,
  items: T[],
  total: number | null,
  hasNextPage: boolean,
): OffsetConnection<T> {
  const edges = items.map((node, index) => new OffsetEdge(node, start + index, fingerprint));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: start > 0,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    totalCount: total,
  };
}

function checkSize(value: number | null | undefined, name: 'first' | 'last'): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw createBadUserInputError(
      `Argument "${name}" must be between 1 and ${MAX_PAGE_SIZE} (got ${value}).`,
      { argumentName: name },
    );
  }
  return value;
}
