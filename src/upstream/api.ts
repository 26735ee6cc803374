/**
 * The upstream client's surface: one typed function per REST operation of ISC's NELM and
 * Accounts APIs. An `UpstreamApi` is bound to one caller's credentials; build one per
 * GraphQL request with `createUpstreamApi` (see `create-upstream-api.ts`).
 */

import type { FilterExpression, Sorter } from './filters.ts';

export type { Sorter } from './filters.ts';

import type {
  Account,
  AccountAttributes,
  AccountAttributesCreate,
  AccountDetailLevel,
  AccountsAsyncResult,
  AccountToggleRequest,
  AccountUnlockRequest,
  BulkIdentitiesAccountsResponse,
  Entitlement,
  TaskResultDto,
} from './wire/accounts.ts';
import type { JsonPatchOperation } from './wire/common.ts';
import type {
  NonEmployeeApprovalItem,
  NonEmployeeApprovalItemDetail,
  NonEmployeeApprovalSummary,
  NonEmployeeBulkUploadJob,
  NonEmployeeBulkUploadStatus,
  NonEmployeeRecord,
  NonEmployeeRequest,
  NonEmployeeRequestBody,
  NonEmployeeRequestSummary,
  NonEmployeeSchemaAttribute,
  NonEmployeeSchemaAttributeBody,
  NonEmployeeSource,
  NonEmployeeSourceRequestBody,
  NonEmployeeSourceWithCloudExternalId,
  NonEmployeeSourceWithNECount,
} from './wire/nelm.ts';

/** One page of a list; `totalCount` is set only when the list was asked with `count: true`. */
export interface Page<T> {
  items: T[];
  totalCount: number | null;
}

export interface ListParams {
  /** 0..250; the API's default is 250. */
  limit?: number;
  offset?: number;
  /** Ask for `X-Total-Count`; costs the server, so only when the total is used. */
  count?: boolean;
  filters?: FilterExpression;
  sorters?: readonly Sorter[];
}

/** A streamed CSV answer (exports). */
export interface CsvDownload {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  contentDisposition: string | null;
}

export interface UpstreamApi {
  // Non-employee sources
  listNonEmployeeSources(
    params: ListParams & { requestedFor?: string; nonEmployeeCount?: boolean },
  ): Promise<Page<NonEmployeeSourceWithNECount>>;
  getNonEmployeeSource(sourceId: string): Promise<NonEmployeeSource>;
  createNonEmployeeSource(body: NonEmployeeSourceRequestBody): Promise<NonEmployeeSourceWithCloudExternalId>;
  patchNonEmployeeSource(sourceId: string, patch: JsonPatchOperation[]): Promise<NonEmployeeSource>;
  deleteNonEmployeeSource(sourceId: string): Promise<void>;
  exportNonEmployeeRecords(sourceId: string): Promise<CsvDownload>;
  exportNonEmployeeSourceSchemaTemplate(sourceId: string): Promise<CsvDownload>;
  importNonEmployeeRecordsInBulk(
    sourceId: string,
    csv: Blob,
    filename: string,
  ): Promise<NonEmployeeBulkUploadJob>;
  getNonEmployeeBulkUploadStatus(sourceId: string): Promise<NonEmployeeBulkUploadStatus>;

  // Schema attributes
  getNonEmployeeSourceSchemaAttributes(sourceId: string): Promise<NonEmployeeSchemaAttribute[]>;
  createNonEmployeeSourceSchemaAttributes(
    sourceId: string,
    body: NonEmployeeSchemaAttributeBody,
  ): Promise<NonEmployeeSchemaAttribute>;
  deleteNonEmployeeSourceSchemaAttributes(sourceId: string): Promise<void>;
  getNonEmployeeSchemaAttribute(sourceId: string, attributeId: string): Promise<NonEmployeeSchemaAttribute>;
  patchNonEmployeeSchemaAttribute(
    sourceId: string,
    attributeId: string,
    patch: JsonPatchOperation[],
  ): Promise<NonEmployeeSchemaAttribute>;
  deleteNonEmployeeSchemaAttribute(sourceId: string, attributeId: string): Promise<void>;

