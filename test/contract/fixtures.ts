import type { Account, NonEmployeeRequestBody, NonEmployeeSourceRequestBody } from 'sailpoint-api-client';
import type { TestSandbox } from '../helpers/sandbox.ts';
import type { SdkClients } from './sdk-helpers.ts';

/** A well-formed NELM id (a UUID) that names nothing. */
export const UNKNOWN_NELM_ID = '00000000-0000-4000-8000-000000000000';

/** A well-formed ISC id (32 hex digits) that names nothing. */
export const UNKNOWN_ISC_ID = 'ffffffffffffffffffffffffffffffff';

let sourceCount = 0;

/** A new source's body: a seeded owner, one approver and one account manager, a name not used before. */
export const sourceBody = (
  sandbox: TestSandbox,
  overrides: Partial<NonEmployeeSourceRequestBody> = {},
): NonEmployeeSourceRequestBody => ({
  name: `Contract source ${++sourceCount}`,
  description: 'Made by the SDK contract test',
  owner: { id: sandbox.client('source-owner').identityId },
  approvers: [{ id: sandbox.client('approver', 0).identityId }],
  accountManagers: [{ id: sandbox.client('account-manager').identityId }],
  ...overrides,
});

/** A record or request body for one non-employee on a source. */
export const nonEmployee = (
  sourceId: string,
  accountName: string,
  overrides: Partial<NonEmployeeRequestBody> = {},
): NonEmployeeRequestBody => ({
  accountName,
  firstName: 'Grace',
  lastName: 'Hopper',
  email: `${accountName}@example.com`,
  phone: '5125550100',
  manager: 'jdoe',
  sourceId,
  startDate: '2025-01-01T00:00:00Z',
  endDate: '2026-01-01T00:00:00Z',
  ...overrides,
});

/** A new source made by `admin` from `sourceBody`. */
export const createSource = async (
  admin: SdkClients,
  sandbox: TestSandbox,
  overrides: Partial<NonEmployeeSourceRequestBody> = {},
) =>
  (await admin.nelm.createNonEmployeeSource({ nonEmployeeSourceRequestBody: sourceBody(sandbox, overrides) }))
    .data;

/** The ISC source behind the first seeded non-employee source, and the account names of 8 of its records. */
export async function seededAccounts(
  admin: SdkClients,
): Promise<{ iscSourceId: string; accountNames: string[] }> {
  const [source] = (await admin.nelm.listNonEmployeeSources({ limit: 1 })).data;
  const records = await admin.nelm.listNonEmployeeRecords({
    filters: `sourceId eq "${source.id}"`,
    limit: 8,
  });
  return { iscSourceId: source.sourceId!, accountNames: records.data.map((record) => record.accountName!) };
}

/** The account named `nativeIdentity` on an ISC source. */
export async function findAccount(
  admin: SdkClients,
  iscSourceId: string,
  nativeIdentity: string,
): Promise<Account> {
  const filters = `sourceId eq "${iscSourceId}" and nativeIdentity eq "${nativeIdentity}"`;
  const [account] = (await admin.accounts.listAccounts({ filters })).data;
  return account;
}
