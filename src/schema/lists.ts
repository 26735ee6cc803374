import type { GraphQLResolveInfo } from 'graphql';
import type { Sorter } from '../upstream/api.ts';
import type { FilterExpression } from '../upstream/filters.ts';
import { parseIdArgument } from './ids.ts';
import { lazyListFingerprint } from './pagination/cursor.ts';
import {
  type ConnectionArgs,
  type FetchPage,
  type OffsetConnection,
  resolveOffsetConnection,
} from './pagination/offset-connection.ts';
import type { OrderByValue } from './pagination/order-by.ts';
import { selectsPath } from './selection.ts';

/** Requests lists and summaries take `requested-for`; `me` (the caller) is the API's own convention. */
export const DEFAULT_REQUESTED_FOR = 'me';

/** The arguments of a list connection with an `orderBy`. */
export interface OrderedConnectionArgs extends ConnectionArgs {
  orderBy?: readonly OrderByValue[] | null;
}

/** A list's `sourceId` argument (a global or an ISC id) as an ISC id; null when not given. */
export function sourceIdArgument(value: string | number | null | undefined): string | null {
  return value == null ? null : parseIdArgument(String(value), 'NonEmployeeSource', 'sourceId');
}

export interface ListDescription {
  /** The REST collection, e.g. `non-employee-records`. */
  endpoint: string;
  filters?: FilterExpression;
  sorters: readonly Sorter[];
  requestedFor?: string;
}

/**
 * The connection of one REST list: fingerprint from what defines the list, `count=true` only
 * when `totalCount` is selected, every page through the operation's loaders.
 */
export function resolveListConnection<T>(
  list: ListDescription,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  fetchPage: FetchPage<T>,
): Promise<OffsetConnection<T>> {
  return resolveOffsetConnection(
    {
      args,
      fingerprint: lazyListFingerprint(list),
      wantTotal: selectsPath(info, ['totalCount']),
    },
    fetchPage,
  );
}