  // Records
  listNonEmployeeRecords(params: ListParams): Promise<Page<NonEmployeeRecord>>;
  getNonEmployeeRecord(id: string): Promise<NonEmployeeRecord>;
  createNonEmployeeRecord(body: NonEmployeeRequestBody): Promise<NonEmployeeRecord>;
  updateNonEmployeeRecord(id: string, body: NonEmployeeRequestBody): Promise<NonEmployeeRecord>;
  patchNonEmployeeRecord(id: string, patch: JsonPatchOperation[]): Promise<NonEmployeeRecord>;
  deleteNonEmployeeRecord(id: string): Promise<void>;
  deleteNonEmployeeRecordsInBulk(ids: string[]): Promise<void>;

  // Requests
  listNonEmployeeRequests(params: ListParams & { requestedFor: string }): Promise<Page<NonEmployeeRequest>>;
  getNonEmployeeRequest(id: string): Promise<NonEmployeeRequest>;
  createNonEmployeeRequest(body: NonEmployeeRequestBody): Promise<NonEmployeeRequest>;
  deleteNonEmployeeRequest(id: string): Promise<void>;
  getNonEmployeeRequestSummary(requestedFor: string): Promise<NonEmployeeRequestSummary>;

  // Approvals
  listNonEmployeeApprovals(
    params: ListParams & { requestedFor?: string },
  ): Promise<Page<NonEmployeeApprovalItem>>;
  getNonEmployeeApproval(id: string, includeDetail?: boolean): Promise<NonEmployeeApprovalItemDetail>;
  approveNonEmployeeRequest(id: string, comment?: string): Promise<NonEmployeeApprovalItem>;
  rejectNonEmployeeRequest(id: string, comment: string): Promise<NonEmployeeApprovalItem>;
  getNonEmployeeApprovalSummary(requestedFor: string): Promise<NonEmployeeApprovalSummary>;

  // Accounts (v3; remove and identities-accounts on beta, or v2025 when that is the version)
  listAccounts(params: ListParams & { detailLevel?: AccountDetailLevel }): Promise<Page<Account>>;
  getAccount(id: string): Promise<Account>;
  createAccount(body: AccountAttributesCreate): Promise<AccountsAsyncResult>;
  /** The spec's 202 body is an untyped object: the task id when ISC sends one, else null. */
  updateAccount(id: string, patch: JsonPatchOperation[]): Promise<AccountsAsyncResult | null>;
  putAccount(id: string, body: AccountAttributes): Promise<AccountsAsyncResult>;
  deleteAccount(id: string): Promise<AccountsAsyncResult>;
  getAccountEntitlements(
    id: string,
    params: Omit<ListParams, 'filters' | 'sorters'>,
  ): Promise<Page<Entitlement>>;
  submitReloadAccount(id: string): Promise<AccountsAsyncResult>;
  enableAccount(id: string, body: AccountToggleRequest): Promise<AccountsAsyncResult>;
  disableAccount(id: string, body: AccountToggleRequest): Promise<AccountsAsyncResult>;
  unlockAccount(id: string, body: AccountUnlockRequest): Promise<AccountsAsyncResult>;
  /** beta */
  deleteAccountAsync(id: string): Promise<TaskResultDto>;
  /** beta; the task id when ISC sends one in its 202, else null */
  enableAccountForIdentity(identityId: string): Promise<AccountsAsyncResult | null>;
  /** beta; the task id when ISC sends one in its 202, else null */
  disableAccountForIdentity(identityId: string): Promise<AccountsAsyncResult | null>;
  /** beta; 207 with one entry per identity */
  enableAccountsForIdentities(identityIds: string[]): Promise<BulkIdentitiesAccountsResponse[]>;
  /** beta; 207 with one entry per identity */
  disableAccountsForIdentities(identityIds: string[]): Promise<BulkIdentitiesAccountsResponse[]>;
}
