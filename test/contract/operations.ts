/** The SDK class an operation is called on. */
export type SdkApi = 'nelm' | 'accounts' | 'accountsBeta';

/** The contract test file that calls an operation. */
export type ContractSuite = 'nelm-sources' | 'nelm-records' | 'accounts';

export interface ContractOperation {
  api: SdkApi;
  suite: ContractSuite;
}

const sources = { api: 'nelm', suite: 'nelm-sources' } as const;
const records = { api: 'nelm', suite: 'nelm-records' } as const;
const accounts = { api: 'accounts', suite: 'accounts' } as const;
const accountsBeta = { api: 'accountsBeta', suite: 'accounts' } as const;

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
  importNonEmployeeRecordsInBulk: sources,
  getNonEmployeeBulkUploadStatus: sources,
  exportNonEmployeeRecords: sources,
  exportNonEmployeeSourceSchemaTemplate: sources,

  createNonEmployeeRecord: records,
  listNonEmployeeRecords: records,
  getNonEmployeeRecord: records,
  updateNonEmployeeRecord: records,
  patchNonEmployeeRecord: records,
  deleteNonEmployeeRecord: records,
  deleteNonEmployeeRecordsInBulk: records,
  createNonEmployeeRequest: records,
  listNonEmployeeRequests: records,
  getNonEmployeeRequest: records,
  deleteNonEmployeeRequest: records,
  getNonEmployeeRequestSummary: records,
  listNonEmployeeApprovals: records,
  getNonEmployeeApproval: records,
  approveNonEmployeeRequest: records,
  rejectNonEmployeeRequest: records,
  getNonEmployeeApprovalSummary: records,

  listAccounts: accounts,
  getAccount: accounts,
  createAccount: accounts,
  putAccount: accounts,
  updateAccount: accounts,
  deleteAccount: accounts,
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
