import type { GraphQLResolveInfo } from 'graphql';
import { SLIM_ACCOUNT } from '../../loaders/partial-objects.ts';
import type { AccountDetailLevel } from '../../upstream/wire/accounts.ts';
import { selectsOnly } from '../selection.ts';

/** SLIM when every account field selected at `path` is in `SLIM_ACCOUNT`, FULL otherwise. */
export function accountDetailFor(info: GraphQLResolveInfo, path: readonly string[] = []): AccountDetailLevel {
  return selectsOnly(info, SLIM_ACCOUNT.selectable, path) ? 'SLIM' : 'FULL';
}
