/** The SDK class an operation is called on. */
export type SdkApi = 'nelm' | 'accounts' | 'accountsBeta';

/** The contract test file that calls an operation. */
export type ContractSuite =
  | 'nelm-sources'
  | 'nelm-bulk'
  | 'nelm-records'
  | 'nelm-requests'
  | 'accounts'
  | 'account-writes';

export interface ContractOperation {
  api: SdkApi;
  suite: ContractSuite;
}

const sources = { api: 'nelm', suite: 'nelm-sources' } as const;
const bulk = { api: 'nelm', suite: 'nelm-bulk' } as const;
const records = { api: 'nelm', suite: 'nelm-records' } as const;
const requests = { api: 'nelm', suite: 'nelm-requests' } as const;
const accounts = { api: 'accounts', suite: 'accounts' } as const;
const accountWrites = { api: 'accounts', suite: 'account-writes' } as const;
const accountsBeta = { api: 'accountsBeta', suite: 'account-writes' } as const;

/**
 * The 48 operations the sandbox serves, by the spec's operationId (the SDK's method name):
 * 32 NELM v3, 11 v3 accounts and the 5 accounts operations that exist only in beta.
 */
export const CONTRACT_OPERATIONS: Readonly<Record<string, ContractOperation>> = {
  listNonEmployeeSources: sources,
  createNonEmployeeSource: sources,
  getNonEmployeeSource: sources,
  patchNonEmployeeSource: sources,
  deleteNonEmployeeSource: sources,
  getNonEmployeeSourceSchemaAttributes: sources,
  createNonEmployeeSourceSchemaAttributes: sources,
  deleteNonEmployeeSourceSchemaAttributes: sources,
  getNonEmployeeSchemaAttribute: sources,
  patchNonEmployeeSchemaAttribute: sources,
  deleteNonEmployeeSchemaAttribute: sources,
  importNonEmployeeRecordsInBulk: bulk,
  getNonEmployeeBulkUploadStatus: bulk,
  exportNonEmployeeRecords: bulk,
  exportNonEmployeeSourceSchemaTemplate: bulk,

  createNonEmployeeRecord: records,
  listNonEmployeeRecords: records,
  getNonEmployeeRecord: records,
  updateNonEmployeeRecord: records,
  patchNonEmployeeRecord: records,
  deleteNonEmployeeRecord: records,
  deleteNonEmployeeRecordsInBulk: records,
  createNonEmployeeRequest: requests,
  listNonEmployeeRequests: requests,
  getNonEmployeeRequest: requests,
  deleteNonEmployeeRequest: requests,
  getNonEmployeeRequestSummary: requests,
  listNonEmployeeApprovals: requests,
  getNonEmployeeApproval: requests,
  approveNonEmployeeRequest: requests,
  rejectNonEmployeeRequest: requests,
  getNonEmployeeApprovalSummary: requests,

  listAccounts: accounts,
  getAccount: accounts,
  createAccount: accountWrites,
  putAccount: accountWrites,
  updateAccount: accountWrites,
  deleteAccount: accountWrites,
  getAccountEntitlements: accounts,
  submitReloadAccount: accounts,
  enableAccount: accounts,
  disableAccount: accounts,
  unlockAccount: accounts,

  deleteAccountAsync: accountsBeta,
  enableAccountForIdentity: accountsBeta,
  disableAccountForIdentity: accountsBeta,
  enableAccountsForIdentities: accountsBeta,
  disableAccountsForIdentities: accountsBeta,
};

export const operationsOf = (suite: ContractSuite): string[] =>
  Object.entries(CONTRACT_OPERATIONS)
    .filter(([, operation]) => operation.suite === suite)
    .map(([operationId]) => operationId);
