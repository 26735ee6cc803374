import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/schema/ids.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import {
  CREATE_RECORD,
  createSourceWithBadge,
  FAILURE,
  person,
  RECORD,
  REPLACE_RECORD,
  UNKNOWN_ID,
  UPDATE_RECORD,
} from './mutation-fixtures.ts';

const DELETE_RECORD = `mutation($input: DeleteNonEmployeeRecordInput!) {
  deleteNonEmployeeRecord(input: $input) {
    ${FAILURE} ... on DeleteNonEmployeeRecordPayload { deletedId deletedIscId }
  }
}`;
const DELETE_RECORDS = `mutation($input: DeleteNonEmployeeRecordsInput!) {
  deleteNonEmployeeRecords(input: $input) {
    ${FAILURE} ... on DeleteNonEmployeeRecordsPayload { deletedIds deletedIscIds }
  }
}`;

let t: TestGateway;
let admin: string;
let user: string;
let owner: string;
let manager: string;
let sourceId: string;
let otherSourceId: string;

async function newRecord(extra: Record<string, unknown> = {}) {
  const result = await t.gql(CREATE_RECORD, { input: person(sourceId, extra) }, { token: admin });
  expect(result.data?.createNonEmployeeRecord.__typename).toBe('CreateNonEmployeeRecordPayload');
  return result.data?.createNonEmployeeRecord.nonEmployeeRecord as {
    id: string;
    iscId: string;
    accountName: string;
  };
}

beforeAll(async () => {
  t = await startGateway();
  [admin, user, owner, manager] = await Promise.all([
    t.sandbox.tokenFor('admin'),
    t.sandbox.tokenFor('user'),
    t.sandbox.tokenFor('source-owner'),
    t.sandbox.tokenFor('account-manager'),
  ]);
  sourceId = await createSourceWithBadge(t, admin, 'Record mutations');
  otherSourceId = await createSourceWithBadge(t, admin, 'Record mutations, elsewhere');
});
afterAll(() => t.close());

describe('createNonEmployeeRecord', () => {
  it('creates a record; a count read after it in the same operation has moved', async () => {
    const input = person(encodeNodeId('NonEmployeeSource', sourceId), { data: { badge: 'B-7' } });
    const result = await t.gql(
      `mutation($id: ID!, $input: CreateNonEmployeeRecordInput!) {
        before: updateNonEmployeeSource(input: { id: $id, description: "counted" }) {
          ... on UpdateNonEmployeeSourcePayload { nonEmployeeSource { nonEmployeeCount } }
        }
        created: createNonEmployeeRecord(input: $input) {
          ${FAILURE}
          ... on CreateNonEmployeeRecordPayload { nonEmployeeRecord { ${RECORD} source { nonEmployeeCount } } }
        }
      }`,
      { id: sourceId, input },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    const record = result.data?.created.nonEmployeeRecord;
    expect(record).toMatchObject({
      accountName: input.accountName,
      email: input.email,
      sourceId,
      data: { badge: 'B-7' },
      startDate: input.startDate,
      endDate: input.endDate,
    });
    expect(record.id).toBe(encodeNodeId('NonEmployeeRecord', record.iscId));
    expect(record.source.nonEmployeeCount).toBe(result.data?.before.nonEmployeeSource.nonEmployeeCount + 1);
  });

  it('checks dates, email and data before calling upstream', async () => {
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ startDate: '2030-02-01T00:00:00Z', endDate: '2030-01-01T00:00:00Z' }, ['input', 'endDate']],
        [{ email: 'not-an-email' }, ['input', 'email']],
        [{ firstName: '   ' }, ['input', 'firstName']],
        [{ data: { badge: 7 } }, ['input', 'data', 'badge']],
        [{ data: ['badge'] }, ['input', 'data']],
        [{ sourceId: 'bad id!' }, ['input', 'sourceId']],
      ];
      for (const [extra, path] of cases) {
        const result = await t.gql(CREATE_RECORD, { input: person(sourceId, extra) }, { token: admin });
        expect(result.data?.createNonEmployeeRecord, JSON.stringify(extra)).toMatchObject({
          __typename: 'ValidationError',
          code: 'VALIDATION_FAILED',
          path,
        });
      }
    });
    expect(calls.total).toBe(0);
  });

  it('refuses a malformed date as a readable GraphQL error, not a crash', async () => {
    const result = await t.gql(
      CREATE_RECORD,
      { input: person(sourceId, { startDate: 'next tuesday' }) },
      { token: admin },
    );
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0].message).toMatch(/startDate/);
  });

  it('answers NotFound, Forbidden, Conflict and an upstream Validation with its path', async () => {
    const taken = await newRecord();
    const cases: Array<[Record<string, unknown>, string, string, object?]> = [
      [{ sourceId: UNKNOWN_ID }, admin, 'NotFoundError'],
      [{}, user, 'ForbiddenError'],
      [{ accountName: taken.accountName }, admin, 'ConflictError'],
      [{ data: { nope: 'x' } }, admin, 'ValidationError', { path: ['input', 'data', 'nope'] }],
    ];
    for (const [extra, token, typename, more] of cases) {
      const result = await t.gql(CREATE_RECORD, { input: person(sourceId, extra) }, { token });
      expect(result.data?.createNonEmployeeRecord, JSON.stringify(extra)).toMatchObject({
        __typename: typename,
        ...more,
      });
    }
  });
});

