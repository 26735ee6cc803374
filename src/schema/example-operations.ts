/** The operations GraphiQL opens with: the main jobs people come to the gateway for. */
export const DASHBOARD_OVERVIEW = `# Dashboard overview: sources with their record counts, both summaries,
# and the first pending approvals with their requests.
# The approvals panel is deferred (@defer): the counts paint first, the approvals follow when
# their requests have loaded; the same calls, only sooner. A client that takes one JSON answer gets it whole.
# Every answer's extensions.cost says what it cost upstream; to see the estimate without
# running the query, add the header {"x-cost-only": "true"} in the Headers pane.
query DashboardOverview {
  nonEmployeeSources(first: 50) {
    totalCount
    edges { node { id name nonEmployeeCount } }
  }
  nonEmployeeRequestSummary { approved rejected pending nonEmployeeCount }
  nonEmployeeApprovalSummary { approved pending rejected }
  ... @defer(label: "approvals") {
    nonEmployeeApprovals(first: 10, approvalStatus: PENDING) {
      edges {
        node {
          id
          approvalOrder
          request { id accountName firstName lastName source { name } }
        }
      }
    }
  }
}
`;

export const APPROVALS_INBOX = `# Approvals inbox: my approval items, each with its request and source.
# In the sandbox the Headers pane acts as a demo approver: {"x-sandbox-as": "approver-1"}
# (any demo client: admin, source-owner-1, approver-2, account-manager-1, user, api-client-1, ...).
# Up to one call per distinct request: add {"x-cost-only": "true"} to Headers for the estimate.
query ApprovalsInbox($after: String) {
  nonEmployeeApprovals(requestedFor: "me", first: 50, after: $after, orderBy: [{ field: CREATED, direction: DESC }]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id
        approvalStatus
        approvalOrder
        accountName
        created
        request { id accountName requester { id } }
      }
    }
  }
}
`;

export const SOURCE_DETAIL = `# Source detail: the source, its schema, and its records page by page with their typed attributes.
# The variables hold a source id (global or ISC).
query SourceDetail($id: ID!, $after: String) {
  nonEmployeeSource(id: $id) {
    id
    name
    description
    nonEmployeeCount
    approvers { id }
    schemaAttributes { technicalName label type required system }
    records(first: 25, after: $after, orderBy: [{ field: ACCOUNT_NAME }]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id accountName firstName lastName email startDate endDate data
          # Typed by the schema above: the same schema-attributes call, no other.
          attributes {
            attribute { technicalName label type }
            value {
              __typename
              ... on NonEmployeeTextValue { text }
              ... on NonEmployeeDateValue { date }
              ... on NonEmployeeIdentityValue { identity { id } }
            }
          }
        }
      }
    }
  }
}
`;

export const APPROVE = `# Approve: decide one of my pending approval items, and see the request move on.
# The Headers pane acts as the approver whose turn it is: {"x-sandbox-as": "approver-1"} in the sandbox.
# Run twice, the item is no longer pending: the answer is a typed error, not an exception.
mutation Approve($id: ID!) {
  approveNonEmployeeRequest(input: { id: $id, comment: "Approved from GraphiQL" }) {
    __typename
    ... on ApproveNonEmployeeRequestPayload {
      approval { id approvalStatus approvalOrder comment }
      request { id accountName approvalStatus completionDate }
    }
    ... on Error { message code }
  }
}
`;

export const EXPIRED_CONTRACTORS = `# Expired contractors: whose end date has passed while their account is still enabled.
# The variables hold a source id (global or ISC); disable the accounts from the same screen.
# Estimated for 100 matches; {"x-cost-only": "true"} in Headers shows the estimate and its bounds.
query ExpiredContractors($id: ID!) {
  nonEmployeeSource(id: $id) {
    name
    expiredRecords(accountEnabled: true, first: 100) {
      truncated
      nodes {
        id
        accountName
        firstName
        lastName
        endDate
        account { id nativeIdentity disabled locked }
      }
    }
  }
}
`;

/** What the example tabs run with: real ids of the org, and who the inbox and approve tabs act as. */
export interface ExampleContext {
  sourceId?: string | null;
  approvalId?: string | null;
  /** A demo client name for `x-sandbox-as`; absent against a tenant. */
  approver?: string | null;
}

export interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

const json = (value: Record<string, unknown>) => JSON.stringify(value, null, 2);

/** The five tabs; without a context (a tenant) the ids are left for the user to paste. */
export function createExampleTabs(context: ExampleContext = {}): ExampleTab[] {
  const asApprover = context.approver ? { headers: json({ 'x-sandbox-as': context.approver }) } : {};
  return [
    { query: DASHBOARD_OVERVIEW },
    { query: APPROVALS_INBOX, ...asApprover },
    { query: SOURCE_DETAIL, variables: json({ id: context.sourceId ?? '' }) },
    { query: APPROVE, variables: json({ id: context.approvalId ?? '' }), ...asApprover },
    { query: EXPIRED_CONTRACTORS, variables: json({ id: context.sourceId ?? '' }) },
  ];
}

/** The operations of the tabs, in tab order (the trusted-documents manifest and the codegen test use them). */
export const EXAMPLE_OPERATIONS = [
  DASHBOARD_OVERVIEW,
  APPROVALS_INBOX,
  SOURCE_DETAIL,
  APPROVE,
  EXPIRED_CONTRACTORS,
];
