import type { Dispatcher } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UpstreamApi } from '../../../src/upstream/api.ts';
import { createUpstreamApi } from '../../../src/upstream/create-upstream-api.ts';
import {
  UpstreamBadRequestError,
  UpstreamOutcomeUnknownError,
  UpstreamRateLimitedError,
  UpstreamUnavailableError,
} from '../../../src/upstream/errors.ts';
import { createUpstreamDispatcher } from '../../../src/upstream/transport.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

const SOURCE = {
  name: 'Retry contractors',
  description: 'made by the retry test',
  owner: { id: '' },
};

describe('upstream retries against sandbox faults', () => {
  let sandbox: TestSandbox;
  let dispatcher: Dispatcher;
  let api: UpstreamApi;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    // Short backoff keeps the test quick; Retry-After is still honoured in full.
    dispatcher = createUpstreamDispatcher({
      retry: { minDelayMs: 5, maxDelayMs: 20, maxAttempts: 4, maxRetryAfterMs: 5_000 },
    });
    const token = await sandbox.tokenFor('admin');
    api = createUpstreamApi({ baseUrl: sandbox.url, dispatcher, getToken: async () => token });
    SOURCE.owner.id = sandbox.admin.identityId;
  });
  afterAll(async () => {
    await dispatcher.close();
    await sandbox.close();
  });
  beforeEach(() => sandbox.resetAll());

  it('retries a read through a reset, a 503 and a 429 (after its Retry-After), then succeeds', async () => {
    await sandbox.setFaults({
      failNext: [{ status: 'drop' }, { status: 503 }, { status: 429, retryAfterSeconds: 1 }],
    });
    const started = performance.now();
    const page = await api.listNonEmployeeSources({ limit: 5 });
    // Not earlier than the 429 asked: a lower bound only, the speed itself is not under test.
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(page.items).toHaveLength(5);
    const stats = await sandbox.stats();
    expect(stats.total).toBe(4);
    expect(stats.byStatus).toEqual({ dropped: 1, '503': 1, '429': 1, '200': 1 });
  });

  it('gives up after maxAttempts with the last answer, typed and with its trackingId', async () => {
    await sandbox.setFaults({ failNext: Array.from({ length: 6 }, () => ({ status: 503 })) });
    const error = await api.listNonEmployeeSources({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      status: 503,
      detailCode: '503.0 Injected fault',
    });
    expect((error as UpstreamUnavailableError).trackingId).toMatch(/^[0-9a-f]{32}$/);
    expect((await sandbox.stats()).total).toBe(4);
  });

  it('gives up on resets after maxAttempts as UPSTREAM_UNAVAILABLE', async () => {
    await sandbox.setFaults({ failNext: Array.from({ length: 6 }, () => ({ status: 'drop' as const })) });
    const error = await api.getNonEmployeeSource('anything').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as UpstreamUnavailableError).status).toBe(0);
    expect((await sandbox.stats()).total).toBe(4);
  });

  it('does not retry a 500 or a 4xx', async () => {
    await sandbox.setFaults({ failNext: [{ status: 500 }] });
    await expect(api.listNonEmployeeSources({})).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await sandbox.setFaults({ failNext: [{ status: 400 }] });
    await expect(api.listNonEmployeeSources({})).rejects.toBeInstanceOf(UpstreamBadRequestError);
    expect((await sandbox.stats()).total).toBe(2);
  });

  it('never retries a write: a 503 reaches the sandbox exactly once', async () => {
    await sandbox.setFaults({ failNext: [{ status: 503 }] });
    const error = await api.createNonEmployeeSource(SOURCE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as UpstreamUnavailableError).code).toBe('UPSTREAM_UNAVAILABLE');
    const stats = await sandbox.stats();
    expect(stats.total).toBe(1);
    expect(stats.byRoute).toEqual({ 'POST /v3/non-employee-sources': 1 });
  });

  it('never retries a write through a reset or a 429', async () => {
    await sandbox.setFaults({ failNext: [{ status: 'drop' }] });
    // Dropped after it was sent: the write may have been applied, so its outcome is unknown.
    await expect(api.deleteNonEmployeeRecord('r-1')).rejects.toBeInstanceOf(UpstreamOutcomeUnknownError);
    await sandbox.setFaults({ failNext: [{ status: 429, retryAfterSeconds: 1 }] });
    const error = await api.patchNonEmployeeSource('s-1', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRateLimitedError);
    expect((error as UpstreamRateLimitedError).retryAfterSeconds).toBe(1);
    expect((await sandbox.stats()).total).toBe(2);
  });

  it('fails at once as RATE_LIMITED when Retry-After is beyond the cap', async () => {
    await sandbox.setFaults({ failNext: [{ status: 429, retryAfterSeconds: 120 }] });
    const error = await api.listNonEmployeeRecords({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamRateLimitedError);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 120 });
    expect((await sandbox.stats()).total).toBe(1);
  });

  it('takes a per-API retry policy over the transport one', async () => {
    const token = await sandbox.tokenFor('admin');
    const once = createUpstreamApi({
      baseUrl: sandbox.url,
      dispatcher,
      getToken: async () => token,
      retry: { maxAttempts: 1 },
    });
    await sandbox.setFaults({ failNext: [{ status: 503 }] });
    await expect(once.listNonEmployeeSources({})).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect((await sandbox.stats()).total).toBe(1);

    const also500 = createUpstreamApi({
      baseUrl: sandbox.url,
      dispatcher,
      getToken: async () => token,
      retry: { minDelayMs: 1, statusCodes: [500, 503] },
    });
    await sandbox.setFaults({ failNext: [{ status: 500 }] });
    expect((await also500.listNonEmployeeSources({ limit: 1 })).items).toHaveLength(1);
    expect((await sandbox.stats()).total).toBe(3);
  });

  it('times out a hung read as UPSTREAM_UNAVAILABLE, without retrying it', async () => {
    const impatient = createUpstreamDispatcher({ headersTimeoutMs: 300, retry: { minDelayMs: 1 } });
    const token = await sandbox.tokenFor('admin');
    const hungApi = createUpstreamApi({
      baseUrl: sandbox.url,
      dispatcher: impatient,
      getToken: async () => token,
    });
    await sandbox.setFaults({ hang: true });
    const error = await hungApi.listNonEmployeeSources({}).catch((e: unknown) => e);
    await impatient.destroy();
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).message).toBe('GET /v3/non-employee-sources timed out (UND_ERR_HEADERS_TIMEOUT)');
    expect((await sandbox.stats()).total).toBe(1);
  });

  it('stops waiting for a Retry-After when the caller aborts', async () => {
    const controller = new AbortController();
    const token = await sandbox.tokenFor('admin');
    const aborting = createUpstreamApi({
      baseUrl: sandbox.url,
      dispatcher,
      getToken: async () => token,
      signal: controller.signal,
    });
    await sandbox.setFaults({ failNext: [{ status: 429, retryAfterSeconds: 4 }] });
    const call = aborting.listNonEmployeeSources({}).catch((e: unknown) => e);
    // Abort once the 429 has been answered, i.e. while the client waits to retry.
    while ((await sandbox.stats()).total === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('caller went away'));
    const error = await call;
    expect((error as Error).message).toBe('caller went away');
    expect((await sandbox.stats()).total).toBe(1);
  });
});
