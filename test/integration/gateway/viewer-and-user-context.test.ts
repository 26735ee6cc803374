import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { FAILURE, UNKNOWN_ID } from './mutation-fixtures.ts';

const VIEWER = '{ viewer { kind identityId name clientId authorities scopes expiresAt } }';

let t: TestGateway;
let userToken: string;
let apiClientToken: string;

beforeAll(async () => {
  t = await startGateway();
  userToken = await t.sandbox.tokenFor('admin');
  apiClientToken = await t.sandbox.tokenFor('api-client');
});

afterAll(() => t?.close());

describe('viewer: who the token says it is, at no call', () => {
  it('reads a personal access token as its user', async () => {
    const { data, calls } = await t.measure(VIEWER, {}, { token: userToken });
    expect(calls).toBe(0);
    const admin = t.sandbox.admin;
    expect(data.viewer).toMatchObject({
      kind: 'USER',
      identityId: admin.identityId,
      clientId: admin.clientId,
      scopes: ['sp:scopes:all'],
    });
    expect(data.viewer.name).toEqual(expect.any(String));
    expect(data.viewer.authorities).toContain('idn:nesr:read');
    // The sandbox's tokens live 749 s.
    const lifetime = Date.parse(data.viewer.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(600_000);
    expect(lifetime).toBeLessThanOrEqual(749_000);
  });

  it('reads an API client token as a client without a user', async () => {
    const { data, calls } = await t.measure(VIEWER, {}, { token: apiClientToken });
    expect(calls).toBe(0);
    expect(data.viewer).toMatchObject({
      kind: 'API_CLIENT',
      identityId: null,
      name: null,
      clientId: t.sandbox.client('api-client').clientId,
    });
  });

  it('reads a token that is not a JWT as unknown, with null fields', async () => {
    const { data, calls } = await t.measure(VIEWER, {}, { token: 'opaque-token' });
    expect(calls).toBe(0);
    expect(data.viewer).toEqual({
      kind: 'UNKNOWN',
      identityId: null,
      name: null,
      clientId: null,
      authorities: [],
      scopes: [],
      expiresAt: null,
    });
  });
});

describe('fields that need a user, with an API client token', () => {
  const expectUserContextError = (result: Awaited<ReturnType<TestGateway['gql']>>) => {
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions?.code).toBe('USER_CONTEXT_REQUIRED');
    expect(result.errors?.[0].message).toMatch(/personal access token/);
    expect(result.errors?.[0].message).toMatch(/requestedFor/);
  };

  it('refuses the request summary of "me" before any call, naming personal access tokens', async () => {
    const { result, stats } = await t.sandbox.callsDuring(() =>
      t.gql('{ nonEmployeeRequestSummary { pending } }', {}, { token: apiClientToken }),
    );
    expectUserContextError(result);
    expect(stats.total).toBe(0);
  });

  it('refuses the approval summary and the lists for "me" at 0 calls', async () => {
    for (const query of [
      '{ nonEmployeeApprovalSummary { pending } }',
      '{ nonEmployeeRequests(first: 1) { edges { cursor } } }',
      '{ nonEmployeeApprovals(first: 1, requestedFor: "me") { edges { cursor } } }',
      '{ nonEmployeeSources(first: 1, requestedFor: "ME") { edges { cursor } } }',
    ]) {
      const { result, stats } = await t.sandbox.callsDuring(() =>
        t.gql(query, {}, { token: apiClientToken }),
      );
      expectUserContextError(result);
      expect(stats.total).toBe(0);
    }
  });

  it('answers the same summary for an identity named in requestedFor', async () => {
    const { data } = await t.measure(
      'query($who: String) { nonEmployeeRequestSummary(requestedFor: $who) { pending } }',
      { who: t.sandbox.admin.identityId },
      { token: apiClientToken },
    );
    expect(data.nonEmployeeRequestSummary.pending).toEqual(expect.any(Number));
  });

  it('answers approve, reject and record updates with UserContextRequiredError at 0 calls', async () => {
    const mutations = [
      ['approveNonEmployeeRequest', 'ApproveNonEmployeeRequestInput', { id: UNKNOWN_ID }],
      ['rejectNonEmployeeRequest', 'RejectNonEmployeeRequestInput', { id: UNKNOWN_ID, comment: 'no' }],
      [
        'updateNonEmployeeRecord',
        'UpdateNonEmployeeRecordInput',
        { id: UNKNOWN_ID, endDate: '2030-01-01T00:00:00Z' },
      ],
    ] as const;
    for (const [field, inputType, input] of mutations) {
      const { result, stats } = await t.sandbox.callsDuring(() =>
        t.gql(
          `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename ${FAILURE} } }`,
          { input },
          { token: apiClientToken },
        ),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.[field]).toMatchObject({
        __typename: 'UserContextRequiredError',
        code: 'USER_CONTEXT_REQUIRED',
        message: expect.stringMatching(/personal access token/),
      });
      expect(stats.total).toBe(0);
    }
  });

  it('lets a personal access token through to the upstream', async () => {
    const { data, calls } = await t.measure(
      '{ nonEmployeeRequestSummary { pending } }',
      {},
      { token: userToken },
    );
    expect(data.nonEmployeeRequestSummary.pending).toEqual(expect.any(Number));
    expect(calls).toBe(1);
  });
});
