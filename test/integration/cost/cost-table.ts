import {
  APPROVALS_INBOX,
  APPROVE,
  DASHBOARD_OVERVIEW,
  EXPIRED_CONTRACTORS,
  SOURCE_DETAIL,
} from '../../../src/schema/example-operations.ts';

/** Ids the queries take, read from the sandbox before measuring. */
export interface CostIds {
  sourceId: string;
  recordId: string;
  requestId: string;
  approvalId: string;
  accountId: string;
  recordIds: string[];
  /** A pending approval item whose turn is the approver's. */
  approverApprovalId: string;
}

export interface CostCase {
  name: string;
  query: string;
  variables?: (ids: CostIds) => Record<string, unknown>;
  /** The cost does not depend on data: the estimate must be the actual count. */
  exact?: boolean;
  /** Who asks. @default 'admin' */
  as?: 'admin' | 'account-manager' | 'approver';
}

const byId = (ids: CostIds) => ({ id: ids.sourceId });

/** Every GraphiQL tab, every README example, and queries that reach every field that makes calls. */
export const COST_CASES: CostCase[] = [
  { name: 'tab: dashboard overview', query: DASHBOARD_OVERVIEW },
  { name: 'tab: approvals inbox', query: APPROVALS_INBOX, as: 'approver' },
  { name: 'tab: source detail', query: SOURCE_DETAIL, variables: byId, exact: true },
  { name: 'tab: approve (unknown id)', query: APPROVE, variables: () => ({ id: 'nope' }), as: 'approver' },
  {
    name: 'tab: approve, as the approver whose turn it is',
    query: APPROVE,
    variables: (ids) => ({ id: ids.approverApprovalId }),
    as: 'approver',
  },
  {
    name: "approver: pending items with a request field (read through each item's detail)",
    query:
      '{ nonEmployeeApprovals(requestedFor: "me", first: 5) { edges { node { request { firstName approvalStatus } } } } }',
    as: 'approver',
  },
  { name: 'tab: expired contractors', query: EXPIRED_CONTRACTORS, variables: byId },
  {
    name: 'readme: 50 sources with counts',
    query: '{ nonEmployeeSources(first: 50) { edges { node { name nonEmployeeCount } } } }',
    exact: true,
  },
  {
    name: "readme: a request's lite source",
    query:
      '{ nonEmployeeRequests(first: 20) { edges { node { source { id iscId sourceId name description } } } } }',
    as: 'account-manager',
    exact: true,
  },
  {
    name: "readme: an approval's lite request",
    query:
      '{ nonEmployeeApprovals(first: 20) { edges { node { request { id iscId accountName requester { id } } } } } }',
    exact: true,
  },
  {
    name: 'readme: 10 approvals with a request field',
    query: '{ nonEmployeeApprovals(first: 10) { edges { node { request { firstName } } } } }',
  },
  {
    name: 'readme: 250 records of a source with accounts',
    query: `query ($id: ID!) { nonEmployeeRecords(first: 250, sourceId: $id) { edges { node { account { disabled locked } } } } }`,
    variables: byId,
    exact: true,
  },
  {
    name: 'readme: 250 records of a source with typed attributes',
    query: `query ($id: ID!) { nonEmployeeRecords(first: 250, sourceId: $id) { edges { node { attributes { attribute { label type } value { raw } } } } } }`,
    variables: byId,
    exact: true,
  },
  {
    name: 'readme: typed attributes of requests over several sources',
    query:
      '{ nonEmployeeRequests(first: 50) { edges { node { attributes { attribute { technicalName } value { raw } } } } } }',
    as: 'account-manager',
  },
  {
    name: 'readme: two identical lists under aliases',
    query:
      '{ a: nonEmployeeRecords(first: 10) { edges { node { id } } } b: nonEmployeeRecords(first: 10) { edges { node { id } } } }',
    exact: true,
  },
  {
    name: 'readme: expired records with accounts',
    query: `query ($id: ID!) { nonEmployeeSource(id: $id) { expiredRecords(accountEnabled: true, first: 100) { truncated nodes { accountName endDate account { disabled } } } } }`,
    variables: byId,
  },
  {
    name: 'readme: Account.record',
    query: '{ accounts(first: 5) { edges { node { nativeIdentity record { accountName } } } } }',
  },
  {
    name: 'sources with totalCount',
    query: '{ nonEmployeeSources(first: 10) { totalCount edges { node { id } } } }',
    exact: true,
  },
  {
    name: 'source by id',
    query:
      'query ($id: ID!) { nonEmployeeSource(id: $id) { name approvers { id } accountManagers { id } created modified } }',
    variables: byId,
    exact: true,
  },
  {
    name: 'source schema attributes with their source',
    query:
      'query ($id: ID!) { nonEmployeeSource(id: $id) { schemaAttributes { technicalName source { name } } } }',
    variables: byId,
    exact: true,
  },
  {
    name: 'schema attributes of 5 sources',
    query: '{ nonEmployeeSources(first: 5) { edges { node { schemaAttributes { technicalName } } } } }',
    exact: true,
  },
  {
    name: 'records of 3 sources',
    query:
      '{ nonEmployeeSources(first: 3) { edges { node { records(first: 5) { totalCount edges { node { accountName } } } } } } }',
    exact: true,
  },
  {
    name: 'requests of 3 sources',
    query:
      '{ nonEmployeeSources(first: 3) { edges { node { requests(first: 5) { edges { node { accountName } } } } } } }',
    as: 'account-manager',
    exact: true,
  },
  {
    name: 'accounts of a source',
    query:
      'query ($id: ID!) { nonEmployeeSource(id: $id) { accounts(first: 10) { totalCount edges { node { nativeIdentity } } } } }',
    variables: byId,
    exact: true,
  },
  {
    name: 'bulk upload status',
    query:
      'query ($id: ID!) { nonEmployeeSource(id: $id) { bulkUploadStatus recordsExportUrl schemaTemplateExportUrl } }',
    variables: byId,
    exact: true,
  },
  {
    name: 'record by id with source and account',
    query:
      'query ($id: ID!) { nonEmployeeRecord(id: $id) { accountName source { name } account { disabled uuid } } }',
    variables: (ids) => ({ id: ids.recordId }),
  },
  {
    name: 'records without a source filter, with accounts',
    query: '{ nonEmployeeRecords(first: 20) { edges { node { account { nativeIdentity } } } } }',
  },
  { name: 'records with last', query: '{ nonEmployeeRecords(last: 5) { edges { node { id } } } }' },
  {
    name: 'requests with requester',
    query:
      '{ nonEmployeeRequests(first: 5) { edges { node { accountName requester { id } approvals { approvalStatus } } } } }',
    as: 'account-manager',
  },
  {
    name: 'request by id',
    query: 'query ($id: ID!) { nonEmployeeRequest(id: $id) { accountName approvalStatus } }',
    variables: (ids) => ({ id: ids.requestId }),
    exact: true,
  },
  {
    name: 'approval by id with request and source',
    query:
      'query ($id: ID!) { nonEmployeeApproval(id: $id) { approvalStatus request { firstName } source { name } } }',
    variables: (ids) => ({ id: ids.approvalId }),
  },
  {
    name: 'both summaries',
    query: '{ nonEmployeeRequestSummary { approved } nonEmployeeApprovalSummary { pending } }',
    exact: true,
  },
  {
    name: 'account by id with entitlements and source',
    query:
      'query ($id: ID!) { account(id: $id) { name attributes entitlements(first: 5) { edges { node { name } } } nonEmployeeSource { name } } }',
    variables: (ids) => ({ id: ids.accountId }),
  },
  {
    name: 'accounts with FULL fields',
    query: '{ accounts(first: 20) { edges { node { uuid features identity { id } } } } }',
    exact: true,
  },
  {
    name: 'node: a source',
    query: 'query ($id: ID!) { node(id: $id) { ... on NonEmployeeSource { name } } }',
    variables: (ids) => ({ id: Buffer.from(`NonEmployeeSource:${ids.sourceId}`).toString('base64') }),
    exact: true,
  },
  {
    name: 'nodes: 10 records with accounts',
    query:
      'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on NonEmployeeRecord { accountName account { disabled } } } }',
    variables: (ids) => ({ ids: ids.recordIds.slice(0, 10) }),
  },
  {
    name: 'fragments, @include and @skip',
    query:
      'query ($yes: Boolean!) { nonEmployeeSources(first: 5) { ...S } } fragment S on NonEmployeeSourceConnection { edges { node { schemaAttributes @include(if: $yes) { label } records(first: 2) @skip(if: $yes) { edges { node { id } } } } } }',
    variables: () => ({ yes: true }),
    exact: true,
  },
  {
    name: 'mutation: update a source (unknown id)',
    query: 'mutation { updateNonEmployeeSource(input: { id: "nope", name: "x" }) { __typename } }',
  },
];
