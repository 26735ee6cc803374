/**
 * What the loaders hand to the schema: the wire shapes, plus the few facts the gateway adds
 * (the source an attribute belongs to, a request's requester when it is known).
 */
import type { Account } from '../upstream/wire/accounts.ts';
import type {
  IdentityRef,
  NonEmployeeApprovalItem,
  NonEmployeeApprovalItemDetail,
  NonEmployeeRecord,
  NonEmployeeRequest,
  NonEmployeeSchemaAttribute,
  NonEmployeeSourceLite,
  NonEmployeeSourceWithNECount,
} from '../upstream/wire/nelm.ts';

export type SourceEntity = NonEmployeeSourceWithNECount;

/** The source a request embeds: only id, sourceId, name and description are known. */
export interface SourceLiteEntity extends NonEmployeeSourceLite {
  readonly lite: true;
}

export type AnySourceEntity = SourceEntity | SourceLiteEntity;

export const isSourceLite = (source: AnySourceEntity): source is SourceLiteEntity =>
  'lite' in source && source.lite === true;

export type SchemaAttributeEntity = NonEmployeeSchemaAttribute & { nonEmployeeSourceId: string };

export type RecordEntity = NonEmployeeRecord;

export type RequestEntity = NonEmployeeRequest & { requester?: IdentityRef };

export type ApprovalEntity = NonEmployeeApprovalItem | NonEmployeeApprovalItemDetail;

export type AccountEntity = Account;

/** An account by where it lives: its ISC source and its native identity there. */
export interface AccountKey {
  sourceId: string;
  nativeIdentity: string;
}
