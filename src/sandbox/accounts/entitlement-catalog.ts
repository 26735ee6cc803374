import type { Entitlement } from '../../upstream/wire/accounts.ts';
import type { DirectorySource } from '../store/record-directory.ts';
import { md5Hex } from './account-ids.ts';

const GROUPS: readonly { name: string; privileged: boolean; description: string }[] = [
  { name: 'Contractor VPN', privileged: false, description: 'Remote access for non-employees' },
  { name: 'Building Access', privileged: false, description: 'Badge access to the main office' },
  { name: 'Timesheet Submitter', privileged: false, description: 'Submits weekly timesheets' },
  { name: 'Project Wiki Reader', privileged: false, description: 'Reads the project wiki' },
  { name: 'Guest Wi-Fi', privileged: false, description: 'Guest wireless network' },
  { name: 'Finance Reports', privileged: true, description: 'Reads quarterly finance reports' },
];

/** The group entitlements every non-employee ISC source offers, in a stable order. */
export const ENTITLEMENT_CATALOG_SIZE = GROUPS.length;

/** The entitlements of one ISC source, built once per source and reused for every account on it. */
export function createEntitlementCatalog(seedTime: string) {
  const bySource = new Map<string, Entitlement[]>();

  const catalogOf = (source: DirectorySource): Entitlement[] => {
    // Keyed by name too: a renamed source shows its new name on its entitlements.
    const key = `${source.iscSourceId}\u0000${source.name}`;
    const cached = bySource.get(key);
    if (cached) return cached;
    const entitlements = GROUPS.map((group): Entitlement => {
      const value = `CN=${group.name},OU=NonEmployees,DC=sandbox,DC=local`;
      return {
        id: md5Hex(`entitlement:${source.iscSourceId}:${group.name}`),
        name: group.name,
        created: seedTime,
        modified: seedTime,
        attribute: 'memberOf',
        value,
        sourceSchemaObjectType: 'group',
        privileged: group.privileged,
        cloudGoverned: false,
        description: group.description,
        requestable: true,
        attributes: { displayName: group.name, distinguishedName: value },
        source: { id: source.iscSourceId, type: 'SOURCE', name: source.name },
        owner: { id: source.ownerIdentityId, type: 'IDENTITY' },
        additionalOwners: null,
        directPermissions: [],
        segments: [],
        manuallyUpdatedFields: null,
        accessModelMetadata: { attributes: [] },
      };
    });
    bySource.set(key, entitlements);
    return entitlements;
  };

  return {
    catalogOf,
    /** The entitlements at the given catalog indexes. */
    pick: (source: DirectorySource, indexes: readonly number[]): Entitlement[] =>
      indexes.map((i) => catalogOf(source)[i]),
    reset: () => bySource.clear(),
  };
}

export type EntitlementCatalog = ReturnType<typeof createEntitlementCatalog>;
