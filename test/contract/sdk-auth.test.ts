import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.ts';
import { UNAUTHORIZED } from './error-shapes.ts';
import {
  answerOf,
  createSdkClients,
  createSdkClientsWithToken,
  headerOf,
  type SdkResponse,
} from './sdk-helpers.ts';
import { shapeErrors } from './shape.ts';

/** The answer of a call that must fail. */
const rejection = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error('the call should have failed');
    },
    (error: unknown) => answerOf(error, 'the call') as SdkResponse<Record<string, unknown>>,
  );

describe('official SDK against the sandbox: authentication and the rate limit', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 3 });
  });
  afterAll(() => sandbox.close());

  it('fetches one token with the demo client credentials and acts as that client identity', async () => {
    await sandbox.resetAll();
    const approver = sandbox.client('approver');
    const sdk = createSdkClients(sandbox.url, approver);
    const mine = await sdk.nelm.listNonEmployeeApprovals({ requestedFor: 'me' });
    expect(mine.data.length).toBeGreaterThan(0);
    expect(new Set(mine.data.map((item) => item.approver?.id))).toEqual(new Set([approver.identityId]));
    await sdk.nelm.getNonEmployeeApprovalSummary({ requestedFor: 'me' });
    const stats = await sandbox.stats();
    expect(stats.tokenRequests).toBe(1);
    expect(stats.byRoute).toEqual({
      'GET /v3/non-employee-approvals': 1,
      'GET /v3/non-employee-approvals/summary/:requestedFor': 1,
    });
  });

  it('gets no token with a wrong secret, and makes no API call', async () => {
    await sandbox.resetAll();
    // The SDK reports its failed token request on the console; the test reads the outcome instead.
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => {});
    const secret = 'not-the-secret-of-this-client';
    const sdk = createSdkClients(sandbox.url, { clientId: sandbox.admin.clientId, clientSecret: secret });
    const error = await sdk.nelm.listNonEmployeeSources().then(
      () => undefined,
      (e: unknown) => e,
    );
    console.mockRestore();
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toContain(secret);
    const stats = await sandbox.stats();
    expect([stats.tokenRequests, stats.total]).toEqual([1, 0]);
  });

  it('answers a token the sandbox did not issue with 401 and an { error } body', async () => {
    await sandbox.resetAll();
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl';
    const sdk = createSdkClientsWithToken(sandbox.url, token);
    const answer = await rejection(sdk.accounts.listAccounts({ limit: 1 }));
    expect(answer.status).toBe(401);
    expect(shapeErrors(answer.data, UNAUTHORIZED)).toEqual([]);
    expect(JSON.stringify(answer.data)).not.toContain(token);
  });

  it('answers 429 with Retry-After past the limit, and the SDK does not repeat the call', async () => {
    await sandbox.resetAll();
    const sdk = createSdkClients(sandbox.url, sandbox.admin);
    for (let i = 0; i < 3; i++) await sdk.nelm.listNonEmployeeSources({ limit: 1 });
    const answer = await rejection(sdk.nelm.listNonEmployeeSources({ limit: 1 }));
    expect(answer.status).toBe(429);
    expect(Number(headerOf(answer, 'retry-after'))).toBeGreaterThanOrEqual(1);
    expect(typeof answer.data.message).toBe('string');
    const stats = await sandbox.stats();
    expect([stats.total, stats.byStatus]).toEqual([4, { 200: 3, 429: 1 }]);
  });
});
