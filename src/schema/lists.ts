import type { GraphQLResolveInfo } from 'graphql';
import type { Sorter } from '../upstream/api.ts';
import type { FilterExpression } from '../upstream/filters.ts';
import { createListFingerprint } from './pagination/cursor.ts';
import {
  type ConnectionArgs,
  type FetchPage,
  type OffsetConnection,
  resolveOffsetConnection,
} from './pagination/offset-connection.ts';
import { selectsPath } from './pagination/selection.ts';

/** Requests lists require `requested-for`; `me` (the caller) is the API's own convention. */
export const DEFAULT_REQUESTED_FOR = 'me';

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
      fingerprint: createListFingerprint(list),
      wantTotal: selectsPath(info, ['totalCount']),
    },
    fetchPage,
  );
}
