import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../../src/schema/index.ts';
import { CONTRACT_OPERATIONS } from '../../contract/operations.ts';

/**
 * Each of the 48 REST operations by the GraphQL field that calls it (`Type.field`). The CSV
 * exports are served by the gateway's export routes, whose URLs the named fields give.
 */
const OPERATION_FIELDS: Record<string, string> = {
  listNonEmployeeSources: 'Query.nonEmployeeSources',
  createNonEmployeeSource: 'Mutation.createNonEmployeeSource',
  getNonEmployeeSource: 'Query.nonEmployeeSource',
  patchNonEmployeeSource: 'Mutation.updateNonEmployeeSource',
  deleteNonEmployeeSource: 'Mutation.deleteNonEmployeeSource',
  getNonEmployeeSourceSchemaAttributes: 'NonEmployeeSource.schemaAttributes',
  createNonEmployeeSourceSchemaAttributes: 'Mutation.createNonEmployeeSchemaAttribute',
  deleteNonEmployeeSourceSchemaAttributes: 'Mutation.deleteNonEmployeeSourceSchemaAttributes',
  getNonEmployeeSchemaAttribute: 'Query.node',
  patchNonEmployeeSchemaAttribute: 'Mutation.updateNonEmployeeSchemaAttribute',
  deleteNonEmployeeSchemaAttribute: 'Mutation.deleteNonEmployeeSchemaAttribute',
  importNonEmployeeRecordsInBulk: 'Mutation.importNonEmployeeRecords',
  getNonEmployeeBulkUploadStatus: 'NonEmployeeSource.bulkUploadStatus',
  exportNonEmployeeRecords: 'NonEmployeeSource.recordsExportUrl',
  exportNonEmployeeSourceSchemaTemplate: 'NonEmployeeSource.schemaTemplateExportUrl',
  createNonEmployeeRecord: 'Mutation.createNonEmployeeRecord',
  listNonEmployeeRecords: 'Query.nonEmployeeRecords',
  getNonEmployeeRecord: 'Query.nonEmployeeRecord',
  updateNonEmployeeRecord: 'Mutation.replaceNonEmployeeRecord',
  patchNonEmployeeRecord: 'Mutation.updateNonEmployeeRecord',
  deleteNonEmployeeRecord: 'Mutation.deleteNonEmployeeRecord',
  deleteNonEmployeeRecordsInBulk: 'Mutation.deleteNonEmployeeRecords',
  createNonEmployeeRequest: 'Mutation.createNonEmployeeRequest',
  listNonEmployeeRequests: 'Query.nonEmployeeRequests',
  getNonEmployeeRequest: 'Query.nonEmployeeRequest',
  deleteNonEmployeeRequest: 'Mutation.deleteNonEmployeeRequest',
  getNonEmployeeRequestSummary: 'Query.nonEmployeeRequestSummary',
  listNonEmployeeApprovals: 'Query.nonEmployeeApprovals',
  getNonEmployeeApproval: 'Query.nonEmployeeApproval',
  approveNonEmployeeRequest: 'Mutation.approveNonEmployeeRequest',
  rejectNonEmployeeRequest: 'Mutation.rejectNonEmployeeRequest',
  getNonEmployeeApprovalSummary: 'Query.nonEmployeeApprovalSummary',
  listAccounts: 'Query.accounts',
  getAccount: 'Query.account',
  createAccount: 'Mutation.createAccount',
  putAccount: 'Mutation.replaceAccount',
  updateAccount: 'Mutation.updateAccount',
  deleteAccount: 'Mutation.deleteAccount',
  getAccountEntitlements: 'Account.entitlements',
  submitReloadAccount: 'Mutation.reloadAccount',
  enableAccount: 'Mutation.enableAccount',
  disableAccount: 'Mutation.disableAccount',
  unlockAccount: 'Mutation.unlockAccount',
  deleteAccountAsync: 'Mutation.removeAccount',
  enableAccountForIdentity: 'Mutation.enableAccountsForIdentity',
  disableAccountForIdentity: 'Mutation.disableAccountsForIdentity',
  enableAccountsForIdentities: 'Mutation.enableAccountsForIdentities',
  disableAccountsForIdentities: 'Mutation.disableAccountsForIdentities',
};

/** The code above the REST client: every place that may call an operation of `UpstreamApi`. */
const CALLER_DIRS = ['schema', 'loaders', 'plugins'].map(
  (dir) => new URL(`../../../src/${dir}/`, import.meta.url),
);
const callerSource = CALLER_DIRS.flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(join(dir.pathname, file), 'utf8')),
).join('\n');

describe('every REST operation is reachable through GraphQL', () => {
  it('names a GraphQL field for each of the 48 operations', () => {
    expect(Object.keys(OPERATION_FIELDS).sort()).toEqual(Object.keys(CONTRACT_OPERATIONS).sort());
  });

  it.each(Object.entries(OPERATION_FIELDS))('%s: %s is in the schema', (_operation, coordinate) => {
    const [typeName, fieldName] = coordinate.split('.');
    const type = schema.getType(typeName);
    expect(isObjectType(type) && type.getFields()[fieldName]).toBeTruthy();
  });

  it.each(Object.keys(OPERATION_FIELDS))(
    '%s is called by the schema, its loaders or its routes',
    (operation) => {
      expect(callerSource).toMatch(new RegExp(`\\.${operation}\\(`));
    },
  );
});
