import {
  type IdentityRef,
  type NonEmployeeApprovalItemBase,
  type NonEmployeeSchemaAttribute,
  type SchemaAttributeType,
  V3_SCHEMA_ATTRIBUTE_TYPES,
} from '../../upstream/wire/nelm.ts';
import type { ApiVersion } from '../http/types.ts';
import type {
  ApprovalRow,
  PersonRow,
  RecordRow,
  RequestRow,
  SchemaAttributeRow,
  SourceRow,
} from '../store/nelm-rows.ts';
import type { NelmStore } from '../store/nelm-store.ts';

/** Store rows to wire bodies, field for field as the spec's schemas name them. */

export const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => iso(ms).slice(0, 10);
export const identityRef = (id: string): IdentityRef => ({ type: 'IDENTITY', id });

export function sourceLiteView(source: SourceRow) {
  return { id: source.id, sourceId: source.iscSourceId, name: source.name, description: source.description };
}

export function sourceView(source: SourceRow) {
  return {
    ...sourceLiteView(source),
    approvers: source.approverIds.map(identityRef),
    accountManagers: source.accountManagerIds.map(identityRef),
    modified: iso(source.modified),
    created: iso(source.created),
  };
}

/** A type a version's enum does not know (PHONE, EMAIL outside beta) reads as TEXT there. */
const typeIn = (type: SchemaAttributeType, version: ApiVersion): SchemaAttributeType =>
  version !== 'beta' && !V3_SCHEMA_ATTRIBUTE_TYPES.includes(type) ? 'TEXT' : type;

export function attributeView(
  attribute: SchemaAttributeRow,
  version: ApiVersion,
): NonEmployeeSchemaAttribute {
  return {
    id: attribute.id,
    system: attribute.system,
    modified: iso(attribute.modified),
    created: iso(attribute.created),
    type: typeIn(attribute.type, version),
    label: attribute.label,
    technicalName: attribute.technicalName,
    helpText: attribute.helpText ?? '',
    placeholder: attribute.placeholder ?? '',
    required: attribute.required,
  };
}

/** Custom values of attributes the source still has (a deleted attribute's values disappear). */
function customData(data: Readonly<Record<string, string>>, source: SourceRow): Record<string, string> {
  const result: Record<string, string> = {};
  for (const attribute of source.attributes) {
    if (!attribute.system && data[attribute.technicalName] !== undefined) {
      result[attribute.technicalName] = data[attribute.technicalName];
    }
  }
  return result;
}

/** The person's texts, as a record and every shape of a request carry them. */
const personView = (row: PersonRow) => ({
  accountName: row.accountName,
  firstName: row.firstName,
  lastName: row.lastName,
  email: row.email,
  phone: row.phone,
  manager: row.manager,
});

export function recordView(row: RecordRow, source: SourceRow) {
  return {
    id: row.id,
    ...personView(row),
    sourceId: source.id,
    data: customData(row.data, source),
    startDate: iso(row.startDate),
    endDate: iso(row.endDate),
    modified: iso(row.modified),
    created: iso(row.created),
  };
}

export function approvalBaseView(item: ApprovalRow, request: RequestRow): NonEmployeeApprovalItemBase {
  return {
    id: item.id,
    approver: identityRef(item.approverId),
    accountName: request.accountName,
    approvalStatus: item.approvalStatus,
    approvalOrder: item.approvalOrder,
    comment: item.comment ?? '',
    modified: iso(item.modified),
    created: iso(item.created),
  };
}

/** What every shape of a request says about it, its start and end dates written by `date`. */
function requestFields(request: RequestRow, date: (ms: number) => string) {
  return {
    ...personView(request),
    data: { ...request.data },
    approvalStatus: request.approvalStatus,
    comment: request.comment ?? '',
    completionDate: request.completionDate === undefined ? undefined : iso(request.completionDate),
    startDate: date(request.startDate),
    endDate: date(request.endDate),
    modified: iso(request.modified),
    created: iso(request.created),
  };
}

/** `NonEmployeeRequest`: the spec merges the source-lite fields into the request itself. */
export function requestView(store: NelmStore, request: RequestRow) {
  const source = store.source(request.sourceId)!.row;
  return {
    id: request.id,
    sourceId: source.id,
    name: source.name,
    description: source.description,
    ...requestFields(request, iso),
    nonEmployeeSource: sourceLiteView(source),
    approvalItems: store.itemsOf(request).map((item) => approvalBaseView(item, request)),
  };
}

const requestLite = (request: RequestRow) => ({
  id: request.id,
  requester: identityRef(request.requesterId),
});

/** `NonEmployeeApprovalItem`: the list shape, with the request as id + requester. */
export function approvalItemView(item: ApprovalRow, request: RequestRow) {
  return { ...approvalBaseView(item, request), nonEmployeeRequest: requestLite(request) };
}

/** `NonEmployeeApprovalItemDetail`: the request without its items, its source with the schema. */
export function approvalDetailView(
  store: NelmStore,
  item: ApprovalRow,
  request: RequestRow,
  version: ApiVersion,
) {
  const source = store.source(request.sourceId)!.row;
  return {
    ...approvalBaseView(item, request),
    nonEmployeeRequest: {
      ...requestLite(request),
      // Days: the spec types this shape's start and end as `format: date`.
      ...requestFields(request, isoDay),
      nonEmployeeSource: {
        ...sourceLiteView(source),
        schemaAttributes: source.attributes.map((attribute) => attributeView(attribute, version)),
      },
    },
  };
}
