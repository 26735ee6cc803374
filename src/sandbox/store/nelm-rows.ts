import type {
  ApprovalStatus,
  BulkUploadStatus,
  NonEmployeePersonTexts,
  SchemaAttributeType,
} from '../../upstream/wire/nelm.ts';

/** Internal rows of the NELM store. Times are epoch milliseconds; views turn them into ISO strings. */

export interface SchemaAttributeRow {
  id: string;
  system: boolean;
  type: SchemaAttributeType;
  label: string;
  technicalName: string;
  helpText?: string;
  placeholder?: string;
  required: boolean;
  created: number;
  modified: number;
}

export interface SourceRow {
  /** The non-employee source id (UUID). */
  id: string;
  /** The ISC source behind it, where the accounts live (32 hex digits). */
  iscSourceId: string;
  cloudExternalId: string;
  name: string;
  description: string;
  ownerId: string;
  managementWorkgroup?: string;
  approverIds: string[];
  accountManagerIds: string[];
  attributes: SchemaAttributeRow[];
  created: number;
  modified: number;
}

/** What a record and a request both hold about the non-employee. */
export interface PersonRow extends NonEmployeePersonTexts {
  startDate: number;
  endDate: number;
}

export interface RecordRow extends PersonRow {
  id: string;
  /** Set when the row stands for (or replaced) a seeded record. */
  seedIndex?: number;
  /** Custom attribute values; seeded rows share these objects, so writes replace, never mutate. */
  data: Readonly<Record<string, string>>;
  created: number;
  modified: number;
}

export interface ApprovalRow {
  id: string;
  requestId: string;
  approverId: string;
  approvalOrder: number;
  approvalStatus: ApprovalStatus;
  comment?: string;
  created: number;
  modified: number;
}

export interface RequestRow extends PersonRow {
  id: string;
  sourceId: string;
  requesterId: string;
  data: Record<string, string>;
  approvalStatus: ApprovalStatus;
  comment?: string;
  completionDate?: number;
  /** Approval item ids in approver order. */
  approvalIds: string[];
  created: number;
  modified: number;
}

export interface UploadError {
  /** 1-based line of the CSV (the header is line 1). */
  line: number;
  message: string;
}

export interface UploadJobRow {
  id: string;
  sourceId: string;
  status: BulkUploadStatus;
  errors: UploadError[];
  created: number;
  modified: number;
}
