import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

describe('sandbox rate limit (100 requests per client per 10 s)', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('shares 100 calls between two tokens of one client: the 101st gets 429 and Retry-After; another client is unaffected', async () => {
    const first = await sandbox.tokenFor('admin');
    const second = await sandbox.tokenFor('admin');
    expect(second).not.toBe(first);
    const calm = await sandbox.tokenFor('approver');
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const token = i % 2 === 0 ? first : second;
      statuses.push((await sandbox.api('/v3/non-employee-sources?limit=1', { token })).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);

    const limited = await sandbox.api('/v3/non-employee-sources?limit=1', { token: second });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(await limited.json()).toMatchObject({
      detailCode: '429 Too Many Requests',
      messages: [{ locale: 'en-US' }],
    });

    expect((await sandbox.api('/v3/non-employee-sources?limit=1', { token: first })).status).toBe(429);
    expect((await sandbox.api('/v3/non-employee-approvals?limit=1', { token: calm })).status).toBe(200);
    const stats = await sandbox.stats();
    expect(stats.byStatus['429']).toBe(2);
  });
});

describe('sandbox per-route rate limit', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ routeRateLimits: { 'GET /non-employee-records': 2 } });
  });
  afterAll(() => sandbox.close());

  it('gives a route with a custom limit a budget of its own, apart from the client default', async () => {
    const token = await sandbox.tokenFor('admin');
    expect((await sandbox.api('/v3/non-employee-records?limit=1', { token })).status).toBe(200);
    expect((await sandbox.api('/beta/non-employee-records?limit=1', { token })).status).toBe(200);
    const limited = await sandbox.api('/v3/non-employee-records?limit=1', { token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await sandbox.api('/v3/non-employee-sources?limit=1', { token })).status).toBe(200);
  });
});

describe('sandbox rate limit window', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 3, rateLimitWindowMs: 1_000 });
  });
  afterAll(() => sandbox.close());

  it('lets a token through again once Retry-After has passed', async () => {
    const token = await sandbox.tokenFor('admin');
    for (let i = 0; i < 3; i++)
      expect((await sandbox.api('/v3/non-employee-sources', { token })).status).toBe(200);
    const limited = await sandbox.api('/v3/non-employee-sources', { token });
    expect(limited.status).toBe(429);
    await new Promise((resolve) =>
      setTimeout(resolve, Number(limited.headers.get('retry-after')) * 1000 + 50),
    );
    expect((await sandbox.api('/v3/non-employee-sources', { token })).status).toBe(200);
  });

  it('is off with rateLimit 0', async () => {
    const unlimited = await startSandbox({ rateLimit: 0 });
    try {
      const token = await unlimited.tokenFor('admin');
      for (let i = 0; i < 120; i++) {
        expect((await unlimited.api('/v3/non-employee-sources?limit=0', { token })).status).toBe(200);
      }
    } finally {
      await unlimited.close();
    }
  });
});
