import type { NonEmployeeRejectApprovalDecision } from 'sailpoint-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/sandbox.ts';
import { createSource, nonEmployee, UNKNOWN_NELM_ID } from './fixtures.ts';
import {
  APPROVAL_ITEM,
  APPROVAL_ITEM_DETAIL,
  APPROVAL_SUMMARY,
  REQUEST,
  REQUEST_SUMMARY,
} from './nelm-shapes.ts';
import { operationsOf } from './operations.ts';
import {
  createContractRecorder,
  createSdkClients,
  errorDetail,
  headerOf,
  type SdkClients,
  startContractSandbox,
} from './sdk-helpers.ts';
import { arrayOf } from './shape.ts';

describe('official SDK against the sandbox: non-employee requests and the approval chain', () => {
  let sandbox: TestSandbox;
  let admin: SdkClients;
  let user: SdkClients;
  let firstApprover: SdkClients;
  let secondApprover: SdkClients;
  let sourceId: string;
  const contract = createContractRecorder(operationsOf('nelm-requests'));

  beforeAll(async () => {
    ({ sandbox, admin, user } = await startContractSandbox());
    firstApprover = createSdkClients(sandbox.url, sandbox.client('approver', 0));
    secondApprover = createSdkClients(sandbox.url, sandbox.client('approver', 1));
    const approvers = [0, 1].map((i) => ({ id: sandbox.client('approver', i).identityId }));
    sourceId = (await createSource(admin, sandbox, { name: 'Contract approvals', approvers })).id!;
  });
  afterAll(() => sandbox.close());

  const bySource = () => `sourceId eq "${sourceId}"`;

  it('takes a request through both approvers in order, and the record appears', async () => {
    const created = await contract.succeeds(
      'createNonEmployeeRequest',
      200,
      () =>
        admin.nelm.createNonEmployeeRequest({
          nonEmployeeRequestBody: nonEmployee(sourceId, 'req.approved'),
        }),
      REQUEST,
    );
    const requestId = created.data.id!;
    expect(created.data).toMatchObject({ sourceId, approvalStatus: 'PENDING', accountName: 'req.approved' });
    expect(created.data.approvalItems!.map((item) => [item.approver!.id, item.approvalStatus])).toEqual([
      [sandbox.client('approver', 0).identityId, 'PENDING'],
      [sandbox.client('approver', 1).identityId, 'NOT_READY'],
    ]);
    const again = await contract.fails('createNonEmployeeRequest', 400, () =>
      admin.nelm.createNonEmployeeRequest({ nonEmployeeRequestBody: nonEmployee(sourceId, 'req.approved') }),
    );
    expect(errorDetail(again.data).detailCode).toBe('400.1.409 Reference conflict');
    await contract.fails('createNonEmployeeRequest', 400, () =>
      admin.nelm.createNonEmployeeRequest({
        nonEmployeeRequestBody: nonEmployee(sourceId, 'req.nowhere', { sourceId: UNKNOWN_NELM_ID }),
      }),
    );

    const listed = await contract.succeeds(
      'listNonEmployeeRequests',
      200,
      () => admin.nelm.listNonEmployeeRequests({ requestedFor: 'me', filters: bySource(), count: true }),
      arrayOf(REQUEST),
    );
    expect(listed.data.map((r) => r.id)).toContain(requestId);
    expect(Number(headerOf(listed, 'x-total-count'))).toBe(listed.data.length);
    await contract.fails('listNonEmployeeRequests', 400, () =>
      admin.nelm.listNonEmployeeRequests({ requestedFor: 'me', filters: 'approvalStatus eq "PENDING"' }),
    );
    await contract.fails('listNonEmployeeRequests', 403, () =>
      user.nelm.listNonEmployeeRequests({ requestedFor: sandbox.admin.identityId }),
    );

    const read = await contract.succeeds(
      'getNonEmployeeRequest',
      200,
      () => admin.nelm.getNonEmployeeRequest({ id: requestId }),
      REQUEST,
    );
    expect(read.data.nonEmployeeSource).toMatchObject({ id: sourceId, name: 'Contract approvals' });
    await contract.fails('getNonEmployeeRequest', 404, () =>
      admin.nelm.getNonEmployeeRequest({ id: UNKNOWN_NELM_ID }),
    );

    const pending = await contract.succeeds(
      'listNonEmployeeApprovals',
      200,
      () =>
        firstApprover.nelm.listNonEmployeeApprovals({
          requestedFor: 'me',
          filters: 'approvalStatus eq "PENDING"',
        }),
      arrayOf(APPROVAL_ITEM),
    );
    const first = pending.data.find((item) => item.nonEmployeeRequest?.id === requestId)!;
    expect(first).toMatchObject({ approvalOrder: 1, approvalStatus: 'PENDING', accountName: 'req.approved' });
    await contract.fails('listNonEmployeeApprovals', 400, () =>
      firstApprover.nelm.listNonEmployeeApprovals({ filters: 'accountName eq "req.approved"' }),
    );
    await contract.fails('listNonEmployeeApprovals', 403, () =>
      user.nelm.listNonEmployeeApprovals({ requestedFor: sandbox.client('approver', 0).identityId }),
    );

    const detail = await contract.succeeds(
      'getNonEmployeeApproval',
      200,
      () => firstApprover.nelm.getNonEmployeeApproval({ id: first.id!, includeDetail: true }),
      APPROVAL_ITEM_DETAIL,
    );
    expect(detail.data.nonEmployeeRequest).toMatchObject({ id: requestId, accountName: 'req.approved' });
    await contract.succeeds(
      'getNonEmployeeApproval',
      200,
      () => firstApprover.nelm.getNonEmployeeApproval({ id: first.id!, includeDetail: false }),
      APPROVAL_ITEM,
    );
    await contract.fails('getNonEmployeeApproval', 404, () =>
      firstApprover.nelm.getNonEmployeeApproval({ id: UNKNOWN_NELM_ID }),
    );

    const notTheirs = await contract.fails('approveNonEmployeeRequest', 403, () =>
      secondApprover.nelm.approveNonEmployeeRequest({ id: first.id!, nonEmployeeApprovalDecision: {} }),
    );
    expect(errorDetail(notTheirs.data).text).toBe('The current user must be the requested approver');
    const approved = await contract.succeeds(
      'approveNonEmployeeRequest',
      200,
      () =>
        firstApprover.nelm.approveNonEmployeeRequest({
          id: first.id!,
          nonEmployeeApprovalDecision: { comment: 'Fine by me' },
        }),
      APPROVAL_ITEM,
    );
    expect(approved.data).toMatchObject({ id: first.id, approvalStatus: 'APPROVED', comment: 'Fine by me' });
    await contract.fails('approveNonEmployeeRequest', 400, () =>
      firstApprover.nelm.approveNonEmployeeRequest({ id: first.id!, nonEmployeeApprovalDecision: {} }),
    );
    expect((await admin.nelm.getNonEmployeeRequest({ id: requestId })).data.approvalStatus).toBe('PENDING');

    const second = (
      await secondApprover.nelm.listNonEmployeeApprovals({
        requestedFor: 'me',
        filters: 'approvalStatus eq "PENDING"',
      })
    ).data.find((item) => item.nonEmployeeRequest?.id === requestId)!;
    expect(second.approvalOrder).toBe(2);
    await contract.succeeds(
      'approveNonEmployeeRequest',
      200,
      () =>
        secondApprover.nelm.approveNonEmployeeRequest({ id: second.id!, nonEmployeeApprovalDecision: {} }),
      APPROVAL_ITEM,
    );
    const done = await admin.nelm.getNonEmployeeRequest({ id: requestId });
    expect(done.data.approvalStatus).toBe('APPROVED');
    expect(typeof done.data.completionDate).toBe('string');
    const records = await admin.nelm.listNonEmployeeRecords({ filters: bySource() });
    expect(records.data.map((r) => r.accountName)).toContain('req.approved');
  });

  it('rejects with a comment only, counts the decisions and deletes a request', async () => {
    const request = (
      await admin.nelm.createNonEmployeeRequest({
        nonEmployeeRequestBody: nonEmployee(sourceId, 'req.rejected'),
      })
    ).data;
    const item = request.approvalItems!.find((i) => i.approvalOrder === 1)!;
    // The seed has decisions of its own: the rejection must move the counts by exactly one.
    const approvalsBefore = (await firstApprover.nelm.getNonEmployeeApprovalSummary({ requestedFor: 'me' }))
      .data;
    const requestsBefore = (await admin.nelm.getNonEmployeeRequestSummary({ requestedFor: 'me' })).data;
    const noComment = await contract.fails('rejectNonEmployeeRequest', 400, () =>
      firstApprover.nelm.rejectNonEmployeeRequest({
        id: item.id!,
        nonEmployeeRejectApprovalDecision: {} as NonEmployeeRejectApprovalDecision,
      }),
    );
    expect(errorDetail(noComment.data).text).toMatch(/comment/);
    await contract.fails('rejectNonEmployeeRequest', 403, () =>
      secondApprover.nelm.rejectNonEmployeeRequest({
        id: item.id!,
        nonEmployeeRejectApprovalDecision: { comment: 'Not mine to refuse' },
      }),
    );
    const rejected = await contract.succeeds(
      'rejectNonEmployeeRequest',
      200,
      () =>
        firstApprover.nelm.rejectNonEmployeeRequest({
          id: item.id!,
          nonEmployeeRejectApprovalDecision: { comment: 'No budget' },
        }),
      APPROVAL_ITEM,
    );
    expect(rejected.data).toMatchObject({ approvalStatus: 'REJECTED', comment: 'No budget' });
    const after = (await admin.nelm.getNonEmployeeRequest({ id: request.id! })).data;
    expect(after.approvalStatus).toBe('REJECTED');
    expect(after.approvalItems!.map((i) => i.approvalStatus)).toEqual(['REJECTED', 'CANCELLED']);

    const approvals = await contract.succeeds(
      'getNonEmployeeApprovalSummary',
      200,
      () => firstApprover.nelm.getNonEmployeeApprovalSummary({ requestedFor: 'me' }),
      APPROVAL_SUMMARY,
    );
    expect(approvals.data).toMatchObject({
      rejected: approvalsBefore.rejected! + 1,
      pending: approvalsBefore.pending! - 1,
      approved: approvalsBefore.approved,
    });
    await contract.fails('getNonEmployeeApprovalSummary', 403, () =>
      user.nelm.getNonEmployeeApprovalSummary({ requestedFor: sandbox.client('approver', 0).identityId }),
    );

    const summary = await contract.succeeds(
      'getNonEmployeeRequestSummary',
      200,
      () => admin.nelm.getNonEmployeeRequestSummary({ requestedFor: 'me' }),
      REQUEST_SUMMARY,
    );
    expect(summary.data).toMatchObject({
      rejected: requestsBefore.rejected! + 1,
      pending: requestsBefore.pending! - 1,
      approved: requestsBefore.approved,
    });
    await contract.fails('getNonEmployeeRequestSummary', 403, () =>
      user.nelm.getNonEmployeeRequestSummary({ requestedFor: sandbox.admin.identityId }),
    );

    await contract.fails('deleteNonEmployeeRequest', 403, () =>
      user.nelm.deleteNonEmployeeRequest({ id: request.id! }),
    );
    await contract.succeeds('deleteNonEmployeeRequest', 204, () =>
      admin.nelm.deleteNonEmployeeRequest({ id: request.id! }),
    );
    await contract.fails('deleteNonEmployeeRequest', 404, () =>
      admin.nelm.deleteNonEmployeeRequest({ id: request.id! }),
    );
  });

  it('called every operation of this suite on a success and a failure path', () => {
    expect(contract.uncovered()).toEqual([]);
  });
});
