/**
 * Wire shapes of ISC's Non-Employee Lifecycle Management API (v3 and beta), as they travel
 * over HTTP. Dates are ISO-8601 strings. Optional fields are optional on the wire too.
 */

export const APPROVAL_STATUSES = ['APPROVED', 'REJECTED', 'PENDING', 'NOT_READY', 'CANCELLED'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export type IdentityRefType = 'IDENTITY' | 'GOVERNANCE_GROUP';

/** `{ type, id }` reference to an identity (or governance group). */
export interface IdentityRef {
  type?: IdentityRefType;
  id?: string;
}

/** `NonEmployeeIdnUserRequest`: how write bodies name an identity. */
export interface IdnUserRef {
  id: string;
}

export const SCHEMA_ATTRIBUTE_TYPES = ['TEXT', 'DATE', 'IDENTITY', 'PHONE', 'EMAIL'] as const;
export type SchemaAttributeType = (typeof SCHEMA_ATTRIBUTE_TYPES)[number];
/** The types v3 knows; beta and the dated versions add PHONE and EMAIL. */
export const V3_SCHEMA_ATTRIBUTE_TYPES: readonly SchemaAttributeType[] = ['TEXT', 'DATE', 'IDENTITY'];

export interface NonEmployeeSchemaAttribute {
  id?: string;
  system?: boolean;
  modified?: string;
  created?: string;
  type: SchemaAttributeType;
  label: string;
  technicalName: string;
  helpText?: string | null;
  placeholder?: string | null;
  required?: boolean;
}

export interface NonEmployeeSchemaAttributeBody {
  type: string;
  label: string;
  technicalName: string;
  helpText?: string;
  placeholder?: string;
  required?: boolean;
}

export interface NonEmployeeSourceLite {
  id?: string;
  sourceId?: string;
  name?: string;
  description?: string;
}

export interface NonEmployeeSourceLiteWithSchemaAttributes extends NonEmployeeSourceLite {
  schemaAttributes?: NonEmployeeSchemaAttribute[];
}

export interface NonEmployeeSource extends NonEmployeeSourceLite {
  approvers?: IdentityRef[];
  accountManagers?: IdentityRef[];
  modified?: string;
  created?: string;
}

/** The list answer with `non-employee-count=true` (null/absent without it). */
export interface NonEmployeeSourceWithNECount extends NonEmployeeSource {
  nonEmployeeCount?: number | null;
}

/** The create answer. */
export interface NonEmployeeSourceWithCloudExternalId extends NonEmployeeSource {
  cloudExternalId?: string;
}

export interface NonEmployeeSourceRequestBody {
  name: string;
  description: string;
  owner: IdnUserRef;
  managementWorkgroup?: string;
  approvers?: IdnUserRef[];
  accountManagers?: IdnUserRef[];
}

/** The text fields that describe the person on records, requests and their bodies, in the spec's order. */
export const NON_EMPLOYEE_PERSON_FIELDS = [
  'accountName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'manager',
] as const;

/** Those texts, each a string. */
export type NonEmployeePersonTexts = { [Field in (typeof NON_EMPLOYEE_PERSON_FIELDS)[number]]: string };

/** Custom attribute values keyed by technical name. */
export type NonEmployeeData = Record<string, string>;

export interface NonEmployeeRecord extends Partial<NonEmployeePersonTexts> {
  id?: string;
  sourceId?: string;
  data?: NonEmployeeData;
  startDate?: string;
  endDate?: string;
  modified?: string;
  created?: string;
}

/** Body of record create/replace and of request create. */
export interface NonEmployeeRequestBody extends NonEmployeePersonTexts {
  sourceId: string;
  data?: NonEmployeeData;
  startDate: string;
  endDate: string;
}

/** The fields of a record a client sets: all of them are what a record's JSON Patch may change. */
export const NON_EMPLOYEE_RECORD_FIELDS = [
  ...NON_EMPLOYEE_PERSON_FIELDS,
  'startDate',
  'endDate',
  'data',
] as const;

export interface NonEmployeeApprovalItemBase {
  id?: string;
  approver?: IdentityRef;
  accountName?: string;
  approvalStatus?: ApprovalStatus;
  approvalOrder?: number;
  comment?: string;
  modified?: string;
  created?: string;
}

export interface NonEmployeeRequestLite {
  id?: string;
  requester?: IdentityRef;
}

/** What every shape of a request says about it. */
interface NonEmployeeRequestFields extends Partial<NonEmployeePersonTexts> {
  data?: NonEmployeeData;
  approvalStatus?: ApprovalStatus;
  comment?: string;
  completionDate?: string;
  startDate?: string;
  endDate?: string;
  modified?: string;
  created?: string;
}

/** A request as lists and gets return it; the spec merges the source-lite fields into it. */
export interface NonEmployeeRequest extends NonEmployeeSourceLite, NonEmployeeRequestFields {
  nonEmployeeSource?: NonEmployeeSourceLite;
  approvalItems?: NonEmployeeApprovalItemBase[];
}

export interface NonEmployeeRequestWithoutApprovalItem
  extends NonEmployeeRequestLite,
    NonEmployeeRequestFields {
  nonEmployeeSource?: NonEmployeeSourceLiteWithSchemaAttributes;
}

/** An approval item as the list returns it. */
export interface NonEmployeeApprovalItem extends NonEmployeeApprovalItemBase {
  nonEmployeeRequest?: NonEmployeeRequestLite;
}

/** An approval item from get (with `include-detail`), approve and reject. */
export interface NonEmployeeApprovalItemDetail extends NonEmployeeApprovalItemBase {
  nonEmployeeRequest?: NonEmployeeRequestWithoutApprovalItem;
}

export interface NonEmployeeApprovalDecision {
  comment?: string;
}

export interface NonEmployeeRejectApprovalDecision {
  comment: string;
}

export interface NonEmployeeRequestSummary {
  approved?: number;
  rejected?: number;
  pending?: number;
  nonEmployeeCount?: number;
}

export interface NonEmployeeApprovalSummary {
  approved?: number;
  pending?: number;
  rejected?: number;
}

export const BULK_UPLOAD_STATUSES = ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'ERROR'] as const;
export type BulkUploadStatus = (typeof BULK_UPLOAD_STATUSES)[number];

export interface NonEmployeeBulkUploadJob {
  id?: string;
  sourceId?: string;
  created?: string;
  modified?: string;
  status?: BulkUploadStatus;
}

export interface NonEmployeeBulkUploadStatus {
  status?: BulkUploadStatus | null;
}

export interface DeleteNonEmployeeRecordsInBulkBody {
  ids: string[];
}
