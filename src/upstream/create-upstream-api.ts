/**
 * `createUpstreamApi`: the UpstreamApi bound to one caller's token, composed from one module
 * per resource. Cheap to build: the transport (and its connections) is shared and handed in.
 */
import type { UpstreamApi } from './api.ts';
import { createUpstreamHttp, type UpstreamApiVersion, type UpstreamHttpOptions } from './http-client.ts';
import { createAccountOperations } from './operations/accounts.ts';
import { createIdentitiesAccountOperations } from './operations/identities-accounts.ts';
import { createNonEmployeeApprovalOperations } from './operations/non-employee-approvals.ts';
import { createNonEmployeeRecordOperations } from './operations/non-employee-records.ts';
import { createNonEmployeeRequestOperations } from './operations/non-employee-requests.ts';
import { createNonEmployeeSchemaAttributeOperations } from './operations/non-employee-schema-attributes.ts';
import { createNonEmployeeSourceOperations } from './operations/non-employee-sources.ts';

export interface UpstreamApiOptions extends UpstreamHttpOptions {
  /** Version the NELM paths go under; accounts use v3, remove and identities-accounts beta (v2025 under v2025). @default 'v3' */
  apiVersion?: UpstreamApiVersion;
}

export const createUpstreamApi = (options: UpstreamApiOptions): UpstreamApi => {
  const http = createUpstreamHttp(options);
  const context = { http, nelmVersion: options.apiVersion ?? 'v3' };
  return {
    ...createNonEmployeeSourceOperations(context),
    ...createNonEmployeeSchemaAttributeOperations(context),
    ...createNonEmployeeRecordOperations(context),
    ...createNonEmployeeRequestOperations(context),
    ...createNonEmployeeApprovalOperations(context),
    ...createAccountOperations(context),
    ...createIdentitiesAccountOperations(context),
  };
};
