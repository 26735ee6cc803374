/**
 * What each list endpoint lets `sorters` and `filters` use, as the spec's parameter descriptions
 * list them: the sandbox refuses anything else, the gateway offers exactly these.
 */

/** Items in one page of any list (`limit`), and the API's default. */
export const MAX_LIST_LIMIT = 250;

export type FilterOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'sw' | 'co' | 'in' | 'isnull' | 'pr';

/** The type of the values a filterable field compares with. */
export type FilterValueType = 'string' | 'boolean' | 'date' | 'number';

export type FilterableFields = Readonly<
  Record<string, { ops: readonly FilterOperator[]; type: FilterValueType }>
>;

/** `GET /non-employee-records` and `GET /non-employee-requests`: `sourceId eq` only. */
export const RECORD_FILTERS: FilterableFields = { sourceId: { ops: ['eq'], type: 'string' } };
export const REQUEST_FILTERS: FilterableFields = RECORD_FILTERS;
export const APPROVAL_FILTERS: FilterableFields = { approvalStatus: { ops: ['eq'], type: 'string' } };

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
const STRING_EQ_IN = { ops: ['eq', 'in'], type: 'string' } as const;
const BOOLEAN_EQ = { ops: ['eq'], type: 'boolean' } as const;
const DATE_RANGE = { ops: ['eq', 'ge', 'gt', 'le', 'lt'], type: 'date' } as const;

/** `GET /v3/accounts`. */
export const ACCOUNT_FILTERS: FilterableFields = {
  id: STRING_EQ_IN_SW,
  identityId: STRING_EQ_IN_SW,
  name: STRING_EQ_IN_SW,
  nativeIdentity: STRING_EQ_IN_SW,
  hasEntitlements: BOOLEAN_EQ,
  sourceId: STRING_EQ_IN_SW,
  uncorrelated: BOOLEAN_EQ,
  entitlements: BOOLEAN_EQ,
  origin: STRING_EQ_IN,
  manuallyCorrelated: BOOLEAN_EQ,
  'identity.name': STRING_EQ_IN_SW,
  'identity.correlated': BOOLEAN_EQ,
  'identity.identityState': STRING_EQ_IN,
  'source.displayableName': STRING_EQ_IN,
  'source.authoritative': BOOLEAN_EQ,
  'source.connectionType': STRING_EQ_IN,
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

/** `GET /beta/accounts`: `created` without `lt`. */
export const BETA_ACCOUNT_FILTERS: FilterableFields = {
  ...ACCOUNT_FILTERS,
  created: { ops: ['eq', 'ge', 'gt', 'le'], type: 'date' },
};

/** `GET /beta/accounts` sorts on two more fields. */
export const BETA_ACCOUNT_SORTERS = [...ACCOUNT_SORTERS, 'hasEntitlements', 'sourceOwner.name'] as const;
