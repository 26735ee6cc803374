import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

describe('sandbox control plane', () => {
  let sandbox: TestSandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    token = await sandbox.tokenFor('admin');
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await sandbox.setFaults({});
    await sandbox.resetStats();
  });

  it('counts requests by method + route template with the version prefix, and by status', async () => {
    const [source] = (await (
      await sandbox.api('/v3/non-employee-sources?limit=1', { token })
    ).json()) as Array<{ id: string }>;
    await sandbox.api(`/v3/non-employee-sources/${source.id}`, { token });
    await sandbox.api(`/beta/non-employee-sources/${source.id}`, { token });
    await sandbox.api('/v3/non-employee-sources/nope', { token });
    await sandbox.api('/v3/no-such-route', { token });
    const stats = await sandbox.stats();
    expect(stats.total).toBe(5);
    expect(stats.byRoute).toEqual({
      'GET /v3/non-employee-sources': 1,
      'GET /v3/non-employee-sources/:sourceId': 2,
      'GET /beta/non-employee-sources/:sourceId': 1,
    });
    expect(stats.byStatus).toEqual({ '200': 3, '404': 2 });
    expect(stats.tokenRequests).toBe(0);

    await sandbox.resetStats();
    expect((await sandbox.stats()).total).toBe(0);
  });

  it('plays a failNext script: drop, then 500, then 200, counting each attempt', async () => {
    await sandbox.setFaults({ failNext: [{ status: 'drop' }, { status: 500 }] });
    const path = '/v3/non-employee-sources?limit=1';
    await expect(sandbox.api(path, { token })).rejects.toThrow();
    const failed = await sandbox.api(path, { token });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ detailCode: '500.0 Internal Fault' });
    expect((await sandbox.api(path, { token })).status).toBe(200);
    const stats = await sandbox.stats();
    expect(stats.byRoute['GET /v3/non-employee-sources']).toBe(3);
    expect(stats.byStatus).toEqual({ dropped: 1, '500': 1, '200': 1 });
  });

  it('injects 429s with the configured Retry-After', async () => {
    await sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const response = await sandbox.api('/v3/non-employee-sources', { token });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('scripts a 503 with failNext and an error rate of 1', async () => {
    await sandbox.setFaults({ failNext: [{ status: 503 }], errorRate: 1 });
    expect((await sandbox.api('/v3/non-employee-sources', { token })).status).toBe(503);
    expect((await sandbox.api('/v3/non-employee-sources', { token })).status).toBe(500);
  });

  it('answers 503 at the unavailable rate', async () => {
    await sandbox.setFaults({ unavailableRate: 1 });
    const response = await sandbox.api('/v3/non-employee-sources', { token });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      detailCode: '503.0 Injected fault',
      messages: [{ text: 'The service is unavailable.' }],
    });
  });

  it('hangs when asked: the request is counted and never answered', async () => {
    await sandbox.setFaults({ hang: true });
    const call = sandbox.api('/v3/non-employee-sources', { token, signal: AbortSignal.timeout(300) });
    await expect(call).rejects.toThrow();
    await sandbox.setFaults({});
    const stats = await sandbox.stats();
    expect(stats.byStatus).toEqual({ hung: 1 });
    expect(stats.byRoute['GET /v3/non-employee-sources']).toBe(1);
  });

  it('refuses invalid fault settings with a 400', async () => {
    const response = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 2 }),
    });
    expect(response.status).toBe(400);
    const unknown = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chaos: true }),
    });
    expect(unknown.status).toBe(400);
  });

  it('reseeds on reset: created data disappears, seeded data is the same', async () => {
    const before = await (await sandbox.api('/v3/non-employee-sources', { token })).json();
    const created = await sandbox.api('/v3/non-employee-sources', {
      token,
      body: { name: 'Temporary', description: 'gone after reset', owner: { id: sandbox.admin.identityId } },
    });
    expect(created.status).toBe(200);
    await sandbox.resetAll();
    const after = await (await sandbox.api('/v3/non-employee-sources', { token })).json();
    expect(after).toEqual(before);
    expect((await sandbox.stats()).total).toBe(1);
  });
});
