// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { CREATE_RECORD, FAILURE, person, UNKNOWN_ID } from './mutation-fixtures.ts';

const MB = 1024 * 1024;
const APPROVE = `mutation($input: ApproveNonEmployeeRequestInput!) { approveNonEmployeeRequest(input: $input) { ${FAILURE} } }`;
const CREATE_SOURCE = `mutation($input: CreateNonEmployeeSourceInput!) { createNonEmployeeSource(input: $input) { ${FAILURE} } }`;

let raised: TestGateway;
let defaults: TestGateway;
let admin: string;
let defaultsAdmin: string;
let owner: string;

beforeAll(async () => {
  // A body limit of 16 MB lets the oversized values reach the input checks.
  raised = await startGateway({ env: { GRAPHQL_MAX_BODY_BYTES: String(16 * MB) } });
  defaults = await startGateway();
  admin = await raised.sandbox.tokenFor('admin');
  defaultsAdmin = await defaults.sandbox.tokenFor('admin');
  owner = raised.sandbox.client('source-owner').identityId;
});
afterAll(async () => {
  await raised.close();
  await defaults.close();
});

/** The answer of one mutation and the API calls the sandbox saw for it. */
async function mutate(t: TestGateway, token: string, query: string, input: Record<string, unknown>) {
  const { result, stats } = await t.sandbox.callsDuring(() => t.gql(query, { input }, { token }));
  return { result: result as any, calls: stats.total };
}

describe('input bounds', () => {
  it('answers a 1 MB accountName with a ValidationError at its path, at 0 calls', async () => {
    const input = person(UNKNOWN_ID, { accountName: 'a'.repeat(MB) });
    const { result, calls } = await mutate(raised, admin, CREATE_RECORD, input);
    expect(result.errors).toBeUndefined();
    expect(result.data.createNonEmployeeRecord).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      path: ['input', 'accountName'],
    });
    expect(result.data.createNonEmployeeRecord.message).toMatch(/at most 255 characters/);
    expect(calls).toBe(0);
  });

  it('answers a 5 MB id argument with a ValidationError, at 0 calls', async () => {
    const { result, calls } = await mutate(raised, admin, APPROVE, { id: 'f'.repeat(5 * MB) });
    expect(result.data.approveNonEmployeeRequest).toMatchObject({
      __typename: 'ValidationError',
      path: ['input', 'id'],
    });
    expect(calls).toBe(0);
  });

  it('answers a 5 MB argument of a query with BAD_USER_INPUT, at 0 calls', async () => {
    const { result, stats } = await raised.sandbox.callsDuring(() =>
      raised.gql(
        'query($id: ID!) { nonEmployeeRecord(id: $id) { id } }',
        { id: 'f'.repeat(5 * MB) },
        { token: admin },
      ),
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['id'] });
    expect(stats.total).toBe(0);
  });

  it('refuses the same 5 MB request with 413 before parsing under the default body limit, at 0 calls', async () => {
    const { result, calls } = await mutate(defaults, defaultsAdmin, APPROVE, { id: 'f'.repeat(5 * MB) });
    expect(result.status).toBe(413);
    expect(calls).toBe(0);
  });

  it('holds stated bounds: a description past 4,000 characters, a list past 250 items', async () => {
    const long = await mutate(raised, admin, CREATE_SOURCE, {
      name: 'Bounded',
      description: 'd'.repeat(4001),
      owner,
    });
    expect(long.result.data.createNonEmployeeSource).toMatchObject({
      __typename: 'ValidationError',
      path: ['input', 'description'],
    });
    const many = await mutate(raised, admin, CREATE_SOURCE, {
      name: 'Bounded',
      description: 'A list too long',
      owner,
      accountManagers: Array.from({ length: 251 }, () => owner),
    });
    expect(many.result.data.createNonEmployeeSource).toMatchObject({
      __typename: 'ValidationError',
      path: ['input', 'accountManagers'],
    });
    expect(long.calls + many.calls).toBe(0);
  });

  it('refuses ids that are not ISC ids (32 hex digits or a UUID, raw or in a global id), at 0 calls', async () => {
    for (const id of [
      'abc',
      'not-an-id',
      `${UNKNOWN_ID}0`,
      Buffer.from('NonEmployeeApproval:abc').toString('base64'),
    ]) {
      const { result, calls } = await mutate(raised, admin, APPROVE, { id });
      expect(result.data.approveNonEmployeeRequest, id).toMatchObject({
        __typename: 'ValidationError',
        path: ['input', 'id'],
      });
      expect(calls, id).toBe(0);
    }
    const uuid = await mutate(raised, admin, APPROVE, { id: '3f1c2a9e-5b7d-4e2a-9c1f-0a1b2c3d4e5f' });
    expect(uuid.result.data.approveNonEmployeeRequest.__typename).toBe('NotFoundError');
    expect(uuid.calls).toBe(1);
  });
});
