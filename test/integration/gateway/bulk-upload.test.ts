// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../../src/gateway.ts';
import { startGateway, type TestGateway, uploadHeaders } from '../../helpers/gateway.ts';
import type { TestSandbox } from '../../helpers/sandbox.ts';
import { FAILURE, UNKNOWN_ID } from './mutation-fixtures.ts';

const IMPORT = `mutation($sourceId: ID!, $file: File!) {
  importNonEmployeeRecords(sourceId: $sourceId, file: $file) {
    ${FAILURE} ... on Error { causes }
    ... on ImportNonEmployeeRecordsPayload { job { iscId sourceId status created } nonEmployeeSource { iscId } }
  }
}`;
const STATUS = `query($id: ID!) { nonEmployeeSource(id: $id) { bulkUploadStatus } }`;
const ORIGIN = 'http://gateway.test';

let t: TestGateway;
let sandbox: TestSandbox;
let gateway: Gateway;
let admin: string;
let user: string;
let sourceId: string;

const auth = uploadHeaders;

/** The GraphQL multipart request: `operations`, then `map`, then the file part. */
async function upload(source: string, csv: string, token?: string): Promise<any> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: IMPORT, variables: { sourceId: source, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new File([csv], 'people.csv', { type: 'text/csv' }));
  const response = await gateway.fetch(`${ORIGIN}/graphql`, {
    method: 'POST',
    headers: auth(token),
    body: form,
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** Polls the source's status until the job settles (each poll is one status call). */
async function settledStatus(source: string): Promise<string> {
  for (let poll = 0; poll < 200; poll++) {
    const result = await t.gql(STATUS, { id: source }, { token: admin });
    const status = result.data?.nonEmployeeSource.bulkUploadStatus;
    if (status === 'COMPLETED' || status === 'ERROR') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the bulk upload never settled');
}

function csvOf(header: string[], rows: Array<Record<string, string>>): string {
  return [header.join(','), ...rows.map((row) => header.map((column) => row[column] ?? '').join(','))].join(
    '\n',
  );
}

const row = (n: number, extra: Record<string, string> = {}) => ({
  accountName: `bulk.person${n}`,
  firstName: 'Bulk',
  lastName: `Person${n}`,
  phone: '5125550100',
  email: `bulk.person${n}@example.com`,
  manager: 'jonas.lindqvist',
  startDate: '2030-01-06T00:00:00Z',
  endDate: '2030-12-31T00:00:00Z',
  badge: `B-${n}`,
  ...extra,
});

beforeAll(async () => {
  t = await startGateway();
  ({ sandbox, gateway } = t);
  [admin, user] = await Promise.all([sandbox.tokenFor('admin'), sandbox.tokenFor('user')]);
  const response = await sandbox.api('/v3/non-employee-sources', {
    token: admin,
    body: {
      name: 'Bulk through the graph',
      description: 'Imports and exports',
      owner: { id: sandbox.client('source-owner').identityId },
    },
  });
  sourceId = ((await response.json()) as { id: string }).id;
  await sandbox.api(`/v3/non-employee-sources/${sourceId}/schema-attributes`, {
    token: admin,
    body: { type: 'TEXT', label: 'Badge', technicalName: 'badge' },
  });
});
afterAll(() => t.close());

describe('importNonEmployeeRecords and bulkUploadStatus', () => {
  it('imports a CSV sent as a multipart request, the job reaching COMPLETED, the records exported back', async () => {
    const links = await t.gql(
      `query($id: ID!) { nonEmployeeSource(id: $id) { bulkUploadStatus recordsExportUrl schemaTemplateExportUrl } }`,
      { id: sourceId },
      { token: admin },
    );
    expect(links.errors).toBeUndefined();
    const source = links.data?.nonEmployeeSource;
    expect(source).toEqual({
      bulkUploadStatus: null,
      recordsExportUrl: `${ORIGIN}/exports/non-employee-sources/${sourceId}/records.csv`,
      schemaTemplateExportUrl: `${ORIGIN}/exports/non-employee-sources/${sourceId}/schema-template.csv`,
    });

    // The template's header is what the upload needs.
    const template = await gateway.fetch(source.schemaTemplateExportUrl, { headers: auth(admin) });
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toMatch(/^text\/csv/);
    const header = (await template.text()).trim().split(',');
    expect(header).toContain('accountName');
    expect(header.at(-1)).toBe('badge');

    await sandbox.resetStats();
    const result = await upload(sourceId, csvOf(header, [row(1), row(2), row(3)]), admin);
    expect(result.errors).toBeUndefined();
    expect(result.data.importNonEmployeeRecords).toMatchObject({
      __typename: 'ImportNonEmployeeRecordsPayload',
      job: { iscId: expect.any(String), sourceId, status: 'PENDING' },
      nonEmployeeSource: { iscId: sourceId },
    });
    expect(
      (await sandbox.stats()).byRoute['POST /v3/non-employee-sources/:id/non-employee-bulk-upload'],
    ).toBe(1);

    expect(await settledStatus(sourceId)).toBe('COMPLETED');

    const exported = await gateway.fetch(source.recordsExportUrl, { headers: auth(admin) });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    const lines = (await exported.text()).trim().split('\n');
    expect(lines[0].split(',')).toEqual(header);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(['bulk.person1', 'bulk.person2', 'bulk.person3']);
  });

  it('refuses a CSV whose rows are wrong as a ValidationError, starting no job', async () => {
    const header = Object.keys(row(0));
    const before = await settledStatus(sourceId);
    await t.sandbox.resetStats();
    const rows = [row(10), row(11, { email: 'nope' }), row(12, { startDate: 'soon' })];
    const result = await upload(sourceId, csvOf(header, rows), admin);
    expect(result.data.importNonEmployeeRecords.__typename).toBe('ValidationError');
    expect(result.data.importNonEmployeeRecords.message).toMatch(/Line 3/);
    // Each bad line is its own cause, in line order; the good line 2 is not among them.
    const causes: string[] = result.data.importNonEmployeeRecords.causes;
    expect(causes.map((cause) => cause.split(':')[0])).toEqual(['Line 3', 'Line 4']);
    expect((await t.sandbox.stats()).byRoute).toEqual({
      'POST /v3/non-employee-sources/:id/non-employee-bulk-upload': 1,
    });
    expect(await settledStatus(sourceId)).toBe(before);
  });

  it('answers NotFound, Forbidden and Validation as typed results', async () => {
    const header = Object.keys(row(0));
    const good = csvOf(header, [row(20)]);
    const notFound = await upload(UNKNOWN_ID, good, admin);
    expect(notFound.data.importNonEmployeeRecords.__typename).toBe('NotFoundError');
    const forbidden = await upload(sourceId, good, user);
    expect(forbidden.data.importNonEmployeeRecords.__typename).toBe('ForbiddenError');
    const badHeader = await upload(sourceId, 'who,what\nme,this', admin);
    expect(badHeader.data.importNonEmployeeRecords).toMatchObject({
      __typename: 'ValidationError',
      message: expect.stringContaining('Unknown CSV columns'),
    });

    const { stats: calls } = await sandbox.callsDuring(async () => {
      const empty = await upload(sourceId, '', admin);
      expect(empty.data.importNonEmployeeRecords).toMatchObject({
        __typename: 'ValidationError',
        path: ['file'],
      });
      const notAFile = await t.gql(IMPORT, { sourceId, file: 'accountName\nx' }, { token: admin });
      expect(notAFile.data?.importNonEmployeeRecords).toMatchObject({
        __typename: 'ValidationError',
        path: ['file'],
      });
      const badId = await upload('not an id!', good, admin);
      expect(badId.data.importNonEmployeeRecords).toMatchObject({
        __typename: 'ValidationError',
        path: ['sourceId'],
      });
    });
    expect(calls.total).toBe(0);
  });
});
