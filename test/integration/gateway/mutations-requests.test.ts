import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/schema/ids.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { CREATE_RECORD, createSourceWithBadge, FAILURE, person, UNKNOWN_ID } from './mutation-fixtures.ts';

const CREATE_REQUEST = `mutation($input: CreateNonEmployeeRequestInput!) {
  createNonEmployeeRequest(input: $input) {
    ${FAILURE}
    ... on CreateNonEmployeeRequestPayload {
      nonEmployeeRequest { id iscId accountName approvalStatus source { iscId name }
        approvals { iscId approvalOrder approvalStatus approver { id } } }
    }
  }
}`;
const DELETE_REQUEST = `mutation($input: DeleteNonEmployeeRequestInput!) {
  deleteNonEmployeeRequest(input: $input) {
    ${FAILURE} ... on DeleteNonEmployeeRequestPayload { deletedId deletedIscId }
  }
}`;

let t: TestGateway;
let admin: string;
let user: string;
let manager: string;
let sourceId: string;

beforeAll(async () => {
  t = await startGateway();
  [admin, user, manager] = await Promise.all([
    t.sandbox.tokenFor('admin'),
    t.sandbox.tokenFor('user'),
    // The spec: creating a request needs idn:nesr:create or owning the source.
    t.sandbox.tokenFor('source-owner'),
  ]);
  sourceId = await createSourceWithBadge(t, admin, 'Request mutations, no approvers');
});
afterAll(() => t.close());

describe('createNonEmployeeRequest and deleteNonEmployeeRequest', () => {
  it('the source owner asks for a non-employee: PENDING on the first approver', async () => {
    const approvers = [
      t.sandbox.client('approver', 0).identityId,
      t.sandbox.client('approver', 1).identityId,
    ];
    const chained = await createSourceWithBadge(t, admin, 'Request mutations', approvers);
    const input = person(chained, { data: { badge: 'R-1' } });
    const result = await t.gql(CREATE_REQUEST, { input }, { token: manager });
    expect(result.errors).toBeUndefined();
    const request = result.data?.createNonEmployeeRequest.nonEmployeeRequest;
    expect(request).toMatchObject({
      accountName: input.accountName,
      approvalStatus: 'PENDING',
      source: { iscId: chained, name: 'Request mutations' },
      approvals: [
        { approvalOrder: 1, approvalStatus: 'PENDING', approver: { id: approvers[0] } },
        { approvalOrder: 2, approvalStatus: 'NOT_READY', approver: { id: approvers[1] } },
      ],
    });
    expect(request.id).toBe(encodeNodeId('NonEmployeeRequest', request.iscId));

    const again = await t.gql(CREATE_REQUEST, { input }, { token: manager });
    expect(again.data?.createNonEmployeeRequest).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
    });

    const forbiddenDelete = await t.gql(DELETE_REQUEST, { input: { id: request.id } }, { token: manager });
    expect(forbiddenDelete.data?.deleteNonEmployeeRequest.__typename).toBe('ForbiddenError');
    const deleted = await t.gql(DELETE_REQUEST, { input: { id: request.id } }, { token: admin });
    expect(deleted.data?.deleteNonEmployeeRequest).toEqual({
      __typename: 'DeleteNonEmployeeRequestPayload',
      deletedId: request.id,
      deletedIscId: request.iscId,
    });
    const missing = await t.gql(DELETE_REQUEST, { input: { id: request.iscId } }, { token: admin });
    expect(missing.data?.deleteNonEmployeeRequest.__typename).toBe('NotFoundError');
  });

  it('create answers NotFound, Forbidden and Validation as typed results', async () => {
    const cases: Array<[Record<string, unknown>, string, string, object?]> = [
      [{ sourceId: UNKNOWN_ID }, admin, 'NotFoundError'],
      [{}, user, 'ForbiddenError'],
      [{ email: 'nobody' }, admin, 'ValidationError', { path: ['input', 'email'] }],
      [{ data: { unknown: 'x' } }, admin, 'ValidationError', { path: ['input', 'data', 'unknown'] }],
    ];
    for (const [extra, token, typename, more] of cases) {
      const result = await t.gql(CREATE_REQUEST, { input: person(sourceId, extra) }, { token });
      expect(result.data?.createNonEmployeeRequest, JSON.stringify(extra)).toMatchObject({
        __typename: typename,
        ...more,
      });
    }
  });
});

describe('a source at its limit of 20,000 records', () => {
  let full: TestGateway;
  beforeAll(async () => {
    full = await startGateway({ sandbox: { scale: { sources: 1, recordsPerSource: 20_000 } } });
  });
  afterAll(() => full.close());

  it('answers another record, or a request for one, with LimitExceeded', async () => {
    const token = await full.sandbox.tokenFor('admin');
    const sources = await full.gql(
      `{ nonEmployeeSources(first: 1) { edges { node { iscId nonEmployeeCount } } } }`,
      {},
      { token },
    );
    const source = sources.data?.nonEmployeeSources.edges[0].node;
    expect(source.nonEmployeeCount).toBe(20_000);
    const record = await full.gql(CREATE_RECORD, { input: person(source.iscId) }, { token });
    expect(record.data?.createNonEmployeeRecord).toMatchObject({
      __typename: 'LimitExceededError',
      code: 'LIMIT_EXCEEDED',
    });
    const request = await full.gql(CREATE_REQUEST, { input: person(source.iscId) }, { token });
    expect(request.data?.createNonEmployeeRequest).toMatchObject({
      __typename: 'LimitExceededError',
      code: 'LIMIT_EXCEEDED',
    });
  });
});
