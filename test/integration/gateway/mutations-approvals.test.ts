import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { FAILURE, UNKNOWN_ID } from './mutation-fixtures.ts';

// An approver may not read the request (the spec: `idn:nesr:read` or its requester), so the
// decision selects the approval only, and the request is read after it as the admin.
const DECISION = `approval { id iscId approvalStatus approvalOrder comment approver { id } }`;
const REQUEST_STATE = `query($id: ID!) {
  nonEmployeeRequest(id: $id) { iscId approvalStatus completionDate approvals { approvalOrder approvalStatus } }
}`;

/** The request as the admin reads it through the graph. */
async function requestState(id: string) {
  const result = await t.gql(REQUEST_STATE, { id }, { token: admin });
  expect(result.errors).toBeUndefined();
  return result.data?.nonEmployeeRequest;
}

const APPROVE = `mutation($input: ApproveNonEmployeeRequestInput!) {
  approveNonEmployeeRequest(input: $input) {
    ${FAILURE} ... on ApproveNonEmployeeRequestPayload { ${DECISION} }
  }
}`;
const REJECT = `mutation($input: RejectNonEmployeeRequestInput!) {
  rejectNonEmployeeRequest(input: $input) {
    ${FAILURE} ... on RejectNonEmployeeRequestPayload { ${DECISION} }
  }
}`;

let t: TestGateway;
let admin: string;
let manager: string;
let approverTokens: string[];
let approverIds: string[];
let sourceId: string;
let requests = 0;

beforeAll(async () => {
  t = await startGateway();
  admin = await t.sandbox.tokenFor('admin');
  // The spec: creating a request needs idn:nesr:create or owning the source.
  manager = await t.sandbox.tokenFor('source-owner');
  const approvers = [0, 1].map((index) => t.sandbox.client('approver', index));
  approverIds = approvers.map((client) => client.identityId);
  approverTokens = await Promise.all(approvers.map((client) => t.sandbox.tokenFor(client)));

  const source = await t.gql(
    `mutation($input: CreateNonEmployeeSourceInput!) {
      createNonEmployeeSource(input: $input) {
        ${FAILURE} ... on CreateNonEmployeeSourcePayload { nonEmployeeSource { id } }
      }
    }`,
    {
      input: {
        name: 'Approval chain through the graph',
        description: 'Two approvers in order',
        owner: t.sandbox.client('source-owner').identityId,
        approvers: approverIds,
        accountManagers: [t.sandbox.client('account-manager').identityId],
      },
    },
    { token: admin },
  );
  sourceId = source.data?.createNonEmployeeSource.nonEmployeeSource.id;
  expect(sourceId).toEqual(expect.any(String));
});
afterAll(() => t.close());

/** A new request on the chained source, as its owner; its approval item ids in order. */
async function newRequest(): Promise<{ id: string; accountName: string; items: string[] }> {
  requests += 1;
  const accountName = `chain.person${requests}`;
  const result = await t.gql(
    `mutation($input: CreateNonEmployeeRequestInput!) {
      createNonEmployeeRequest(input: $input) {
        ${FAILURE}
        ... on CreateNonEmployeeRequestPayload { nonEmployeeRequest { id approvals { id } } }
      }
    }`,
    {
      input: {
        sourceId,
        accountName,
        firstName: 'Chain',
        lastName: `Person${requests}`,
        email: `${accountName}@example.com`,
        phone: '5125550100',
        manager: 'jonas.lindqvist',
        startDate: '2030-01-06T00:00:00Z',
        endDate: '2030-12-31T00:00:00Z',
      },
    },
    { token: manager },
  );
  const request = result.data?.createNonEmployeeRequest.nonEmployeeRequest;
  expect(request.approvals).toHaveLength(2);
  return { id: request.id, accountName, items: request.approvals.map((item: { id: string }) => item.id) };
}

