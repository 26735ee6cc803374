/** The operations GraphiQL opens with: the main jobs people come to the gateway for. */
export const DASHBOARD_OVERVIEW = `# Dashboard overview: sources with their record counts, both summaries,
# and the first pending approvals with their requests.
# Every answer's extensions.cost says what it cost upstream; to see the estimate without
# running the query, add the header {"x-cost-only": "true"} in the Headers pane.
query DashboardOverview {
  nonEmployeeSources(first: 50) {
    totalCount
    edges { node { id name nonEmployeeCount } }
  }
  nonEmployeeRequestSummary { approved rejected pending nonEmployeeCount }
  nonEmployeeApprovalSummary { approved pending rejected }
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
`;

export const APPROVALS_INBOX = `# Approvals inbox: my approval items, each with its request and source.
# Up to one call per distinct request: {"x-cost-only": "true"} in Headers shows the estimate.
query ApprovalsInbox($after: String) {
  nonEmployeeApprovals(requestedFor: "me", first: 50, after: $after, orderBy: [{ field: CREATED, direction: DESC }]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id
        approvalStatus
        approvalOrder
        request {
          id
          accountName
          startDate
          endDate
          requester { id }
          source { id name }
        }
      }
    }
  }
}
`;

export const SOURCE_DETAIL = `# Source detail: the source, its schema, and its records page by page.
# Paste a source id (global or ISC) into the variables.
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
      edges { node { id accountName firstName lastName email startDate endDate data } }
    }
  }
}
`;

export const APPROVE = `# Approve: decide one of my pending approval items.
mutation Approve($id: ID!) {
  approveNonEmployeeRequest(input: { id: $id, comment: "Approved from GraphiQL" }) {
    __typename
    ... on Error { message code }
  }
}
`;

export const EXPIRED_CONTRACTORS = `# Expired contractors: whose end date has passed while their account is still enabled.
# Paste a source id (global or ISC) into the variables; disable them from the same screen.
# Its worst case reads every page of the source: try it first with {"x-cost-only": "true"}.
query ExpiredContractors($id: ID!) {
  nonEmployeeSource(id: $id) {
    name
    expiredRecords(accountEnabled: true) {
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

export const EXAMPLE_TABS = [
  { query: DASHBOARD_OVERVIEW },
  { query: APPROVALS_INBOX },
  { query: SOURCE_DETAIL, variables: '{ "id": "" }' },
  { query: APPROVE, variables: '{ "id": "" }' },
  { query: EXPIRED_CONTRACTORS, variables: '{ "id": "" }' },
];
