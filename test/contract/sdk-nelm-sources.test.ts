import type { JsonPatchOperation, NonEmployeeSourceRequestBody } from 'sailpoint-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../helpers/sandbox.ts';
import { createSource, sourceBody, UNKNOWN_NELM_ID } from './fixtures.ts';
import { SCHEMA_ATTRIBUTE, SOURCE, SOURCE_WITH_CLOUD_ID, SOURCE_WITH_COUNT } from './nelm-shapes.ts';
import { operationsOf } from './operations.ts';
import {
  createContractRecorder,
  errorDetail,
  headerOf,
  type SdkClients,
  startContractSandbox,
} from './sdk-helpers.ts';
import { arrayOf } from './shape.ts';

describe('official SDK against the sandbox: non-employee sources and their schema attributes', () => {
  let sandbox: TestSandbox;
  let admin: SdkClients;
  let user: SdkClients;
  const contract = createContractRecorder(operationsOf('nelm-sources'));

  beforeAll(async () => {
    ({ sandbox, admin, user } = await startContractSandbox());
  });
  afterAll(() => sandbox.close());

  const newSource = () => createSource(admin, sandbox);

  it('lists, creates, reads, patches and deletes sources', async () => {
    const listed = await contract.succeeds(
      'listNonEmployeeSources',
      200,
      () => admin.nelm.listNonEmployeeSources({ limit: 3, count: true, nonEmployeeCount: true }),
      arrayOf(SOURCE_WITH_COUNT),
    );
    expect(listed.data).toHaveLength(3);
    const everySource = await admin.nelm.listNonEmployeeSources({ limit: 250 });
    expect(Number(headerOf(listed, 'x-total-count'))).toBe(everySource.data.length);
    for (const source of listed.data) {
      const records = await admin.nelm.listNonEmployeeRecords({
        filters: `sourceId eq "${source.id}"`,
        count: true,
        limit: 0,
      });
      expect(source.nonEmployeeCount).toBe(Number(headerOf(records, 'x-total-count')));
    }
    const bad = await contract.fails('listNonEmployeeSources', 400, () =>
      admin.nelm.listNonEmployeeSources({ sorters: 'approvers' }),
    );
    expect(errorDetail(bad.data).text).toMatch(/approvers/);
    await contract.fails('listNonEmployeeSources', 403, () =>
      user.nelm.listNonEmployeeSources({ requestedFor: sandbox.admin.identityId }),
    );

    const body = sourceBody(sandbox);
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
      admin.nelm.createNonEmployeeSource({
        nonEmployeeSourceRequestBody: sourceBody(sandbox, { name: body.name }),
      }),
    );
    expect(errorDetail(duplicate.data).detailCode).toBe('400.1.409 Reference conflict');
    const { owner: _owner, ...ownerless } = sourceBody(sandbox);
    await contract.fails('createNonEmployeeSource', 400, () =>
      admin.nelm.createNonEmployeeSource({
        nonEmployeeSourceRequestBody: ownerless as NonEmployeeSourceRequestBody,
      }),
    );
    await contract.fails('createNonEmployeeSource', 403, () =>
      user.nelm.createNonEmployeeSource({ nonEmployeeSourceRequestBody: sourceBody(sandbox) }),
    );

    const read = await contract.succeeds(
      'getNonEmployeeSource',
      200,
      () => admin.nelm.getNonEmployeeSource({ sourceId: id }),
      SOURCE,
    );
    expect(read.data).toMatchObject({ id, sourceId: created.data.sourceId, name: body.name });
    await contract.fails('getNonEmployeeSource', 404, () =>
      admin.nelm.getNonEmployeeSource({ sourceId: UNKNOWN_NELM_ID }),
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
      admin.nelm.patchNonEmployeeSource({ sourceId: UNKNOWN_NELM_ID, jsonPatchOperation: patch }),
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
      admin.nelm.getNonEmployeeSourceSchemaAttributes({ sourceId: UNKNOWN_NELM_ID }),
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
      admin.nelm.getNonEmployeeSchemaAttribute({ sourceId, attributeId: UNKNOWN_NELM_ID }),
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

  it('called every operation of this suite on a success and a failure path', () => {
    expect(contract.uncovered()).toEqual([]);
  });
});
