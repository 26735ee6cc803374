import type { JsonPatchOperation, NonEmployeeSourceRequestBody } from 'sailpoint-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.ts';
import {
  BULK_UPLOAD_FAILED_STATUS,
  BULK_UPLOAD_JOB,
  BULK_UPLOAD_STATUS,
  SCHEMA_ATTRIBUTE,
  SOURCE,
  SOURCE_WITH_CLOUD_ID,
  SOURCE_WITH_COUNT,
} from './nelm-shapes.ts';
import { operationsOf } from './operations.ts';
import {
  createContractRecorder,
  createSdkClients,
  errorDetail,
  eventually,
  headerOf,
  type SdkClients,
} from './sdk-helpers.ts';
import { arrayOf, shapeErrors } from './shape.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const TEMPLATE_COLUMNS = 'accountName,firstName,lastName,phone,email,manager,startDate,endDate';

describe('official SDK against the sandbox: sources, schema attributes, bulk upload and export', () => {
  let sandbox: TestSandbox;
  let admin: SdkClients;
  let user: SdkClients;
  const contract = createContractRecorder(operationsOf('nelm-sources'));
  let sourceCount = 0;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    admin = createSdkClients(sandbox.url, sandbox.admin);
    user = createSdkClients(sandbox.url, sandbox.client('user'));
  });
  afterAll(() => sandbox.close());

  const sourceBody = (
    overrides: Partial<NonEmployeeSourceRequestBody> = {},
  ): NonEmployeeSourceRequestBody => ({
    name: `Contract source ${++sourceCount}`,
    description: 'Made by the SDK contract test',
    owner: { id: sandbox.client('source-owner').identityId },
    approvers: [{ id: sandbox.client('approver', 0).identityId }],
    accountManagers: [{ id: sandbox.client('account-manager').identityId }],
    ...overrides,
  });
  const newSource = async () =>
    (await admin.nelm.createNonEmployeeSource({ nonEmployeeSourceRequestBody: sourceBody() })).data;

  it('lists, creates, reads, patches and deletes sources', async () => {
    const listed = await contract.succeeds(
      'listNonEmployeeSources',
      200,
      () => admin.nelm.listNonEmployeeSources({ limit: 3, count: true, nonEmployeeCount: true }),
      arrayOf(SOURCE_WITH_COUNT),
    );
    expect(listed.data).toHaveLength(3);
    expect(Number(headerOf(listed, 'x-total-count'))).toBeGreaterThanOrEqual(3);
    for (const source of listed.data) expect(Number.isInteger(source.nonEmployeeCount)).toBe(true);
    const bad = await contract.fails('listNonEmployeeSources', 400, () =>
      admin.nelm.listNonEmployeeSources({ sorters: 'approvers' }),
    );
    expect(errorDetail(bad.data).text).toMatch(/approvers/);
    await contract.fails('listNonEmployeeSources', 403, () =>
      user.nelm.listNonEmployeeSources({ requestedFor: sandbox.admin.identityId }),
    );

    const body = sourceBody();
    const created = await contract.succeeds(
      'createNonEmployeeSource',
      200,
      () => admin.nelm.createNonEmployeeSource({ nonEmployeeSourceRequestBody: body }),
      SOURCE_WITH_CLOUD_ID,
    );
    expect(created.data).toMatchObject({
      name: body.name,
      approvers: [{ type: 'IDENTITY', id: body.approvers![0].id }],
      accountManagers: [{ type: 'IDENTITY', id: body.accountManagers![0].id }],
    });
    const id = created.data.id!;
    const duplicate = await contract.fails('createNonEmployeeSource', 400, () =>
      admin.nelm.createNonEmployeeSource({ nonEmployeeSourceRequestBody: sourceBody({ name: body.name }) }),
    );
    expect(errorDetail(duplicate.data).detailCode).toBe('400.1.409 Reference conflict');
    const { owner: _owner, ...ownerless } = sourceBody();
    await contract.fails('createNonEmployeeSource', 400, () =>
      admin.nelm.createNonEmployeeSource({
        nonEmployeeSourceRequestBody: ownerless as NonEmployeeSourceRequestBody,
      }),
    );
    await contract.fails('createNonEmployeeSource', 403, () =>
      user.nelm.createNonEmployeeSource({ nonEmployeeSourceRequestBody: sourceBody() }),
    );

    const read = await contract.succeeds(
      'getNonEmployeeSource',
      200,
      () => admin.nelm.getNonEmployeeSource({ sourceId: id }),
      SOURCE,
    );
    expect(read.data).toMatchObject({ id, sourceId: created.data.sourceId, name: body.name });
    await contract.fails('getNonEmployeeSource', 404, () =>
      admin.nelm.getNonEmployeeSource({ sourceId: UNKNOWN_ID }),
    );

    const patch: JsonPatchOperation[] = [
      { op: 'replace', path: '/description', value: 'Patched by the SDK' },
      { op: 'replace', path: '/approvers', value: [{ id: sandbox.client('approver', 1).identityId }] },
    ];
    const patched = await contract.succeeds(
      'patchNonEmployeeSource',
      200,
      () => admin.nelm.patchNonEmployeeSource({ sourceId: id, jsonPatchOperation: patch }),
      SOURCE,
    );
    expect(patched.data.description).toBe('Patched by the SDK');
    expect(patched.data.approvers).toEqual([
      { type: 'IDENTITY', id: sandbox.client('approver', 1).identityId },
    ]);
    await contract.fails('patchNonEmployeeSource', 400, () =>
      admin.nelm.patchNonEmployeeSource({
        sourceId: id,
        jsonPatchOperation: [{ op: 'replace', path: '/sourceId', value: 'elsewhere' }],
      }),
    );
    await contract.fails('patchNonEmployeeSource', 404, () =>
      admin.nelm.patchNonEmployeeSource({ sourceId: UNKNOWN_ID, jsonPatchOperation: patch }),
    );

    await contract.fails('deleteNonEmployeeSource', 403, () =>
      user.nelm.deleteNonEmployeeSource({ sourceId: id }),
    );
    await contract.succeeds('deleteNonEmployeeSource', 204, () =>
      admin.nelm.deleteNonEmployeeSource({ sourceId: id }),
    );
    await contract.fails('deleteNonEmployeeSource', 404, () =>
      admin.nelm.deleteNonEmployeeSource({ sourceId: id }),
    );
    await contract.fails('getNonEmployeeSource', 404, () =>
      admin.nelm.getNonEmployeeSource({ sourceId: id }),
    );
  });

  it('manages schema attributes: system ones first, conflicts, the custom limit, patch and delete', async () => {
    const sourceId = (await newSource()).id!;
    const initial = await contract.succeeds(
      'getNonEmployeeSourceSchemaAttributes',
      200,
      () => admin.nelm.getNonEmployeeSourceSchemaAttributes({ sourceId }),
      arrayOf(SCHEMA_ATTRIBUTE),
    );
    expect(initial.data.map((a) => a.technicalName)).toEqual([
      'accountName',
      'firstName',
      'lastName',
      'email',
      'phone',
      'manager',
      'startDate',
      'endDate',
    ]);
    expect(initial.data.every((a) => a.system)).toBe(true);
    await contract.fails('getNonEmployeeSourceSchemaAttributes', 404, () =>
      admin.nelm.getNonEmployeeSourceSchemaAttributes({ sourceId: UNKNOWN_ID }),
    );

    const attribute = (technicalName: string) => ({
      type: 'TEXT',
      label: `Label of ${technicalName}`,
      technicalName,
      helpText: 'Help',
      placeholder: 'Type here',
      required: false,
    });
    const created = await contract.succeeds(
      'createNonEmployeeSourceSchemaAttributes',
      200,
      () =>
        admin.nelm.createNonEmployeeSourceSchemaAttributes({
          sourceId,
          nonEmployeeSchemaAttributeBody: attribute('costCenter'),
        }),
      SCHEMA_ATTRIBUTE,
    );
    expect(created.data).toMatchObject({ system: false, type: 'TEXT', technicalName: 'costCenter' });
    const conflict = await contract.fails('createNonEmployeeSourceSchemaAttributes', 400, () =>
      admin.nelm.createNonEmployeeSourceSchemaAttributes({
        sourceId,
        nonEmployeeSchemaAttributeBody: attribute('costCenter'),
      }),
    );
    expect(errorDetail(conflict.data).detailCode).toBe('400.1.409 Reference conflict');
    for (let i = 2; i <= 10; i++) {
      await admin.nelm.createNonEmployeeSourceSchemaAttributes({
        sourceId,
        nonEmployeeSchemaAttributeBody: attribute(`custom${i}`),
      });
    }
    const overLimit = await contract.fails('createNonEmployeeSourceSchemaAttributes', 400, () =>
      admin.nelm.createNonEmployeeSourceSchemaAttributes({
        sourceId,
        nonEmployeeSchemaAttributeBody: attribute('custom11'),
      }),
    );
    expect(errorDetail(overLimit.data).detailCode).toBe('400.1.4 Limit violation');
    const full = await admin.nelm.getNonEmployeeSourceSchemaAttributes({ sourceId });
    expect(full.data).toHaveLength(18);

    const attributeId = created.data.id!;
    const read = await contract.succeeds(
      'getNonEmployeeSchemaAttribute',
      200,
      () => admin.nelm.getNonEmployeeSchemaAttribute({ sourceId, attributeId }),
      SCHEMA_ATTRIBUTE,
    );
    expect(read.data.technicalName).toBe('costCenter');
    await contract.fails('getNonEmployeeSchemaAttribute', 404, () =>
      admin.nelm.getNonEmployeeSchemaAttribute({ sourceId, attributeId: UNKNOWN_ID }),
    );

    const patched = await contract.succeeds(
      'patchNonEmployeeSchemaAttribute',
      200,
      () =>
        admin.nelm.patchNonEmployeeSchemaAttribute({
          sourceId,
          attributeId,
          jsonPatchOperation: [
            { op: 'replace', path: '/label', value: 'Cost center' },
            { op: 'replace', path: '/required', value: true },
          ],
        }),
      SCHEMA_ATTRIBUTE,
    );
    expect(patched.data).toMatchObject({ label: 'Cost center', required: true, technicalName: 'costCenter' });
    await contract.fails('patchNonEmployeeSchemaAttribute', 400, () =>
      admin.nelm.patchNonEmployeeSchemaAttribute({
        sourceId,
        attributeId,
        jsonPatchOperation: [{ op: 'replace', path: '/technicalName', value: 'renamed' }],
      }),
    );

    const systemId = initial.data[0].id!;
    await contract.fails('deleteNonEmployeeSchemaAttribute', 400, () =>
      admin.nelm.deleteNonEmployeeSchemaAttribute({ sourceId, attributeId: systemId }),
    );
    await contract.succeeds('deleteNonEmployeeSchemaAttribute', 204, () =>
      admin.nelm.deleteNonEmployeeSchemaAttribute({ sourceId, attributeId }),
    );
    await contract.fails('deleteNonEmployeeSchemaAttribute', 404, () =>
      admin.nelm.deleteNonEmployeeSchemaAttribute({ sourceId, attributeId }),
    );

    await contract.fails('deleteNonEmployeeSourceSchemaAttributes', 403, () =>
      user.nelm.deleteNonEmployeeSourceSchemaAttributes({ sourceId }),
    );
    await contract.succeeds('deleteNonEmployeeSourceSchemaAttributes', 204, () =>
      admin.nelm.deleteNonEmployeeSourceSchemaAttributes({ sourceId }),
    );
    const left = await admin.nelm.getNonEmployeeSourceSchemaAttributes({ sourceId });
    expect(left.data.map((a) => a.system)).toEqual(Array(8).fill(true));
  });

  it('uploads a CSV as a job, reports its status, and exports records and the template', async () => {
    const sourceId = (await newSource()).id!;
    await admin.nelm.createNonEmployeeSourceSchemaAttributes({
      sourceId,
      nonEmployeeSchemaAttributeBody: { type: 'TEXT', label: 'Vendor', technicalName: 'vendor' },
    });

    const template = await contract.succeeds('exportNonEmployeeSourceSchemaTemplate', 200, () =>
      admin.nelm.exportNonEmployeeSourceSchemaTemplate({ id: sourceId }),
    );
    expect(headerOf(template, 'content-type')).toMatch(/^text\/csv/);
    expect(String(template.data).trim()).toBe(`${TEMPLATE_COLUMNS},vendor`);
    await contract.fails('exportNonEmployeeSourceSchemaTemplate', 404, () =>
      admin.nelm.exportNonEmployeeSourceSchemaTemplate({ id: UNKNOWN_ID }),
    );

    const names = ['csv.one', 'csv.two', 'csv.three'];
    const rows = names.map(
      (name, i) =>
        `${name},Csv,Row${i},5125550100,${name}@example.com,jdoe,2025-01-0${i + 1}T00:00:00Z,2026-01-01T00:00:00Z,Acme`,
    );
    const csv = (lines: string[]) =>
      new File([`${TEMPLATE_COLUMNS},vendor\n${lines.join('\n')}\n`], 'records.csv', { type: 'text/csv' });
    const job = await contract.succeeds(
      'importNonEmployeeRecordsInBulk',
      202,
      () => admin.nelm.importNonEmployeeRecordsInBulk({ id: sourceId, data: csv(rows) }),
      BULK_UPLOAD_JOB,
    );
    expect(job.data).toMatchObject({ sourceId, status: 'PENDING' });
    const unreadable = new File(['accountName,nickname\nx,y\n'], 'bad.csv', { type: 'text/csv' });
    const bad = await contract.fails('importNonEmployeeRecordsInBulk', 400, () =>
      admin.nelm.importNonEmployeeRecordsInBulk({ id: sourceId, data: unreadable }),
    );
    expect(errorDetail(bad.data).text).toMatch(/nickname/);
    await contract.fails('importNonEmployeeRecordsInBulk', 404, () =>
      admin.nelm.importNonEmployeeRecordsInBulk({ id: UNKNOWN_ID, data: csv(rows) }),
    );
    await contract.fails('importNonEmployeeRecordsInBulk', 403, () =>
      user.nelm.importNonEmployeeRecordsInBulk({ id: sourceId, data: csv(rows) }),
    );

    const status = () =>
      contract.succeeds(
        'getNonEmployeeBulkUploadStatus',
        200,
        () => admin.nelm.getNonEmployeeBulkUploadStatus({ id: sourceId }),
        BULK_UPLOAD_STATUS,
      );
    const finished = await eventually(
      status,
      (r) => r.data.status === 'COMPLETED' || r.data.status === 'ERROR',
    );
    expect(finished.data).toEqual({ status: 'COMPLETED' });
    await contract.fails('getNonEmployeeBulkUploadStatus', 404, () =>
      admin.nelm.getNonEmployeeBulkUploadStatus({ id: UNKNOWN_ID }),
    );

    const exported = await contract.succeeds('exportNonEmployeeRecords', 200, () =>
      admin.nelm.exportNonEmployeeRecords({ id: sourceId }),
    );
    expect(headerOf(exported, 'content-type')).toMatch(/^text\/csv/);
    const lines = String(exported.data).trim().split(/\r?\n/);
    expect(lines[0]).toBe(`${TEMPLATE_COLUMNS},vendor`);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(names);
    expect(lines[1]).toContain(',Acme');
    await contract.fails('exportNonEmployeeRecords', 404, () =>
      admin.nelm.exportNonEmployeeRecords({ id: UNKNOWN_ID }),
    );

    // A malformed row fails the whole job, and the status says which line.
    await admin.nelm.importNonEmployeeRecordsInBulk({
      id: sourceId,
      data: csv([
        `csv.four,Csv,Row4,5125550100,csv.four@example.com,jdoe,not-a-date,2026-01-01T00:00:00Z,Acme`,
      ]),
    });
    const failed = await eventually(
      () => admin.nelm.getNonEmployeeBulkUploadStatus({ id: sourceId }),
      (r) => r.data.status === 'ERROR' || r.data.status === 'COMPLETED',
    );
    expect(failed.data.status).toBe('ERROR');
    expect(failed.data).toMatchObject({ errors: [{ line: 2 }] });
    expect.soft(shapeErrors(failed.data, BULK_UPLOAD_FAILED_STATUS)).toEqual([]);
  });

  it('called every operation of this suite on a success and a failure path', () => {
    expect(contract.uncovered()).toEqual([]);
  });
});
