import type { Account, AccountDetailLevel } from '../../upstream/wire/accounts.ts';
import type { AccountState } from './account-state.ts';

/** Non-employee sources behave as flat-file sources: PUT and DELETE are allowed on their accounts. */
export const CONNECTION_TYPE = 'file';
export const SOURCE_FEATURES = 'ENABLE, UNLOCK, PROVISIONING';

/** The fields a SLIM account keeps: what the schema requires, plus ids and timestamps. */
const SLIM_FIELDS = [
  'id',
  'name',
  'created',
  'modified',
  'sourceId',
  'sourceName',
  'identityId',
  'attributes',
  'authoritative',
  'disabled',
  'locked',
  'nativeIdentity',
  'systemAccount',
  'uncorrelated',
  'manuallyCorrelated',
  'hasEntitlements',
] as const satisfies readonly (keyof Account)[];

/** The wire account, in the spec's field order. SLIM sends `attributes` as null: sparing them is its point. */
export function toWireAccount(state: AccountState, detail: AccountDetailLevel = 'FULL'): Account {
  const correlated = state.identityId !== null;
  const full: Account = {
    id: state.id,
    name: state.name,
    created: state.created,
    modified: state.modified,
    sourceId: state.source.iscSourceId,
    sourceName: state.source.name,
    ...(correlated ? { identityId: state.identityId! } : {}),
    cloudLifecycleState: correlated ? 'active' : null,
    identityState: correlated ? 'ACTIVE' : null,
    connectionType: CONNECTION_TYPE,
    isMachine: false,
    recommendation: null,
    attributes: detail === 'SLIM' ? null : { ...state.attributes },
    authoritative: false,
    description: null,
    disabled: state.disabled,
    locked: state.locked,
    nativeIdentity: state.nativeIdentity,
    systemAccount: false,
    uncorrelated: !correlated,
    uuid: null,
    manuallyCorrelated: state.manuallyCorrelated,
    hasEntitlements: state.entitlementIndexes.length > 0,
    ...(correlated
      ? {
          identity: {
            id: state.identityId!,
            type: 'IDENTITY',
            ...(state.identityName === null ? {} : { name: state.identityName }),
          },
        }
      : {}),
    sourceOwner: { id: state.source.ownerIdentityId, type: 'IDENTITY' },
    features: SOURCE_FEATURES,
    origin: state.origin,
    ownerIdentity: null,
  };
  if (detail === 'FULL') return full;
  const slim: Record<string, unknown> = {};
  for (const field of SLIM_FIELDS) if (field in full) slim[field] = full[field];
  return slim as unknown as Account;
}
