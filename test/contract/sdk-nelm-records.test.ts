import type { NonEmployeeRejectApprovalDecision, NonEmployeeRequestBody } from 'sailpoint-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.ts';
import {
  APPROVAL_ITEM,
  APPROVAL_ITEM_DETAIL,
  APPROVAL_SUMMARY,
  RECORD,
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
} from './sdk-helpers.ts';
import { arrayOf } from './shape.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('official SDK against the sandbox: records, requests and the approval chain', () => {
  let sandbox: TestSandbox;
  let admin: SdkClients;
  let user: SdkClients;
  let firstApprover: SdkClients;
  let secondApprover: SdkClients;
  let sourceId: string;
  const contract = createContractRecorder(operationsOf('nelm-records'));

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    admin = createSdkClients(sandbox.url, sandbox.admin);
    user = createSdkClients(sandbox.url, sandbox.client('user'));
    firstApprover = createSdkClients(sandbox.url, sandbox.client('approver', 0));
    secondApprover = createSdkClients(sandbox.url, sandbox.client('approver', 1));
    const source = await admin.nelm.createNonEmployeeSource({
      nonEmployeeSourceRequestBody: {
        name: 'Contract approvals',
        description: 'Two approvers in order',
        owner: { id: sandbox.client('source-owner').identityId },
        approvers: [
          { id: sandbox.client('approver', 0).identityId },
          { id: sandbox.client('approver', 1).identityId },
        ],
        accountManagers: [{ id: sandbox.client('account-manager').identityId }],
      },
    });
    sourceId = source.data.id!;
  });
  afterAll(() => sandbox.close());

  const person = (accountName: string, overrides: Partial<NonEmployeeRequestBody> = {}) => ({
    accountName,
    firstName: 'Grace',
    lastName: 'Hopper',
    email: `${accountName}@example.com`,
    phone: '5125550100',
    manager: 'jdoe',
    sourceId,
    startDate: '2025-01-01T00:00:00Z',
    endDate: '2026-01-01T00:00:00Z',
    ...overrides,
  });
  const bySource = () => `sourceId eq "${sourceId}"`;

  it('creates, lists, reads, replaces, patches and deletes records', async () => {
    const created = await contract.succeeds(
      'createNonEmployeeRecord',
      200,
      () => admin.nelm.createNonEmployeeRecord({ nonEmployeeRequestBody: person('rec.one') }),
      RECORD,
    );
    expect(created.data).toMatchObject({ accountName: 'rec.one', sourceId, data: {} });
    const id = created.data.id!;
    const badDate = await contract.fails('createNonEmployeeRecord', 400, () =>
      admin.nelm.createNonEmployeeRecord({
        nonEmployeeRequestBody: person('rec.bad', { startDate: 'first of May' }),
      }),
    );
    expect(errorDetail(badDate.data).text).toMatch(/startDate/);
    await contract.fails('createNonEmployeeRecord', 403, () =>
      user.nelm.createNonEmployeeRecord({ nonEmployeeRequestBody: person('rec.user') }),
    );

    const listed = await contract.succeeds(
      'listNonEmployeeRecords',
      200,
      () => admin.nelm.listNonEmployeeRecords({ filters: bySource(), count: true, limit: 250 }),
      arrayOf(RECORD),
    );
    expect(listed.data.map((r) => r.accountName)).toEqual(['rec.one']);
    expect(headerOf(listed, 'x-total-count')).toBe('1');
    await contract.fails('listNonEmployeeRecords', 400, () =>
      admin.nelm.listNonEmployeeRecords({ filters: 'accountName eq "rec.one"' }),
    );
    await contract.fails('listNonEmployeeRecords', 400, () =>
      admin.nelm.listNonEmployeeRecords({ filters: `sourceId eq "${sourceId}` }),
    );
    await contract.fails('listNonEmployeeRecords', 403, () => user.nelm.listNonEmployeeRecords({}));

    const read = await contract.succeeds(
      'getNonEmployeeRecord',
      200,
      () => admin.nelm.getNonEmployeeRecord({ id }),
      RECORD,
    );
    expect(read.data).toEqual(created.data);
    await contract.fails('getNonEmployeeRecord', 404, () =>
      admin.nelm.getNonEmployeeRecord({ id: UNKNOWN_ID }),
    );

    const replaced = await contract.succeeds(
      'updateNonEmployeeRecord',
      200,
      () =>
        admin.nelm.updateNonEmployeeRecord({
          id,
          nonEmployeeRequestBody: person('rec.one', { phone: '5125550199', lastName: 'Murray' }),
        }),
      RECORD,
    );
    expect(replaced.data).toMatchObject({ id, phone: '5125550199', lastName: 'Murray' });
    await contract.fails('updateNonEmployeeRecord', 404, () =>
      admin.nelm.updateNonEmployeeRecord({ id: UNKNOWN_ID, nonEmployeeRequestBody: person('rec.one') }),
    );
    await contract.fails('updateNonEmployeeRecord', 400, () =>
      admin.nelm.updateNonEmployeeRecord({
        id,
        nonEmployeeRequestBody: person('rec.one', { email: 'nope' }),
      }),
    );

    const patched = await contract.succeeds(
      'patchNonEmployeeRecord',
      200,
      () =>
        admin.nelm.patchNonEmployeeRecord({
          id,
          jsonPatchOperation: [{ op: 'replace', path: '/endDate', value: '2027-06-30T00:00:00Z' }],
        }),
      RECORD,
    );
    expect(Date.parse(patched.data.endDate!)).toBe(Date.parse('2027-06-30T00:00:00Z'));
    await contract.fails('patchNonEmployeeRecord', 400, () =>
      admin.nelm.patchNonEmployeeRecord({
        id,
        jsonPatchOperation: [{ op: 'replace', path: '/id', value: UNKNOWN_ID }],
      }),
    );
    await contract.fails('patchNonEmployeeRecord', 404, () =>
      admin.nelm.patchNonEmployeeRecord({
        id: UNKNOWN_ID,
        jsonPatchOperation: [{ op: 'replace', path: '/endDate', value: '2027-06-30T00:00:00Z' }],
      }),
    );

    await contract.succeeds('deleteNonEmployeeRecord', 204, () => admin.nelm.deleteNonEmployeeRecord({ id }));
    await contract.fails('deleteNonEmployeeRecord', 404, () => admin.nelm.deleteNonEmployeeRecord({ id }));
    await contract.fails('getNonEmployeeRecord', 404, () => admin.nelm.getNonEmployeeRecord({ id }));

    const ids: string[] = [];
    for (const name of ['bulk.one', 'bulk.two']) {
      ids.push((await admin.nelm.createNonEmployeeRecord({ nonEmployeeRequestBody: person(name) })).data.id!);
    }
    await contract.fails('deleteNonEmployeeRecordsInBulk', 403, () =>
      user.nelm.deleteNonEmployeeRecordsInBulk({ deleteNonEmployeeRecordsInBulkRequest: { ids } }),
    );
    await contract.fails('deleteNonEmployeeRecordsInBulk', 400, () =>
      admin.nelm.deleteNonEmployeeRecordsInBulk({
        deleteNonEmployeeRecordsInBulkRequest: { ids: [...ids, UNKNOWN_ID] },
      }),
    );
    await contract.succeeds('deleteNonEmployeeRecordsInBulk', 204, () =>
      admin.nelm.deleteNonEmployeeRecordsInBulk({ deleteNonEmployeeRecordsInBulkRequest: { ids } }),
    );
    expect((await admin.nelm.listNonEmployeeRecords({ filters: bySource() })).data).toEqual([]);
  });

  it('takes a request through both approvers in order, and the record appears', async () => {
    const created = await contract.succeeds(
      'createNonEmployeeRequest',
      200,
      () => admin.nelm.createNonEmployeeRequest({ nonEmployeeRequestBody: person('req.approved') }),
      REQUEST,
    );
    const requestId = created.data.id!;
    expect(created.data).toMatchObject({ sourceId, approvalStatus: 'PENDING', accountName: 'req.approved' });
    expect(created.data.approvalItems!.map((item) => [item.approver!.id, item.approvalStatus])).toEqual([
      [sandbox.client('approver', 0).identityId, 'PENDING'],
      [sandbox.client('approver', 1).identityId, 'NOT_READY'],
    ]);
    const again = await contract.fails('createNonEmployeeRequest', 400, () =>
      admin.nelm.createNonEmployeeRequest({ nonEmployeeRequestBody: person('req.approved') }),
    );
    expect(errorDetail(again.data).detailCode).toBe('400.1.409 Reference conflict');
    await contract.fails('createNonEmployeeRequest', 400, () =>
      admin.nelm.createNonEmployeeRequest({
        nonEmployeeRequestBody: person('req.nowhere', { sourceId: UNKNOWN_ID }),
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
      admin.nelm.getNonEmployeeRequest({ id: UNKNOWN_ID }),
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
      firstApprover.nelm.getNonEmployeeApproval({ id: UNKNOWN_ID }),
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
      await admin.nelm.createNonEmployeeRequest({ nonEmployeeRequestBody: person('req.rejected') })
    ).data;
    const item = request.approvalItems!.find((i) => i.approvalOrder === 1)!;
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
    expect(approvals.data.rejected).toBeGreaterThanOrEqual(1);
    await contract.fails('getNonEmployeeApprovalSummary', 403, () =>
      user.nelm.getNonEmployeeApprovalSummary({ requestedFor: sandbox.client('approver', 0).identityId }),
    );

    const summary = await contract.succeeds(
      'getNonEmployeeRequestSummary',
      200,
      () => admin.nelm.getNonEmployeeRequestSummary({ requestedFor: 'me' }),
      REQUEST_SUMMARY,
    );
    expect(summary.data.rejected).toBeGreaterThanOrEqual(1);
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