describe('updateNonEmployeeRecord', () => {
  it('patches the fields given; the source owner may change endDate', async () => {
    const record = await newRecord({ data: { badge: 'B-1' } });
    const updated = await t.gql(
      UPDATE_RECORD,
      { input: { id: record.id, firstName: 'Amazing', data: { badge: 'B-2' } } },
      { token: admin },
    );
    expect(updated.data?.updateNonEmployeeRecord).toMatchObject({
      __typename: 'UpdateNonEmployeeRecordPayload',
      nonEmployeeRecord: { firstName: 'Amazing', data: { badge: 'B-2' }, accountName: record.accountName },
    });
    const byOwner = await t.gql(
      UPDATE_RECORD,
      { input: { id: record.iscId, endDate: '2031-06-30T00:00:00.000Z' } },
      { token: owner },
    );
    expect(byOwner.data?.updateNonEmployeeRecord.nonEmployeeRecord).toMatchObject({
      endDate: '2031-06-30T00:00:00.000Z',
      firstName: 'Amazing',
    });
    const read = await t.gql(
      `query($id: ID!) { nonEmployeeRecord(id: $id) { endDate data } }`,
      { id: record.id },
      { token: admin },
    );
    expect(read.data?.nonEmployeeRecord).toEqual({
      endDate: '2031-06-30T00:00:00.000Z',
      data: { badge: 'B-2' },
    });
  });

  it('answers NotFound, Forbidden, Conflict and Validation as typed results', async () => {
    const record = await newRecord();
    const other = await newRecord();
    const cases: Array<[Record<string, unknown>, string, string, object?]> = [
      [{ id: UNKNOWN_ID, firstName: 'x' }, admin, 'NotFoundError'],
      [{ id: record.iscId, firstName: 'x' }, user, 'ForbiddenError'],
      [{ id: record.iscId, firstName: 'Owner may not' }, owner, 'ForbiddenError'],
      [{ id: record.iscId, accountName: other.accountName }, admin, 'ConflictError'],
      [{ id: record.iscId }, admin, 'ValidationError', { path: ['input'] }],
      [{ id: record.iscId, lastName: null }, admin, 'ValidationError', { path: ['input', 'lastName'] }],
      [
        { id: record.iscId, startDate: '2030-03-01T00:00:00Z', endDate: '2030-02-01T00:00:00Z' },
        admin,
        'ValidationError',
        { path: ['input', 'endDate'] },
      ],
      [
        { id: record.iscId, endDate: '2000-01-01T00:00:00Z' },
        admin,
        'ValidationError',
        { path: ['input', 'endDate'] },
      ],
    ];
    for (const [input, token, typename, more] of cases) {
      const result = await t.gql(UPDATE_RECORD, { input }, { token });
      expect(result.data?.updateNonEmployeeRecord, JSON.stringify(input)).toMatchObject({
        __typename: typename,
        ...more,
      });
    }
  });
});

