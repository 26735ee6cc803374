import {
  ACCOUNT_FILTERS,
  ACCOUNT_SORTERS,
  BETA_ACCOUNT_FILTERS,
  BETA_ACCOUNT_SORTERS,
} from '../../upstream/wire/collections.ts';
import type { FieldGetter } from '../collections/index.ts';
import type { ApiVersion } from '../http/types.ts';
import type { AccountState } from './account-state.ts';
import { CONNECTION_TYPE } from './account-view.ts';

/** listAccounts' `filters` and `sorters` allow-lists under one API version. */
export const accountListSpec = (version: ApiVersion) =>
  version === 'beta'
    ? { filterable: BETA_ACCOUNT_FILTERS, sortable: BETA_ACCOUNT_SORTERS }
    : { filterable: ACCOUNT_FILTERS, sortable: ACCOUNT_SORTERS };

type FieldValue = string | number | boolean | null;

/** Each filterable or sortable field of an account, by the name filters and sorters use. */
const FIELDS: Record<string, (account: AccountState) => FieldValue> = {
  id: (a) => a.id,
  identityId: (a) => a.identityId,
  name: (a) => a.name,
  nativeIdentity: (a) => a.nativeIdentity,
  hasEntitlements: (a) => a.entitlementIndexes.length > 0,
  // Filters ask `entitlements eq true`; sorting orders by how many.
  entitlements: (a) => a.entitlementIndexes.length > 0,
  sourceId: (a) => a.source.iscSourceId,
  uncorrelated: (a) => a.identityId === null,
  origin: (a) => a.origin,
  manuallyCorrelated: (a) => a.manuallyCorrelated,
  uuid: () => null,
  'identity.name': (a) => a.identityName,
  'identity.correlated': (a) => a.identityId !== null,
  'identity.identityState': (a) => (a.identityId === null ? null : 'ACTIVE'),
  'source.displayableName': (a) => a.source.name,
  'source.authoritative': () => false,
  'source.connectionType': () => CONNECTION_TYPE,
  'recommendation.method': () => null,
  'sourceOwner.name': () => null,
  created: (a) => a.created,
  modified: (a) => a.modified,
};

const SORT_ONLY: Record<string, (account: AccountState) => FieldValue> = {
  entitlements: (a) => a.entitlementIndexes.length,
};

export const accountFilterField: FieldGetter<AccountState> = (account, field) =>
  FIELDS[field]?.(account) ?? null;

export const accountSortField: FieldGetter<AccountState> = (account, field) =>
  (SORT_ONLY[field] ?? FIELDS[field])?.(account) ?? null;
