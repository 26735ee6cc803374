import type {
  AccountEntity,
  AnySourceEntity,
  ApprovalEntity,
  RecordEntity,
  RequestEntity,
  SchemaAttributeEntity,
} from '../loaders/entities.ts';
import { builder } from './builder.ts';

/**
 * References of the node types, apart from their definitions so that types pointing at each
 * other (a source's records, a record's source) import no cycle.
 */
export const NonEmployeeSourceRef = builder.objectRef<AnySourceEntity>('NonEmployeeSource');
export const NonEmployeeSchemaAttributeRef = builder.objectRef<SchemaAttributeEntity>(
  'NonEmployeeSchemaAttribute',
);
export const NonEmployeeRecordRef = builder.objectRef<RecordEntity>('NonEmployeeRecord');
export const NonEmployeeRequestRef = builder.objectRef<RequestEntity>('NonEmployeeRequest');
export const NonEmployeeApprovalRef = builder.objectRef<ApprovalEntity>('NonEmployeeApproval');
export const AccountRef = builder.objectRef<AccountEntity>('Account');
