import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { isSlimAccount } from '../../loaders/accounts.ts';
import type { AccountEntity } from '../../loaders/entities.ts';
import type { AccountDetailLevel } from '../../upstream/wire/accounts.ts';
import type { GatewayContext } from '../context.ts';

/**
 * Account fields a `detailLevel=SLIM` answer carries (or that need only the account's id, source
 * and native identity). A selection within these is read SLIM; any other field asks for FULL.
 */
export const SLIM_ACCOUNT_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'iscId',
  'name',
  'nativeIdentity',
  'sourceId',
  'sourceName',
  'identityId',
  'disabled',
  'locked',
  'authoritative',
  'systemAccount',
  'uncorrelated',
  'manuallyCorrelated',
  'hasEntitlements',
  'created',
  'modified',
  'record',
  'nonEmployeeSource',
  'entitlements',
]);

/** The names of the fields selected at `path` below the current field, through fragments. */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, rest: readonly string[]) => {
    if (!set) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (rest.length === 0) names.add(selection.name.value);
        else if (selection.name.value === rest[0]) visit(selection.selectionSet, rest.slice(1));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, rest);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet, rest);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, path);
  return names;
}

/** SLIM when every account field selected at `path` is in `SLIM_ACCOUNT_FIELDS`, FULL otherwise. */
export function accountDetailFor(info: GraphQLResolveInfo, path: readonly string[] = []): AccountDetailLevel {
  for (const name of selectedFieldNames(info, path)) if (!SLIM_ACCOUNT_FIELDS.has(name)) return 'FULL';
  return 'SLIM';
}

/** The account with its FULL fields: itself when it was read FULL, else one get (shared per id). */
export async function loadFullAccount(account: AccountEntity, ctx: GatewayContext): Promise<AccountEntity> {
  if (!isSlimAccount(account) || !account.id) return account;
  const full = await ctx.loaders.fullAccount.load(account.id);
  if (!full) return account;
  ctx.loaders.account.clear(account.id).prime(account.id, full);
  return full;
}

/** After a write: forget the account everywhere this request may hold it. */
export function forgetAccount(ctx: GatewayContext, accountId: string): void {
  ctx.loaders.clearAccount(accountId);
}
