/**
 * `createUpstreamApi`: the UpstreamApi bound to one caller's token, composed from one module
 * per resource. Cheap to build: the transport (and its connections) is shared and handed in.
 */
import type { Dispatcher } from 'undici';
import type { UpstreamApi } from './api.ts';
import { createUpstreamHttp, type UpstreamApiVersion, type UpstreamCallLog } from './http-client.ts';
import { createAccountOperations } from './operations/accounts.ts';
import { createIdentitiesAccountOperations } from './operations/identities-accounts.ts';
import { createNonEmployeeApprovalOperations } from './operations/non-employee-approvals.ts';
import { createNonEmployeeRecordOperations } from './operations/non-employee-records.ts';
import { createNonEmployeeRequestOperations } from './operations/non-employee-requests.ts';
import { createNonEmployeeSchemaAttributeOperations } from './operations/non-employee-schema-attributes.ts';
import { createNonEmployeeSourceOperations } from './operations/non-employee-sources.ts';
import type { UpstreamRetryOptions } from './retry-policy.ts';

export interface UpstreamApiOptions {
  /** Tenant API root without a version, e.g. `https://acme.api.identitynow.com`. */
  baseUrl: string;
  /** Version the NELM paths go under; accounts always use v3 and the beta-only ops beta. @default 'v3' */
  apiVersion?: UpstreamApiVersion;
  /** The shared transport (see `createUpstreamDispatcher`); retries and timeouts live there. */
  dispatcher: Dispatcher;
  /** The caller's forwarded bearer, or the service token. */
  getToken: () => Promise<string>;
  /** Told about every 401, so a cached service token can be dropped. */
  onTokenRejected?: () => void;
  /** Aborts every call in flight (e.g. when the GraphQL request is cancelled). */
  signal?: AbortSignal;
  /** Method, path, status and duration of each call, for debug logs and counters. */
  onCall?: (entry: UpstreamCallLog) => void;
  /** Overrides the transport's retry policy for this API's reads (writes are never retried). */
  retry?: UpstreamRetryOptions;
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
