import { inspect } from 'node:util';
import type { Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamApi } from '../../../src/upstream/create-upstream-api.ts';
import { UpstreamUnauthenticatedError } from '../../../src/upstream/errors.ts';
import type { UpstreamCallLog } from '../../../src/upstream/http-client.ts';
import { createUpstreamDispatcher } from '../../../src/upstream/transport.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

describe('tokens stay out of errors and call logs', () => {
  let sandbox: TestSandbox;
  let dispatcher: Dispatcher;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    dispatcher = createUpstreamDispatcher({ retry: { maxAttempts: 2, minDelayMs: 1 } });
  });
  afterAll(async () => {
    await dispatcher.close();
    await sandbox.close();
  });

  const everything = (error: unknown) =>
    [inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error), (error as Error).stack].join(
      '\n',
    );

  it('keeps a refused token out of the error and the log entries', async () => {
    const bogus = 'forged-token-value-0123456789abcdef';
    const calls: UpstreamCallLog[] = [];
    const api = createUpstreamApi({
      baseUrl: sandbox.url,
      dispatcher,
      getToken: async () => bogus,
      onCall: (entry) => calls.push(entry),
    });
    const error = await api.listNonEmployeeRecords({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnauthenticatedError);
    expect(everything(error)).not.toContain(bogus);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'GET', path: '/v3/non-employee-records', status: 401 });
    expect(Object.keys(calls[0]).sort()).toEqual(['durationMs', 'method', 'path', 'status']);
  });

  it('keeps a valid token out of the error of a failed transport', async () => {
    const token = await sandbox.tokenFor('admin');
    const api = createUpstreamApi({ baseUrl: sandbox.url, dispatcher, getToken: async () => token });
    await sandbox.setFaults({ failNext: [{ status: 'drop' }, { status: 'drop' }] });
    const error = await api.getNonEmployeeRecord('x').catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(everything(error)).not.toContain(token);
    expect(everything(error)).not.toContain(token.split('.')[2]);
  });
});