describe('replaceNonEmployeeRecord', () => {
  it('replaces every field (PUT)', async () => {
    const record = await newRecord({ data: { badge: 'B-9' } });
    const replacement = { ...person(sourceId), id: record.id, accountName: record.accountName };
    const result = await t.gql(REPLACE_RECORD, { input: replacement }, { token: admin });
    expect(result.data?.replaceNonEmployeeRecord).toMatchObject({
      __typename: 'ReplaceNonEmployeeRecordPayload',
      nonEmployeeRecord: { iscId: record.iscId, email: replacement.email, data: {} },
    });
  });

  it('answers NotFound, Forbidden (the owner beyond endDate), Conflict and Validation', async () => {
    const record = await newRecord();
    const other = await newRecord();
    const replace = (extra: Record<string, unknown>) => ({
      ...person(sourceId),
      id: record.iscId,
      accountName: record.accountName,
      ...extra,
    });
    const cases: Array<[Record<string, unknown>, string, string, object?]> = [
      [replace({ id: UNKNOWN_ID }), admin, 'NotFoundError'],
      [replace({}), owner, 'ForbiddenError'],
      [replace({}), user, 'ForbiddenError'],
      [replace({ accountName: other.accountName }), admin, 'ConflictError'],
      [replace({ sourceId: otherSourceId }), admin, 'ValidationError', { path: ['input', 'sourceId'] }],
      [replace({ phone: '' }), admin, 'ValidationError', { path: ['input', 'phone'] }],
    ];
    for (const [input, token, typename, more] of cases) {
      const result = await t.gql(REPLACE_RECORD, { input }, { token });
      expect(result.data?.replaceNonEmployeeRecord, JSON.stringify(input)).toMatchObject({
        __typename: typename,
        ...more,
      });
    }
  });
});

describe('deleteNonEmployeeRecord and deleteNonEmployeeRecords', () => {
  it('deletes one record; NotFound and Forbidden typed', async () => {
    const record = await newRecord();
    const forbidden = await t.gql(DELETE_RECORD, { input: { id: record.id } }, { token: owner });
    expect(forbidden.data?.deleteNonEmployeeRecord.__typename).toBe('ForbiddenError');
    const deleted = await t.gql(DELETE_RECORD, { input: { id: record.id } }, { token: admin });
    expect(deleted.data?.deleteNonEmployeeRecord).toEqual({
      __typename: 'DeleteNonEmployeeRecordPayload',
      deletedId: record.id,
      deletedIscId: record.iscId,
    });
    const again = await t.gql(DELETE_RECORD, { input: { id: record.id } }, { token: admin });
    expect(again.data?.deleteNonEmployeeRecord.__typename).toBe('NotFoundError');
  });

  it('deletes in bulk in one call, all or none', async () => {
    const [a, b] = [await newRecord(), await newRecord()];
    const partly = await t.gql(DELETE_RECORDS, { input: { ids: [a.id, UNKNOWN_ID] } }, { token: admin });
    expect(partly.data?.deleteNonEmployeeRecords.__typename).toBe('NotFoundError');
    const forbidden = await t.gql(DELETE_RECORDS, { input: { ids: [a.id] } }, { token: manager });
    expect(forbidden.data?.deleteNonEmployeeRecords.__typename).toBe('ForbiddenError');

    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      const deleted = await t.gql(
        DELETE_RECORDS,
        { input: { ids: [a.id, b.iscId, a.iscId] } },
        { token: admin },
      );
      expect(deleted.data?.deleteNonEmployeeRecords).toEqual({
        __typename: 'DeleteNonEmployeeRecordsPayload',
        deletedIds: [a.id, b.id],
        deletedIscIds: [a.iscId, b.iscId],
      });
    });
    expect(calls.byRoute).toEqual({ 'POST /v3/non-employee-records/bulk-delete': 1 });
    const read = await t.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: [a.id, b.id] },
      { token: admin },
    );
    expect(read.data?.nodes).toEqual([null, null]);
  });

  it('refuses an empty list, too many ids and a malformed id before calling upstream', async () => {
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      const cases: Array<[unknown[], string[]]> = [
        [[], ['input', 'ids']],
        [Array.from({ length: 1001 }, (_, i) => `id${i}`), ['input', 'ids']],
        [
          ['0000000000000000000000000000beef', 'not fine!'],
          ['input', 'ids', '1'],
        ],
      ];
      for (const [ids, path] of cases) {
        const result = await t.gql(DELETE_RECORDS, { input: { ids } }, { token: admin });
        expect(result.data?.deleteNonEmployeeRecords).toMatchObject({ __typename: 'ValidationError', path });
      }
    });
    expect(calls.total).toBe(0);
  });
});
