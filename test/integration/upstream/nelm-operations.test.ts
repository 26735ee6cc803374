import type { Dispatcher } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UpstreamApi } from '../../../src/upstream/api.ts';
import { createUpstreamApi } from '../../../src/upstream/create-upstream-api.ts';
import {
  UpstreamBadRequestError,
  UpstreamConflictError,
  UpstreamNotFoundError,
} from '../../../src/upstream/errors.ts';
import { f } from '../../../src/upstream/filters.ts';
import { createUpstreamDispatcher } from '../../../src/upstream/transport.ts';
import type { NonEmployeeRequestBody } from '../../../src/upstream/wire/nelm.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

describe('NELM operations against the sandbox', () => {
  let sandbox: TestSandbox;
  let dispatcher: Dispatcher;
  let adminToken: string;
  let api: UpstreamApi;
  const apiAs = (token: string) =>
    createUpstreamApi({ baseUrl: sandbox.url, dispatcher, getToken: async () => token });

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    dispatcher = createUpstreamDispatcher({ retry: false });
    adminToken = await sandbox.tokenFor('admin');
    api = apiAs(adminToken);
  });
  afterAll(async () => {
    await dispatcher.close();
    await sandbox.close();
  });
  beforeEach(() => sandbox.resetAll());

  const record = (sourceId: string, accountName: string): NonEmployeeRequestBody => ({
    accountName,
    firstName: 'Grace',
    lastName: 'Hopper',
    email: `${accountName}@example.com`,
    phone: '+1 555 0100',
    manager: 'jdoe',
    sourceId,
    startDate: '2025-01-01T00:00:00Z',
    endDate: '2026-01-01T00:00:00Z',
  });

  it('lists sources, reading X-Total-Count only when counted', async () => {
    const counted = await api.listNonEmployeeSources({ limit: 2, count: true, nonEmployeeCount: true });
    const raw = await sandbox.api('/v3/non-employee-sources?count=true', { token: adminToken });
    expect(counted.totalCount).toBe(Number(raw.headers.get('x-total-count')));
    expect(counted.totalCount).toBeGreaterThan(2);
    expect(counted.items).toHaveLength(2);
    expect(typeof counted.items[0].nonEmployeeCount).toBe('number');
    const plain = await api.listNonEmployeeSources({ limit: 2 });
    expect(plain.totalCount).toBeNull();
    expect(plain.items.map((s) => s.id)).toEqual(counted.items.map((s) => s.id));
  });

  it('creates, reads, patches and deletes a source', async () => {
    const created = await api.createNonEmployeeSource({
      name: 'Upstream test "quoted" source',
      description: 'made by a test',
      owner: { id: sandbox.admin.identityId },
    });
    expect(created.id).toBeTruthy();
    const id = created.id!;
    expect((await api.getNonEmployeeSource(id)).name).toBe('Upstream test "quoted" source');
    const patched = await api.patchNonEmployeeSource(id, [
      { op: 'replace', path: '/description', value: 'changed' },
    ]);
    expect(patched.description).toBe('changed');
    await expect(
      api.createNonEmployeeSource({
        name: created.name!,
        description: '',
        owner: { id: sandbox.admin.identityId },
      }),
    ).rejects.toBeInstanceOf(UpstreamConflictError);
    await api.deleteNonEmployeeSource(id);
    const gone = await api.getNonEmployeeSource(id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(UpstreamNotFoundError);
    expect((gone as UpstreamNotFoundError).trackingId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('manages schema attributes: system ones first, a conflict on a duplicate name', async () => {
    const [source] = (await api.listNonEmployeeSources({ limit: 1 })).items;
    const before = await api.getNonEmployeeSourceSchemaAttributes(source.id!);
    expect(before.filter((a) => a.system).length).toBe(8);
    const body = { type: 'TEXT', label: 'Badge', technicalName: 'badgeNumber', required: false };
    const created = await api.createNonEmployeeSourceSchemaAttributes(source.id!, body);
    expect(created.technicalName).toBe('badgeNumber');
    await expect(api.createNonEmployeeSourceSchemaAttributes(source.id!, body)).rejects.toBeInstanceOf(
      UpstreamConflictError,
    );
    const patched = await api.patchNonEmployeeSchemaAttribute(source.id!, created.id!, [
      { op: 'replace', path: '/label', value: 'Badge number' },
    ]);
    expect(patched.label).toBe('Badge number');
    expect((await api.getNonEmployeeSchemaAttribute(source.id!, created.id!)).label).toBe('Badge number');
    await api.deleteNonEmployeeSchemaAttribute(source.id!, created.id!);
    expect(await api.getNonEmployeeSourceSchemaAttributes(source.id!)).toHaveLength(before.length);
  });

  it('round-trips records: filtered and sorted list, create, put, patch, delete, bulk delete', async () => {
    const [source] = (await api.listNonEmployeeSources({ limit: 1 })).items;
    const filters = f.eq('sourceId', source.id!);
    const page = await api.listNonEmployeeRecords({
      filters,
      sorters: [{ field: 'accountName', direction: 'DESC' }],
      limit: 10,
      count: true,
    });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((r) => r.sourceId === source.id)).toBe(true);
    const names = page.items.map((r) => r.accountName!);
    expect(names).toEqual([...names].sort().reverse());

    const created = await api.createNonEmployeeRecord(record(source.id!, 'ghopper'));
    expect((await api.getNonEmployeeRecord(created.id!)).accountName).toBe('ghopper');
    const replaced = await api.updateNonEmployeeRecord(created.id!, {
      ...record(source.id!, 'ghopper'),
      firstName: 'G.',
    });
    expect(replaced.firstName).toBe('G.');
    const patched = await api.patchNonEmployeeRecord(created.id!, [
      { op: 'replace', path: '/endDate', value: '2027-01-01T00:00:00Z' },
    ]);
    expect(patched.endDate?.startsWith('2027-01-01')).toBe(true);
    const after = await api.listNonEmployeeRecords({ filters, count: true, limit: 1 });
    expect(after.totalCount).toBe(page.totalCount! + 1);
    await api.deleteNonEmployeeRecord(created.id!);
    await expect(api.getNonEmployeeRecord(created.id!)).rejects.toBeInstanceOf(UpstreamNotFoundError);

    const ids = page.items.slice(0, 2).map((r) => r.id!);
    await api.deleteNonEmployeeRecordsInBulk(ids);
    const remaining = await api.listNonEmployeeRecords({ filters, count: true, limit: 1 });
    expect(remaining.totalCount).toBe(page.totalCount! - 2);
  });

  it('turns a filter the endpoint does not support into BAD_USER_INPUT', async () => {
    const error = await api
      .listNonEmployeeRecords({ filters: f.sw('accountName', 'a') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamBadRequestError);
    expect((error as UpstreamBadRequestError).messages.length).toBeGreaterThan(0);
  });

  it('creates a request and lets its approver approve it', async () => {
    const approver = sandbox.client('approver');
    const created = await api.createNonEmployeeSource({
      name: 'Approval chain source',
      description: 'one approver',
      owner: { id: sandbox.admin.identityId },
      approvers: [{ id: approver.identityId }],
      accountManagers: [{ id: sandbox.admin.identityId }],
    });
    // The seed has requests of its own: the summary must move by this one.
    const pendingBefore = (await api.getNonEmployeeRequestSummary('me')).pending!;
    const request = await api.createNonEmployeeRequest(record(created.id!, 'newcomer'));
    expect(request.approvalStatus).toBe('PENDING');
    const listed = await api.listNonEmployeeRequests({
      requestedFor: 'me',
      filters: f.eq('sourceId', created.id!),
    });
    expect(listed.items.map((r) => r.id)).toContain(request.id);
    expect((await api.getNonEmployeeRequest(request.id!)).accountName).toBe('newcomer');
    const summary = await api.getNonEmployeeRequestSummary('me');
    expect(summary.pending).toBe(pendingBefore + 1);

    const approverApi = apiAs(await sandbox.tokenFor(approver));
    const approvedBefore = (await approverApi.getNonEmployeeApprovalSummary('me')).approved!;
    const inbox = await approverApi.listNonEmployeeApprovals({
      requestedFor: 'me',
      filters: f.eq('approvalStatus', 'PENDING'),
      count: true,
    });
    const item = inbox.items.find((a) => a.nonEmployeeRequest?.id === request.id);
    expect(item).toBeDefined();
    expect(inbox.totalCount).toBeGreaterThanOrEqual(1);
    const detail = await approverApi.getNonEmployeeApproval(item!.id!, true);
    expect(detail.nonEmployeeRequest?.accountName).toBe('newcomer');
    const approved = await approverApi.approveNonEmployeeRequest(item!.id!);
    expect(approved.approvalStatus).toBe('APPROVED');
    expect((await api.getNonEmployeeRequest(request.id!)).approvalStatus).toBe('APPROVED');
    expect((await approverApi.getNonEmployeeApprovalSummary('me')).approved).toBe(approvedBefore + 1);
  });

  it('rejects with a comment, and deletes a request', async () => {
    const approver = sandbox.client('approver');
    const source = await api.createNonEmployeeSource({
      name: 'Reject source',
      description: '',
      owner: { id: sandbox.admin.identityId },
      approvers: [{ id: approver.identityId }],
    });
    const approverApi = apiAs(await sandbox.tokenFor(approver));
    const first = await api.createNonEmployeeRequest(record(source.id!, 'rejected-one'));
    const items = await approverApi.listNonEmployeeApprovals({ requestedFor: 'me' });
    const item = items.items.find((a) => a.nonEmployeeRequest?.id === first.id)!;
    const rejected = await approverApi.rejectNonEmployeeRequest(item.id!, 'Not needed');
    expect(rejected).toMatchObject({ approvalStatus: 'REJECTED', comment: 'Not needed' });
    const second = await api.createNonEmployeeRequest(record(source.id!, 'deleted-one'));
    await api.deleteNonEmployeeRequest(second.id!);
    await expect(api.getNonEmployeeRequest(second.id!)).rejects.toBeInstanceOf(UpstreamNotFoundError);
  });

  it('streams the CSV exports and uploads a CSV as multipart', async () => {
    const [source] = (await api.listNonEmployeeSources({ limit: 1 })).items;
    const exported = await api.exportNonEmployeeRecords(source.id!);
    expect(exported.contentType).toMatch(/^text\/csv/);
    expect(exported.contentDisposition).toMatch(/attachment/);
    const text = await new Response(exported.body).text();
    const [header, ...rows] = text.trim().split(/\r?\n/);
    expect(header).toContain('accountName');
    const counted = await api.listNonEmployeeRecords({
      filters: f.eq('sourceId', source.id!),
      count: true,
      limit: 1,
    });
    expect(rows).toHaveLength(counted.totalCount!);

    const template = await api.exportNonEmployeeSourceSchemaTemplate(source.id!);
    const columns = (await new Response(template.body).text()).trim();
    expect(columns.split(',')).toContain('accountName');

    const { data: _data, ...person } = record(source.id!, 'bulkone');
    const values: Record<string, string> = { ...person, phone: '5125550100', email: 'bulk.one@example.com' };
    const csv = `${columns}\n${columns
      .split(',')
      .map((column) => values[column] ?? '')
      .join(',')}\n`;
    const job = await api.importNonEmployeeRecordsInBulk(
      source.id!,
      new Blob([csv], { type: 'text/csv' }),
      'up.csv',
    );
    expect(job).toMatchObject({ sourceId: source.id, status: 'PENDING' });
    let status = await api.getNonEmployeeBulkUploadStatus(source.id!);
    for (
      let poll = 0;
      poll < 200 && (status.status === 'PENDING' || status.status === 'IN_PROGRESS');
      poll++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = await api.getNonEmployeeBulkUploadStatus(source.id!);
    }
    expect(status.status).toBe('COMPLETED');
    const after = await api.listNonEmployeeRecords({
      filters: f.eq('sourceId', source.id!),
      count: true,
      limit: 1,
    });
    expect(after.totalCount).toBe(counted.totalCount! + 1);
  });
});
