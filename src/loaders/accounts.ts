import DataLoader from 'dataloader';
import type { ListParams, Page, UpstreamApi } from '../upstream/api.ts';
import { f } from '../upstream/filters.ts';
import type { AccountDetailLevel, Entitlement } from '../upstream/wire/accounts.ts';
import { MAX_LIST_LIMIT } from '../upstream/wire/collections.ts';
import { createByIdLoader, toError } from './by-id.ts';
import type { AccountEntity, AccountKey } from './entities.ts';

/** A lookup by (ISC source, native identity), asked at a detail level (FULL when absent). */
export interface AccountLookupKey extends AccountKey {
  detailLevel?: AccountDetailLevel;
}

export type AccountListParams = ListParams & { detailLevel?: AccountDetailLevel };

/** An account read with `detailLevel=SLIM`: the fields only FULL carries are absent. */
export type SlimAccount = AccountEntity & { readonly detailLevel: 'SLIM' };

export const isSlimAccount = (account: AccountEntity): account is SlimAccount =>
  (account as Partial<SlimAccount>).detailLevel === 'SLIM';

export interface AccountLoaders {
  /** By ISC id; may hold a SLIM account primed from a list (see `isSlimAccount`). */
  account: DataLoader<string, AccountEntity | null>;
  /** By ISC id, always FULL: fills in a SLIM account when a FULL-only field is selected. */
  fullAccount: DataLoader<string, AccountEntity | null>;
  /** Accounts by (ISC source, native identity): `sourceId eq X and nativeIdentity in (...)`. */
  accountByNativeIdentity: DataLoader<AccountLookupKey, AccountEntity | null, string>;
  /** One page of the accounts list; every account on it primes the by-id loader. */
  listAccounts(params: AccountListParams): Promise<Page<AccountEntity>>;
  listAccountEntitlements(
    accountId: string,
    params: Omit<ListParams, 'filters' | 'sorters'>,
  ): Promise<Page<Entitlement>>;
}

// NUL never occurs in an id or a native identity: the parts cannot run into each other.
function accountKeyString(key: AccountLookupKey): string {
  return `${key.sourceId}\u0000${key.detailLevel ?? 'FULL'}\u0000${key.nativeIdentity}`;
}

/** Marks the accounts of a SLIM list in place: each was parsed for this call and is held nowhere else. */
const withDetail = (items: AccountEntity[], detailLevel: AccountDetailLevel): AccountEntity[] => {
  if (detailLevel === 'SLIM')
    for (const item of items) (item as { detailLevel?: string }).detailLevel = 'SLIM';
  return items;
};

/** Native identities wanted on one ISC source at one detail level: one list call per page of them. */
interface LookupGroup {
  sourceId: string;
  detailLevel: AccountDetailLevel;
  names: Set<string>;
}

function groupLookups(keys: readonly AccountLookupKey[]): LookupGroup[] {
  const groups = new Map<string, LookupGroup>();
  for (const key of keys) {
    const detailLevel = key.detailLevel ?? 'FULL';
    const groupKey = `${key.sourceId}\u0000${detailLevel}`;
    const group = groups.get(groupKey) ?? { sourceId: key.sourceId, detailLevel, names: new Set<string>() };
    group.names.add(key.nativeIdentity);
    groups.set(groupKey, group);
  }
  return [...groups.values()];
}

const chunksOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

export function createAccountLoaders(api: UpstreamApi): AccountLoaders {
  const account = createByIdLoader((id) => api.getAccount(id));

  async function listAccounts(params: AccountListParams): Promise<Page<AccountEntity>> {
    const page = await api.listAccounts(params);
    const items = withDetail(page.items, params.detailLevel ?? 'FULL');
    for (const item of items) if (item.id) account.prime(item.id, item);
    return { items, totalCount: page.totalCount };
  }

  /** One `sourceId eq X and nativeIdentity in (...)` call, its answers put in `found` under their keys. */
  async function findByNames(
    { sourceId, detailLevel }: LookupGroup,
    names: string[],
    found: Map<string, AccountEntity | Error>,
  ): Promise<void> {
    const keyOf = (nativeIdentity: string) => accountKeyString({ sourceId, nativeIdentity, detailLevel });
    try {
      const page = await listAccounts({
        limit: MAX_LIST_LIMIT,
        offset: 0,
        detailLevel,
        filters: f.and(f.eq('sourceId', sourceId), f.in('nativeIdentity', names)),
      });
      // Matched back by key, never by position: the API returns them in its own order.
      const wanted = new Set(names);
      for (const item of page.items) {
        if (item.sourceId === sourceId && wanted.has(item.nativeIdentity)) {
          found.set(keyOf(item.nativeIdentity), item);
        }
      }
    } catch (error) {
      for (const name of names) found.set(keyOf(name), toError(error));
    }
  }

  // A page holds MAX_LIST_LIMIT accounts, so a group's names go as many to a call.
  const accountByNativeIdentity = new DataLoader<AccountLookupKey, AccountEntity | null, string>(
    async (keys) => {
      const found = new Map<string, AccountEntity | Error>();
      await Promise.all(
        groupLookups(keys).flatMap((group) =>
          chunksOf([...group.names], MAX_LIST_LIMIT).map((names) => findByNames(group, names, found)),
        ),
      );
      return keys.map((key) => found.get(accountKeyString(key)) ?? null);
    },
    { cacheKeyFn: accountKeyString },
  );

  return {
    account,
    fullAccount: createByIdLoader((id) => api.getAccount(id)),
    accountByNativeIdentity,
    listAccounts,
    listAccountEntitlements: (accountId, params) => api.getAccountEntitlements(accountId, params),
  };
}
