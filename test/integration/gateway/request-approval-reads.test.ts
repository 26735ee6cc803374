// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import type { PersonalAccessTokenClient } from '../../helpers/sandbox.ts';

let t: TestGateway;
let admin: string;

beforeAll(async () => {
  t = await startGateway();
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

const rest = <T>(path: string): Promise<T> => t.sandbox.getJson<T>(path, admin);

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

describe('reads of requests, approvals and their summaries', () => {
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
});
