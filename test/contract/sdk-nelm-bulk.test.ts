import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/sandbox.ts';
import { createSource, UNKNOWN_NELM_ID } from './fixtures.ts';
import { BULK_UPLOAD_JOB, BULK_UPLOAD_STATUS } from './nelm-shapes.ts';
import { operationsOf } from './operations.ts';
import {
  createContractRecorder,
  errorDetail,
  eventually,
  headerOf,
  type SdkClients,
  startContractSandbox,
} from './sdk-helpers.ts';

const TEMPLATE_COLUMNS = 'accountName,firstName,lastName,phone,email,manager,startDate,endDate';

describe('official SDK against the sandbox: bulk upload and CSV export', () => {
  let sandbox: TestSandbox;
  let admin: SdkClients;
  let user: SdkClients;
  const contract = createContractRecorder(operationsOf('nelm-bulk'));

  beforeAll(async () => {
    ({ sandbox, admin, user } = await startContractSandbox());
  });
  afterAll(() => sandbox.close());

  const newSource = () => createSource(admin, sandbox);

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
      admin.nelm.exportNonEmployeeSourceSchemaTemplate({ id: UNKNOWN_NELM_ID }),
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
      admin.nelm.importNonEmployeeRecordsInBulk({ id: UNKNOWN_NELM_ID, data: csv(rows) }),
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
      admin.nelm.getNonEmployeeBulkUploadStatus({ id: UNKNOWN_NELM_ID }),
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
      admin.nelm.exportNonEmployeeRecords({ id: UNKNOWN_NELM_ID }),
    );

    // A malformed row is a 400 at once that names its line; the last job's status is unchanged.
    const refused = await contract.fails('importNonEmployeeRecordsInBulk', 400, () =>
      admin.nelm.importNonEmployeeRecordsInBulk({
        id: sourceId,
        data: csv([
          `csv.four,Csv,Row4,5125550100,csv.four@example.com,jdoe,not-a-date,2026-01-01T00:00:00Z,Acme`,
        ]),
      }),
    );
    expect(errorDetail(refused.data).text).toMatch(/^Line 2: .*startDate/);
    const unchanged = await admin.nelm.getNonEmployeeBulkUploadStatus({ id: sourceId });
    expect(unchanged.data.status).toBe('COMPLETED');
  });

  it('called every operation of this suite on a success and a failure path', () => {
    expect(contract.uncovered()).toEqual([]);
  });
});
