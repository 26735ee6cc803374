import type { Account, AccountDetailLevel } from '../../upstream/wire/accounts.ts';
import type { AccountState } from './account-state.ts';

/** Non-employee sources behave as flat-file sources: PUT and DELETE are allowed on their accounts. */
export const CONNECTION_TYPE = 'file';
export const SOURCE_FEATURES = 'ENABLE, UNLOCK, PROVISIONING';

/**
 * The fields a SLIM account keeps: those of the spec's `SlimAccounts` example. It has no
 * `sourceName`, `authoritative`, `systemAccount` or `uncorrelated`, though `Account` requires them.
 */
const SLIM_FIELDS = [
  'attributes',
  'created',
  'description',
  'disabled',
  'features',
  'hasEntitlements',
  'id',
  'identityId',
  'locked',
  'manuallyCorrelated',
  'modified',
  'name',
  'nativeIdentity',
  'sourceId',
  'uuid',
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
