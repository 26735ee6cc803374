// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/schema/ids.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import type { PersonalAccessTokenClient } from '../../helpers/sandbox.ts';

let t: TestGateway;
let admin: string;

beforeAll(async () => {
  t = await startGateway();
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

async function rest<T>(path: string): Promise<T> {
  const response = await t.sandbox.api(path, { token: admin });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** A request by the admin on a new source, rejected by its one approver. */
async function rejectOneRequest(approver: PersonalAccessTokenClient) {
  const created = await t.sandbox.api('/v3/non-employee-sources', {
    token: admin,
    body: {
      name: 'Rejected once',
      description: 'One rejected request',
      owner: { id: t.sandbox.client('source-owner').identityId },
      approvers: [{ id: approver.identityId }],
    },
  });
  expect(created.status).toBe(200);
  const source = (await created.json()) as { id: string };
  const asked = await t.sandbox.api('/v3/non-employee-requests', {
    token: admin,
    body: {
      sourceId: source.id,
      accountName: 'rejected.once',
      firstName: 'Rejected',
      lastName: 'Once',
      email: 'rejected.once@example.com',
      phone: '5125550100',
      manager: 'jonas.lindqvist',
      startDate: '2030-01-06T00:00:00Z',
      endDate: '2030-12-31T00:00:00Z',
    },
  });
  expect(asked.status).toBe(200);
  const [item] = ((await asked.json()) as { approvalItems: { id: string }[] }).approvalItems;
  const rejected = await t.sandbox.api(`/v3/non-employee-approvals/${item.id}/reject`, {
    token: await t.sandbox.tokenFor(approver),
    body: { comment: 'No' },
  });
  expect(rejected.status).toBe(200);
}

const SOURCE_FIELDS = `id iscId name description sourceId nonEmployeeCount created modified
  approvers { type id } accountManagers { type id }`;

describe('reads', () => {
  it('reads sources with their counts, approvers and schema, equal to the REST answers', async () => {
    const result = await t.gql(
      `{ nonEmployeeSources(first: 50) { totalCount edges { cursor node { ${SOURCE_FIELDS}
          schemaAttributes { id iscId type label technicalName required system source { iscId } } } } } }`,
      {},
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    const rows = await rest<{ id: string; name: string; nonEmployeeCount: number; approvers: unknown[] }[]>(
      '/v3/non-employee-sources?non-employee-count=true',
    );
    const connection = result.data?.nonEmployeeSources;
    expect(connection.totalCount).toBe(rows.length);
    const nodes = connection.edges.map((edge: { node: Record<string, any> }) => edge.node);
    expect(nodes.map((node: { iscId: string }) => node.iscId)).toEqual(rows.map((row) => row.id));
    for (const [index, node] of nodes.entries()) {
      expect(node.name).toBe(rows[index].name);
      expect(node.nonEmployeeCount).toBe(rows[index].nonEmployeeCount);
      expect(node.approvers).toEqual(rows[index].approvers);
      expect(node.id).toBe(encodeNodeId('NonEmployeeSource', rows[index].id));
      const attributes = await rest<{ id: string; technicalName: string; system: boolean }[]>(
        `/v3/non-employee-sources/${rows[index].id}/schema-attributes`,
      );
      expect(attributes.length).toBeGreaterThanOrEqual(8);
      expect(
        node.schemaAttributes.map((a: Record<string, any>) => [a.iscId, a.technicalName, a.system]),
      ).toEqual(attributes.map((a) => [a.id, a.technicalName, a.system]));
      expect(
        node.schemaAttributes.every((a: { source: { iscId: string } }) => a.source.iscId === node.iscId),
      ).toBe(true);
    }
  });

  it('reads a source by global id and by ISC id, and its records and requests', async () => {
    const [row] = await rest<{ id: string; name: string }[]>('/v3/non-employee-sources?limit=1');
    const query = `query($id: ID!) { nonEmployeeSource(id: $id) { iscId name
      records(first: 3) { edges { node { iscId accountName source { iscId } } } }
      requests(first: 3) { edges { node { iscId accountName source { iscId name } } } } } }`;
    const byIsc = await t.gql(query, { id: row.id }, { token: admin });
    const byGlobal = await t.gql(query, { id: encodeNodeId('NonEmployeeSource', row.id) }, { token: admin });
    expect(byIsc.errors).toBeUndefined();
    expect(byGlobal.data).toEqual(byIsc.data);
    const source = byIsc.data?.nonEmployeeSource;
    expect(source.name).toBe(row.name);
    expect(source.records.edges).toHaveLength(3);
    for (const edge of source.records.edges) expect(edge.node.source.iscId).toBe(row.id);
    const requests = await rest<{ id: string }[]>(
      `/v3/non-employee-requests?requested-for=me&limit=3&filters=${encodeURIComponent(`sourceId eq "${row.id}"`)}`,
    );
    expect(requests.length).toBeGreaterThan(0);
    expect(source.requests.edges.map((edge: { node: any }) => edge.node)).toEqual(
      requests.map((request) =>
        expect.objectContaining({ iscId: request.id, source: { iscId: row.id, name: row.name } }),
      ),
    );
  });

  it('reads a record with every field, its source and its account', async () => {
    const [record] = await rest<Record<string, any>[]>('/v3/non-employee-records?limit=1');
    const result = await t.gql(
      `query($id: ID!) { nonEmployeeRecord(id: $id) { id iscId accountName firstName lastName email phone manager
        sourceId data startDate endDate created modified
        source { iscId sourceId } account { id iscId nativeIdentity disabled locked sourceId } } }`,
      { id: record.id },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    const node = result.data?.nonEmployeeRecord;
    expect(node).toMatchObject({
      iscId: record.id,
      accountName: record.accountName,
      firstName: record.firstName,
      lastName: record.lastName,
      email: record.email,
      phone: record.phone,
      manager: record.manager,
      sourceId: record.sourceId,
      data: record.data,
      startDate: record.startDate,
      endDate: record.endDate,
      created: record.created,
      modified: record.modified,
    });
    expect(node.source.iscId).toBe(record.sourceId);
    expect(node.account).toMatchObject({
      nativeIdentity: record.accountName,
      sourceId: node.source.sourceId,
    });
  });

  it('reads requests with their approvals, source and requester, and approvals back to their request', async () => {
    const result = await t.gql(
      `{ nonEmployeeApprovals(first: 10) { edges { node { id iscId approvalStatus approvalOrder comment accountName
          approver { id } source { iscId name }
          request { iscId accountName approvalStatus requester { type id } source { iscId name }
            approvals { iscId approvalOrder approvalStatus approver { id } } } } } } }`,
      {},
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    const edges = result.data?.nonEmployeeApprovals.edges;
    expect(edges.length).toBeGreaterThan(0);
    const items = await rest<Record<string, any>[]>('/v3/non-employee-approvals?limit=10');
    expect(
      edges.map(({ node }: { node: any }) => [
        node.iscId,
        node.approvalStatus,
        node.approvalOrder,
        node.comment,
        node.accountName,
        node.approver.id,
      ]),
    ).toEqual(
      items.map((item) => [
        item.id,
        item.approvalStatus,
        item.approvalOrder,
        item.comment ?? null,
        item.accountName,
        item.approver.id,
      ]),
    );
    for (const { node } of edges) {
      expect(node.request.accountName).toBe(node.accountName);
      expect(node.request.requester).toMatchObject({ type: 'IDENTITY' });
      expect(node.source).toEqual(node.request.source);
      expect(node.request.approvals.map((a: { iscId: string }) => a.iscId)).toContain(node.iscId);
      const request = await rest<Record<string, any>>(`/v3/non-employee-requests/${node.request.iscId}`);
      expect(node.request.approvalStatus).toBe(request.approvalStatus);
    }
  });

  it('reads a request and an approval by id, and both summaries', async () => {
    const [approval] = await rest<Record<string, any>[]>('/v3/non-employee-approvals?limit=1');
    const result = await t.gql(
      `query($approval: ID!, $request: ID!) {
        nonEmployeeApproval(id: $approval) { iscId request { iscId } }
        nonEmployeeRequest(id: $request) { iscId requester { id } completionDate created } }`,
      { approval: approval.id, request: approval.nonEmployeeRequest.id },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.nonEmployeeApproval).toEqual({
      iscId: approval.id,
      request: { iscId: approval.nonEmployeeRequest.id },
    });
    const request = await rest<Record<string, any>>(
      `/v3/non-employee-requests/${approval.nonEmployeeRequest.id}`,
    );
    expect(result.data?.nonEmployeeRequest).toEqual({
      iscId: request.id,
      // The full request carries no requester: it comes from the approval item's lite request.
      requester: { id: approval.nonEmployeeRequest.requester.id },
      completionDate: request.completionDate ?? null,
      created: request.created,
    });

    // The seed counts as many approved as rejected requests: one more rejection tells them apart.
    const approver = t.sandbox.client('approver', 0);
    await rejectOneRequest(approver);
    const summaries = await t.gql(
      `query($approver: String!) {
        nonEmployeeRequestSummary { approved rejected pending nonEmployeeCount }
        nonEmployeeApprovalSummary(requestedFor: $approver) { approved pending rejected } }`,
      { approver: approver.identityId },
      { token: admin },
    );
    expect(summaries.errors).toBeUndefined();
    const requests = await rest<Record<string, number>>('/v3/non-employee-requests/summary/me');
    const approvals = await rest<Record<string, number>>(
      `/v3/non-employee-approvals/summary/${approver.identityId}`,
    );
    expect(new Set([requests.approved, requests.rejected, requests.pending]).size).toBe(3);
    expect(new Set([approvals.approved, approvals.rejected, approvals.pending]).size).toBe(3);
    expect(summaries.data).toEqual({
      nonEmployeeRequestSummary: {
        approved: requests.approved,
        rejected: requests.rejected,
        pending: requests.pending,
        nonEmployeeCount: requests.nonEmployeeCount,
      },
      nonEmployeeApprovalSummary: {
        approved: approvals.approved,
        pending: approvals.pending,
        rejected: approvals.rejected,
      },
    });
  });

  it('resolves node and nodes through the loaders, any mix of types, null for what is gone', async () => {
    const [record] = await rest<Record<string, any>[]>('/v3/non-employee-records?limit=2');
    const [source] = await rest<Record<string, any>[]>('/v3/non-employee-sources?limit=1');
    const ids = [
      encodeNodeId('NonEmployeeRecord', record.id),
      encodeNodeId('NonEmployeeSource', source.id),
      encodeNodeId('NonEmployeeRecord', 'ffffffffffffffffffffffffffffffff'),
    ];
    const result = await t.gql(
      `query($ids: [ID!]!, $one: ID!) {
        nodes(ids: $ids) { __typename id ... on NonEmployeeRecord { accountName } ... on NonEmployeeSource { name } }
        node(id: $one) { __typename id } }`,
      { ids, one: ids[1] },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([
      { __typename: 'NonEmployeeRecord', id: ids[0], accountName: record.accountName },
      { __typename: 'NonEmployeeSource', id: ids[1], name: source.name },
      null,
    ]);
    expect(result.data?.node).toEqual({ __typename: 'NonEmployeeSource', id: ids[1] });
  });

  it('refetches a schema attribute and an account by the ids the graph gave them', async () => {
    const listed = await t.gql(
      `{ nonEmployeeRecords(first: 1) { edges { node { account { id iscId nativeIdentity }
          source { schemaAttributes { id technicalName } } } } } }`,
      {},
      { token: admin },
    );
    expect(listed.errors).toBeUndefined();
    const node = listed.data?.nonEmployeeRecords.edges[0].node;
    const attribute = node.source.schemaAttributes.at(-1);
    const result = await t.gql(
      `query($attribute: ID!, $account: ID!, $accountIsc: ID!) {
        node(id: $attribute) { ... on NonEmployeeSchemaAttribute { technicalName } }
        account(id: $account) { nativeIdentity }
        byIsc: account(id: $accountIsc) { nativeIdentity } }`,
      { attribute: attribute.id, account: node.account.id, accountIsc: node.account.iscId },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      node: { technicalName: attribute.technicalName },
      account: { nativeIdentity: node.account.nativeIdentity },
      byIsc: { nativeIdentity: node.account.nativeIdentity },
    });
  });

  it('gives null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const missing = await t.gql(
      `{ nonEmployeeRecord(id: "ffffffffffffffffffffffffffffffff") { id } }`,
      {},
      { token: admin },
    );
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.nonEmployeeRecord).toBeNull();

    const wrongType = await t.gql(
      `query($id: ID!) { nonEmployeeSource(id: $id) { id } }`,
      { id: encodeNodeId('NonEmployeeRecord', 'abc') },
      { token: admin },
    );
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongType.errors?.[0].message).toMatch(/expects a NonEmployeeSource id/);

    for (const query of [
      `{ nonEmployeeRecord(id: "not an id!") { id } }`,
      `{ node(id: "bm90OmFuIGlk") { id } }`,
      `{ nonEmployeeRecords(sourceId: "x\\" or 1 eq 1", first: 1) { totalCount } }`,
    ]) {
      const result = await t.gql(query, {}, { token: admin });
      expect(result.status).toBe(200);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('filters and orders lists with typed arguments only', async () => {
    const result = await t.gql(
      `{ nonEmployeeApprovals(first: 20, approvalStatus: PENDING, orderBy: [{ field: CREATED, direction: DESC }]) {
          edges { node { approvalStatus created } } } }`,
      {},
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.nonEmployeeApprovals.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node: { approvalStatus: string }) => node.approvalStatus === 'PENDING')).toBe(true);
    const created = nodes.map((node: { created: string }) => node.created);
    expect(created).toEqual([...created].sort().reverse());

    const freeForm = await t.gql(
      `{ nonEmployeeRecords(filters: "sourceId eq \\"x\\"") { totalCount } }`,
      {},
      {
        token: admin,
      },
    );
    expect(freeForm.errors?.[0].message).toMatch(/Unknown argument "filters"/);
  });
});
