import type { DirectoryRecord, DirectorySource, RecordDirectory } from '../store/record-directory.ts';
import type { DerivedIds } from './account-ids.ts';
import {
  type AccountChanges,
  type AccountState,
  type CreatedAccount,
  recordAttributes,
  recordDisplayName,
} from './account-state.ts';
import { seededAccountState } from './seeded-state.ts';

export interface AccountStoreDeps {
  directory: RecordDirectory;
  ids: DerivedIds;
  seed: number;
  catalogSize: number;
}

/**
 * Accounts derived from the directory plus an overlay of what changed: nothing per record is
 * stored until an account is changed, removed or created, so a million records cost nothing here.
 */
export function createAccountStore({ directory, ids, seed, catalogSize }: AccountStoreDeps) {
  const changes = new Map<string, AccountChanges>();
  const created = new Map<string, CreatedAccount>();
  const createdByKey = new Map<string, string>();
  const createdBySource = new Map<string, Set<string>>();
  /** Accounts whose identity comes from the overlay or a create, by identity id. */
  const identityIndex = new Map<string, Set<string>>();
  /** Identities known from created accounts, kept after their accounts go. */
  const createdIdentities = new Map<string, string>();
  const removedBySource = new Map<string, number>();

  const keyOf = (sourceId: string, nativeIdentity: string) => `${sourceId}\u0000${nativeIdentity}`;

  const identityNameOf = (identityId: string): string | null => {
    const hit = ids.recordOfIdentityId(identityId);
    if (hit) return recordDisplayName(hit.record);
    return createdIdentities.get(identityId) ?? null;
  };

  const resolveRecord = (source: DirectorySource, record: DirectoryRecord): AccountState | undefined => {
    const id = ids.accountIdOf(record.recordId);
    const change = changes.get(id);
    if (change?.removed) return undefined;
    const seeded = seededAccountState(seed, id, catalogSize);
    const ownIdentity = ids.identityIdOf(record.recordId);
    const identityId = change?.identityId !== undefined ? change.identityId : ownIdentity;
    return {
      id,
      source,
      nativeIdentity: record.accountName,
      name: record.accountName,
      identityId,
      identityName:
        identityId === null
          ? null
          : identityId === ownIdentity
            ? recordDisplayName(record)
            : identityNameOf(identityId),
      manuallyCorrelated: change?.manuallyCorrelated ?? false,
      created: record.created,
      modified: change?.modified ?? record.modified,
      disabled: change?.disabled ?? seeded.disabled,
      locked: change?.locked ?? seeded.locked,
      attributes: change?.attributes ?? recordAttributes(record),
      entitlementIndexes: seeded.entitlementIndexes,
      origin: 'AGGREGATED',
      recordId: record.recordId,
    };
  };

  const resolveCreated = (account: CreatedAccount): AccountState | undefined => {
    const source = directory.sourceByIscId(account.sourceId);
    const change = changes.get(account.id);
    if (!source || change?.removed) return undefined;
    const identityId = change?.identityId !== undefined ? change.identityId : account.identityId;
    return {
      id: account.id,
      source,
      nativeIdentity: account.nativeIdentity,
      name: account.nativeIdentity,
      identityId,
      identityName: identityId === null ? null : identityNameOf(identityId),
      manuallyCorrelated: change?.manuallyCorrelated ?? false,
      created: account.created,
      modified: change?.modified ?? account.created,
      disabled: change?.disabled ?? false,
      locked: change?.locked ?? false,
      attributes: change?.attributes ?? account.attributes,
      entitlementIndexes: [],
      origin: 'PROVISIONED',
      recordId: null,
    };
  };

  /** Whether a record's account was removed; cheaper than resolving it. */
  const isRemoved = (record: DirectoryRecord): boolean =>
    changes.size > 0 && changes.get(ids.accountIdOf(record.recordId))?.removed === true;

  const byId = (id: string): AccountState | undefined => {
    const own = created.get(id);
    if (own) return resolveCreated(own);
    const hit = ids.recordOfAccountId(id);
    return hit ? resolveRecord(hit.source, hit.record) : undefined;
  };

  function* createdOn(sourceId: string): Generator<AccountState> {
    for (const id of createdBySource.get(sourceId) ?? []) {
      const state = resolveCreated(created.get(id)!);
      if (state) yield state;
    }
  }

  function* onSource(sourceId: string): Generator<AccountState> {
    const source = directory.sourceByIscId(sourceId);
    if (!source) return;
    for (const record of directory.recordsOnIscSource(sourceId)) {
      const state = resolveRecord(source, record);
      if (state) yield state;
    }
    yield* createdOn(sourceId);
  }

  function* all(): Generator<AccountState> {
    for (const source of directory.sources()) yield* onSource(source.iscSourceId);
  }

  const byNativeIdentity = (sourceId: string, nativeIdentity: string): AccountState[] => {
    const found: AccountState[] = [];
    const source = directory.sourceByIscId(sourceId);
    const record = source && directory.recordByAccountName(sourceId, nativeIdentity);
    const derived = record && resolveRecord(source, record);
    if (derived) found.push(derived);
    const createdId = createdByKey.get(keyOf(sourceId, nativeIdentity));
    const own = createdId === undefined ? undefined : resolveCreated(created.get(createdId)!);
    if (own) found.push(own);
    return found;
  };

  const byIdentity = (identityId: string): AccountState[] => {
    const found: AccountState[] = [];
    const hit = ids.recordOfIdentityId(identityId);
    const own = hit && resolveRecord(hit.source, hit.record);
    if (own && own.identityId === identityId) found.push(own);
    for (const id of identityIndex.get(identityId) ?? []) {
      const state = byId(id);
      if (state && state.identityId === identityId && state.id !== own?.id) found.push(state);
    }
    return found;
  };

  const identityExists = (identityId: string): boolean =>
    ids.recordOfIdentityId(identityId) !== undefined ||
    createdIdentities.has(identityId) ||
    (identityIndex.get(identityId)?.size ?? 0) > 0;

  const addTo = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
  };

  const indexIdentity = (identityId: string | null, accountId: string) => {
    if (identityId !== null) addTo(identityIndex, identityId, accountId);
  };

  /** Records a change; `state` is the account as it stood, so removal counts go to the right source. */
  const change = (state: AccountState, next: AccountChanges): void => {
    if (next.removed && state.recordId === null) {
      forget(state.id, state.source.iscSourceId, state.nativeIdentity);
      return;
    }
    const merged = { ...changes.get(state.id), ...next };
    changes.set(state.id, merged);
    if (next.identityId !== undefined) indexIdentity(next.identityId, state.id);
    if (next.removed) {
      const sourceId = state.source.iscSourceId;
      removedBySource.set(sourceId, (removedBySource.get(sourceId) ?? 0) + 1);
    }
  };

  /** Brings back a removed derived account (a create naming it), with fresh attributes. */
  const restore = (
    sourceId: string,
    nativeIdentity: string,
    attributes: Record<string, unknown>,
    now: string,
  ) => {
    const record = directory.recordByAccountName(sourceId, nativeIdentity);
    if (!record) return false;
    const id = ids.accountIdOf(record.recordId);
    const previous = changes.get(id);
    if (!previous?.removed) return false;
    changes.set(id, { ...previous, removed: false, attributes, modified: now });
    removedBySource.set(sourceId, Math.max(0, (removedBySource.get(sourceId) ?? 1) - 1));
    return true;
  };

  const forget = (id: string, sourceId: string, nativeIdentity: string) => {
    created.delete(id);
    changes.delete(id);
    createdByKey.delete(keyOf(sourceId, nativeIdentity));
    createdBySource.get(sourceId)?.delete(id);
  };

  const addCreated = (account: CreatedAccount): void => {
    created.set(account.id, account);
    createdByKey.set(keyOf(account.sourceId, account.nativeIdentity), account.id);
    addTo(createdBySource, account.sourceId, account.id);
    createdIdentities.set(account.identityId, account.identityName);
    indexIdentity(account.identityId, account.id);
  };

  return {
    byId,
    byNativeIdentity,
    byIdentity,
    identityExists,
    onSource,
    all,
    change,
    restore,
    addCreated,
    /** Removed derived accounts on a source; zero lets a page be sliced straight from the records. */
    removedOn: (sourceId: string): number => removedBySource.get(sourceId) ?? 0,
    createdOn,
    resolveRecord,
    isRemoved,
    reset(): void {
      changes.clear();
      created.clear();
      createdByKey.clear();
      createdBySource.clear();
      identityIndex.clear();
      createdIdentities.clear();
      removedBySource.clear();
    },
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;
