import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

describe('sandbox rate limit (100 requests per token per 10 s)', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('answers the 101st call of one token with 429 and Retry-After; another token is unaffected', async () => {
    const busy = await sandbox.tokenFor('admin');
    const calm = await sandbox.tokenFor('admin');
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      statuses.push((await sandbox.api('/v3/non-employee-sources?limit=1', { token: busy })).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);

    const limited = await sandbox.api('/v3/non-employee-sources?limit=1', { token: busy });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(await limited.json()).toMatchObject({
      detailCode: '429 Too Many Requests',
      messages: [{ locale: 'en-US' }],
    });

    expect((await sandbox.api('/v3/non-employee-sources?limit=1', { token: calm })).status).toBe(200);
    const stats = await sandbox.stats();
    expect(stats.byStatus['429']).toBe(1);
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