describe('approveNonEmployeeRequest', () => {
  it('runs the whole chain: first approver, second approver, then the record exists', async () => {
    const request = await newRequest();

    // The second approver cannot act before the first, and the first cannot act for the second.
    const early = await t.gql(APPROVE, { input: { id: request.items[1] } }, { token: approverTokens[1] });
    expect(early.data?.approveNonEmployeeRequest).toMatchObject({ __typename: 'ValidationError' });
    const notMine = await t.gql(APPROVE, { input: { id: request.items[1] } }, { token: approverTokens[0] });
    expect(notMine.data?.approveNonEmployeeRequest).toMatchObject({
      __typename: 'ForbiddenError',
      message: expect.stringContaining('requested approver'),
    });

    await t.sandbox.resetStats();
    const first = await t.gql(
      APPROVE,
      { input: { id: request.items[0], comment: 'Fine by me' } },
      { token: approverTokens[0] },
    );
    expect(first.errors).toBeUndefined();
    expect(first.data?.approveNonEmployeeRequest).toMatchObject({
      __typename: 'ApproveNonEmployeeRequestPayload',
      approval: {
        id: request.items[0],
        approvalStatus: 'APPROVED',
        approvalOrder: 1,
        comment: 'Fine by me',
        approver: { id: approverIds[0] },
      },
    });
    // One write, nothing else.
    expect((await t.sandbox.stats()).byRoute).toEqual({
      'POST /v3/non-employee-approvals/:id/approve': 1,
    });
    expect(await requestState(request.id)).toMatchObject({
      approvalStatus: 'PENDING',
      completionDate: null,
      approvals: [
        { approvalOrder: 1, approvalStatus: 'APPROVED' },
        { approvalOrder: 2, approvalStatus: 'PENDING' },
      ],
    });
    // The approver's own read of the request is refused, as on a tenant.
    const refused = await t.gql(REQUEST_STATE, { id: request.id }, { token: approverTokens[0] });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const second = await t.gql(APPROVE, { input: { id: request.items[1] } }, { token: approverTokens[1] });
    expect(second.data?.approveNonEmployeeRequest.__typename).toBe('ApproveNonEmployeeRequestPayload');
    const done = { request: await requestState(request.id) };
    expect(done.request.approvalStatus).toBe('APPROVED');
    expect(Date.parse(done.request.completionDate)).not.toBeNaN();
    expect(done.request.approvals.map((item: { approvalStatus: string }) => item.approvalStatus)).toEqual([
      'APPROVED',
      'APPROVED',
    ]);

    const records = await t.gql(
      `query($id: ID!) { nonEmployeeSource(id: $id) { nonEmployeeCount records(first: 10) { edges { node { accountName } } } } }`,
      { id: sourceId },
      { token: admin },
    );
    expect(records.data?.nonEmployeeSource).toEqual({
      nonEmployeeCount: 1,
      records: { edges: [{ node: { accountName: request.accountName } }] },
    });

    const twice = await t.gql(APPROVE, { input: { id: request.items[1] } }, { token: approverTokens[1] });
    expect(twice.data?.approveNonEmployeeRequest).toMatchObject({
      __typename: 'ValidationError',
      message: expect.stringContaining('PENDING'),
    });
  });

  it('is NotFound for an unknown item, and refuses an over-long comment before calling upstream', async () => {
    const missing = await t.gql(APPROVE, { input: { id: UNKNOWN_ID } }, { token: approverTokens[0] });
    expect(missing.data?.approveNonEmployeeRequest).toMatchObject({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
    });

    const request = await newRequest();
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      const long = await t.gql(
        APPROVE,
        { input: { id: request.items[0], comment: 'x'.repeat(4001) } },
        { token: approverTokens[0] },
      );
      expect(long.data?.approveNonEmployeeRequest).toMatchObject({
        __typename: 'ValidationError',
        path: ['input', 'comment'],
      });
      const wrongType = await t.gql(APPROVE, { input: { id: request.id } }, { token: approverTokens[0] });
      expect(wrongType.data?.approveNonEmployeeRequest).toMatchObject({
        __typename: 'ValidationError',
        path: ['input', 'id'],
      });
    });
    expect(calls.total).toBe(0);
  });
});

describe('rejectNonEmployeeRequest', () => {
  it('needs a comment: blank is a ValidationError without a call, absent is a GraphQL error', async () => {
    const request = await newRequest();
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      const blank = await t.gql(
        REJECT,
        { input: { id: request.items[0], comment: '   ' } },
        { token: approverTokens[0] },
      );
      expect(blank.data?.rejectNonEmployeeRequest).toMatchObject({
        __typename: 'ValidationError',
        code: 'VALIDATION_FAILED',
        path: ['input', 'comment'],
        message: expect.stringContaining('comment'),
      });
      const absent = await t.gql(REJECT, { input: { id: request.items[0] } }, { token: approverTokens[0] });
      expect(absent.data).toBeUndefined();
      expect(absent.errors?.[0].message).toMatch(/comment/);
    });
    expect(calls.total).toBe(0);
  });

  it('rejects as the requested approver: the request ends REJECTED, later approvers CANCELLED', async () => {
    const request = await newRequest();
    const forbidden = await t.gql(
      REJECT,
      { input: { id: request.items[0], comment: 'Not mine to say' } },
      { token: approverTokens[1] },
    );
    expect(forbidden.data?.rejectNonEmployeeRequest.__typename).toBe('ForbiddenError');
    const missing = await t.gql(
      REJECT,
      { input: { id: UNKNOWN_ID, comment: 'x' } },
      { token: approverTokens[0] },
    );
    expect(missing.data?.rejectNonEmployeeRequest.__typename).toBe('NotFoundError');

    const rejected = await t.gql(
      REJECT,
      { input: { id: request.items[0], comment: 'No budget' } },
      { token: approverTokens[0] },
    );
    expect(rejected.data?.rejectNonEmployeeRequest).toMatchObject({
      __typename: 'RejectNonEmployeeRequestPayload',
      approval: { approvalStatus: 'REJECTED', comment: 'No budget' },
    });
    expect(await requestState(request.id)).toMatchObject({
      approvalStatus: 'REJECTED',
      approvals: [
        { approvalOrder: 1, approvalStatus: 'REJECTED' },
        { approvalOrder: 2, approvalStatus: 'CANCELLED' },
      ],
    });
    const again = await t.gql(
      REJECT,
      { input: { id: request.items[0], comment: 'Still no' } },
      { token: approverTokens[0] },
    );
    expect(again.data?.rejectNonEmployeeRequest.__typename).toBe('ValidationError');
  });
});
