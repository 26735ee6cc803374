import type { FilterAllowList } from './list-params.ts';

/** Records and requests: `sourceId eq` only. */
export const RECORD_FILTERS: FilterAllowList = { sourceId: { ops: ['eq'], type: 'string' } };
export const REQUEST_FILTERS: FilterAllowList = RECORD_FILTERS;
export const APPROVAL_FILTERS: FilterAllowList = { approvalStatus: { ops: ['eq'], type: 'string' } };

export const RECORD_SORTERS = [
  'id',
  'accountName',
  'sourceId',
  'manager',
  'firstName',
  'lastName',
  'email',
  'phone',
  'startDate',
  'endDate',
  'created',
  'modified',
] as const;
export const REQUEST_SORTERS = [
  'created',
  'approvalStatus',
  'firstName',
  'lastName',
  'email',
  'phone',
  'accountName',
  'startDate',
  'endDate',
] as const;
export const APPROVAL_SORTERS = ['created', 'modified'] as const;
export const SOURCE_SORTERS = ['name', 'created', 'sourceId'] as const;

const STRING_EQ_IN_SW = { ops: ['eq', 'in', 'sw'], type: 'string' } as const;
const BOOLEAN_EQ = { ops: ['eq'], type: 'boolean' } as const;
const DATE_RANGE = { ops: ['eq', 'ge', 'gt', 'le', 'lt'], type: 'date' } as const;

/** `GET /v3/accounts`, as its spec's description lists the fields and operators. */
export const ACCOUNT_FILTERS: FilterAllowList = {
  id: STRING_EQ_IN_SW,
  identityId: STRING_EQ_IN_SW,
  name: STRING_EQ_IN_SW,
  nativeIdentity: STRING_EQ_IN_SW,
  hasEntitlements: BOOLEAN_EQ,
  sourceId: STRING_EQ_IN_SW,
  uncorrelated: BOOLEAN_EQ,
  entitlements: BOOLEAN_EQ,
  origin: { ops: ['eq', 'in'], type: 'string' },
  manuallyCorrelated: BOOLEAN_EQ,
  'identity.name': STRING_EQ_IN_SW,
  'identity.correlated': BOOLEAN_EQ,
  'identity.identityState': { ops: ['eq', 'in'], type: 'string' },
  'source.displayableName': { ops: ['eq', 'in'], type: 'string' },
  'source.authoritative': BOOLEAN_EQ,
  'source.connectionType': { ops: ['eq', 'in'], type: 'string' },
  'recommendation.method': { ops: ['eq', 'in', 'isnull'], type: 'string' },
  created: DATE_RANGE,
  modified: DATE_RANGE,
};

export const ACCOUNT_SORTERS = [
  'id',
  'name',
  'created',
  'modified',
  'sourceId',
  'identityId',
  'nativeIdentity',
  'uuid',
  'manuallyCorrelated',
  'entitlements',
  'origin',
  'identity.name',
  'identity.identityState',
  'identity.correlated',
  'source.displayableName',
  'source.authoritative',
  'source.connectionType',
] as const;
