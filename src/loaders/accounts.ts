import DataLoader from 'dataloader';
import type { UpstreamApi } from '../upstream/api.ts';
import { f } from '../upstream/filters.ts';
import { createByIdLoader, toError } from './by-id.ts';
import type { AccountEntity, AccountKey } from './entities.ts';

/** The accounts list takes at most 250 items per page, so at most 250 native identities per call. */
export const ACCOUNTS_PER_CALL = 250;

export interface AccountLoaders {
  account: DataLoader<string, AccountEntity | null>;
  /** Accounts by (ISC source, native identity): `sourceId eq X and nativeIdentity in (...)`. */
  accountByNativeIdentity: DataLoader<AccountKey, AccountEntity | null, string>;
}

export function accountKeyString(key: AccountKey): string {
  return JSON.stringify([key.sourceId, key.nativeIdentity]);
}

export function createAccountLoaders(api: UpstreamApi): AccountLoaders {
  const account = createByIdLoader((id) => api.getAccount(id));

  const accountByNativeIdentity = new DataLoader<AccountKey, AccountEntity | null, string>(
    async (keys) => {
      const bySource = new Map<string, string[]>();
      for (const key of keys) {
        const names = bySource.get(key.sourceId) ?? [];
        if (!names.includes(key.nativeIdentity)) names.push(key.nativeIdentity);
        bySource.set(key.sourceId, names);
      }
      const found = new Map<string, AccountEntity | Error>();
      const calls: Promise<void>[] = [];
      for (const [sourceId, names] of bySource) {
        for (let start = 0; start < names.length; start += ACCOUNTS_PER_CALL) {
          const chunk = names.slice(start, start + ACCOUNTS_PER_CALL);
          calls.push(
            api
              .listAccounts({
                limit: ACCOUNTS_PER_CALL,
                offset: 0,
                filters: f.and(f.eq('sourceId', sourceId), f.in('nativeIdentity', chunk)),
              })
              .then(
                (page) => {
                  // Matched back by key, never by position: the API returns them in its own order.
                  for (const item of page.items) {
                    if (item.sourceId !== sourceId || !chunk.includes(item.nativeIdentity)) continue;
                    found.set(accountKeyString({ sourceId, nativeIdentity: item.nativeIdentity }), item);
                    if (item.id) account.prime(item.id, item);
                  }
                },
                (error: unknown) => {
                  for (const nativeIdentity of chunk) {
                    found.set(accountKeyString({ sourceId, nativeIdentity }), toError(error));
                  }
                },
              ),
          );
        }
      }
      await Promise.all(calls);
      return keys.map((key) => found.get(accountKeyString(key)) ?? null);
    },
    { cacheKeyFn: accountKeyString },
  );

  return { account, accountByNativeIdentity };
}
