import type { GraphQLResolveInfo } from 'graphql';
import { isSlimAccount } from '../../loaders/accounts.ts';
import type { AccountEntity } from '../../loaders/entities.ts';
import type { AccountDetailLevel } from '../../upstream/wire/accounts.ts';
import type { GatewayContext } from '../context.ts';
import { selectsOnly } from '../selection.ts';

/**
 * Account fields a `detailLevel=SLIM` answer carries (or that need only the account's id, source
 * and native identity). A selection within these is read SLIM; any other field asks for FULL.
 */
const SLIM_ACCOUNT_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'iscId',
  'name',
  'nativeIdentity',
  'sourceId',
  'identityId',
  'disabled',
  'locked',
  'manuallyCorrelated',
  'hasEntitlements',
  'created',
  'modified',
  'record',
  'nonEmployeeSource',
  'entitlements',
]);

/** SLIM when every account field selected at `path` is in `SLIM_ACCOUNT_FIELDS`, FULL otherwise. */
export function accountDetailFor(info: GraphQLResolveInfo, path: readonly string[] = []): AccountDetailLevel {
  return selectsOnly(info, SLIM_ACCOUNT_FIELDS, path) ? 'SLIM' : 'FULL';
}

/** The account with its FULL fields: itself when it was read FULL, else one get (shared per id). */
export async function loadFullAccount(account: AccountEntity, ctx: GatewayContext): Promise<AccountEntity> {
  if (!isSlimAccount(account) || !account.id) return account;
  const full = await ctx.loaders.fullAccount.load(account.id);
  if (!full) return account;
  ctx.loaders.account.clear(account.id).prime(account.id, full);
  return full;
}
