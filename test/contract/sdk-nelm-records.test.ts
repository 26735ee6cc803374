import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/sandbox.ts';
import { createSource, nonEmployee, UNKNOWN_NELM_ID } from './fixtures.ts';
import { RECORD } from './nelm-shapes.ts';
import { operationsOf } from './operations.ts';
import {
  createContractRecorder,
  errorDetail,
  headerOf,
  type SdkClients,
  startContractSandbox,
} from './sdk-helpers.ts';
import { arrayOf } from './shape.ts';

describe('official SDK against the sandbox: non-employee records', () => {
  let sandbox: TestSandbox;
  let admin: SdkClients;
  let user: SdkClients;
  let sourceId: string;
  const contract = createContractRecorder(operationsOf('nelm-records'));

  beforeAll(async () => {
    ({ sandbox, admin, user } = await startContractSandbox());
    sourceId = (await createSource(admin, sandbox)).id!;
  });
  afterAll(() => sandbox.close());

  const bySource = () => `sourceId eq "${sourceId}"`;

  it('creates, lists, reads, replaces, patches and deletes records', async () => {
    const created = await contract.succeeds(
      'createNonEmployeeRecord',
      200,
      () => admin.nelm.createNonEmployeeRecord({ nonEmployeeRequestBody: nonEmployee(sourceId, 'rec.one') }),
      RECORD,
    );
    expect(created.data).toMatchObject({ accountName: 'rec.one', sourceId, data: {} });
    const id = created.data.id!;
    const badDate = await contract.fails('createNonEmployeeRecord', 400, () =>
      admin.nelm.createNonEmployeeRecord({
        nonEmployeeRequestBody: nonEmployee(sourceId, 'rec.bad', { startDate: 'first of May' }),
      }),
    );
    expect(errorDetail(badDate.data).text).toMatch(/startDate/);
    await contract.fails('createNonEmployeeRecord', 403, () =>
      user.nelm.createNonEmployeeRecord({ nonEmployeeRequestBody: nonEmployee(sourceId, 'rec.user') }),
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
      admin.nelm.getNonEmployeeRecord({ id: UNKNOWN_NELM_ID }),
    );

    const replaced = await contract.succeeds(
      'updateNonEmployeeRecord',
      200,
      () =>
        admin.nelm.updateNonEmployeeRecord({
          id,
          nonEmployeeRequestBody: nonEmployee(sourceId, 'rec.one', {
            phone: '5125550199',
            lastName: 'Murray',
          }),
        }),
      RECORD,
    );
    expect(replaced.data).toMatchObject({ id, phone: '5125550199', lastName: 'Murray' });
    await contract.fails('updateNonEmployeeRecord', 404, () =>
      admin.nelm.updateNonEmployeeRecord({
        id: UNKNOWN_NELM_ID,
        nonEmployeeRequestBody: nonEmployee(sourceId, 'rec.one'),
      }),
    );
    await contract.fails('updateNonEmployeeRecord', 400, () =>
      admin.nelm.updateNonEmployeeRecord({
        id,
        nonEmployeeRequestBody: nonEmployee(sourceId, 'rec.one', { email: 'nope' }),
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
        jsonPatchOperation: [{ op: 'replace', path: '/id', value: UNKNOWN_NELM_ID }],
      }),
    );
    await contract.fails('patchNonEmployeeRecord', 404, () =>
      admin.nelm.patchNonEmployeeRecord({
        id: UNKNOWN_NELM_ID,
        jsonPatchOperation: [{ op: 'replace', path: '/endDate', value: '2027-06-30T00:00:00Z' }],
      }),
    );

    await contract.succeeds('deleteNonEmployeeRecord', 204, () => admin.nelm.deleteNonEmployeeRecord({ id }));
    await contract.fails('deleteNonEmployeeRecord', 404, () => admin.nelm.deleteNonEmployeeRecord({ id }));
    await contract.fails('getNonEmployeeRecord', 404, () => admin.nelm.getNonEmployeeRecord({ id }));

    const ids: string[] = [];
    for (const name of ['bulk.one', 'bulk.two']) {
      ids.push(
        (await admin.nelm.createNonEmployeeRecord({ nonEmployeeRequestBody: nonEmployee(sourceId, name) }))
          .data.id!,
      );
    }
    await contract.fails('deleteNonEmployeeRecordsInBulk', 403, () =>
      user.nelm.deleteNonEmployeeRecordsInBulk({ deleteNonEmployeeRecordsInBulkRequest: { ids } }),
    );
    await contract.fails('deleteNonEmployeeRecordsInBulk', 400, () =>
      admin.nelm.deleteNonEmployeeRecordsInBulk({
        deleteNonEmployeeRecordsInBulkRequest: { ids: [...ids, UNKNOWN_NELM_ID] },
      }),
    );
    await contract.succeeds('deleteNonEmployeeRecordsInBulk', 204, () =>
      admin.nelm.deleteNonEmployeeRecordsInBulk({ deleteNonEmployeeRecordsInBulkRequest: { ids } }),
    );
    expect((await admin.nelm.listNonEmployeeRecords({ filters: bySource() })).data).toEqual([]);
  });

  it('called every operation of this suite on a success and a failure path', () => {
    expect(contract.uncovered()).toEqual([]);
  });
});
