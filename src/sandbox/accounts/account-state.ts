import type { DirectoryRecord, DirectorySource } from '../store/record-directory.ts';

export type AccountStateOrigin = 'AGGREGATED' | 'PROVISIONED';

/** One live account as the emulation sees it: derived from a record (or created), with its overlay applied. */
export interface AccountState {
  id: string;
  source: DirectorySource;
  nativeIdentity: string;
  name: string;
  /** Null when the account is uncorrelated. */
  identityId: string | null;
  identityName: string | null;
  manuallyCorrelated: boolean;
  created: string;
  modified: string;
  disabled: boolean;
  locked: boolean;
  attributes: Record<string, unknown>;
  /** Indexes into the source's entitlement catalog. */
  entitlementIndexes: readonly number[];
  origin: AccountStateOrigin;
  /** The non-employee record behind a derived account; null for one created through the API. */
  recordId: string | null;
}

/** What has changed on one account since the seed; absent fields are unchanged. */
export interface AccountChanges {
  disabled?: boolean;
  locked?: boolean;
  removed?: boolean;
  attributes?: Record<string, unknown>;
  /** Null uncorrelates the account. */
  identityId?: string | null;
  manuallyCorrelated?: boolean;
  modified?: string;
}

/** An account created through `POST /accounts` on a source where no record has that name. */
export interface CreatedAccount {
  id: string;
  sourceId: string;
  nativeIdentity: string;
  identityId: string;
  identityName: string;
  attributes: Record<string, unknown>;
  created: string;
}

/** The display name of a record's identity. */
export const recordDisplayName = (record: DirectoryRecord): string =>
  [record.firstName, record.lastName].filter(Boolean).join(' ') || record.accountName;

/** The attributes the source aggregates for a record's account. */
export function recordAttributes(record: DirectoryRecord): Record<string, unknown> {
  return {
    accountName: record.accountName,
    firstname: record.firstName ?? null,
    lastname: record.lastName ?? null,
    email: record.email ?? null,
    displayName: recordDisplayName(record),
  };
}
