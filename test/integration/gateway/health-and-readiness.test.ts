import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createGateway } from '../../../src/gateway.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { startSandbox } from '../../helpers/sandbox.ts';

let t: TestGateway;

const get = (path: string) => t.gateway.fetch(`http://gateway.test${path}`);

/** Polls `/ready` until it answers `status` (bounded), returning that answer's body. */
async function waitForReady(
  fetchReady: () => Response | Promise<Response>,
  status: number,
  withinMs: number,
) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const response = await fetchReady();
    const body = await response.json();
    if (response.status === status) return body;
    if (Date.now() > deadline) throw new Error(`/ready stayed ${response.status}: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  t = await startGateway({ serviceAccount: true });
});
afterAll(async () => {
  await t.sandbox.setFaults({});
  await t.close();
});

describe('/health', () => {
  it('answers 200 at exactly /health, and 404 with a JSON body elsewhere', async () => {
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    for (const path of ['/nonsense', '/nonsense/health', '/graphql/health', '/nonsense/graphql']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await response.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });
});

describe('/ready', () => {
  it('is 200 on a healthy sandbox after one cheap call, reused for a few seconds', async () => {
    await t.sandbox.resetStats();
    const first = await get('/ready');
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: 'ready' });
    expect((await get('/ready')).status).toBe(200);
    const stats = await t.sandbox.stats();
    expect(stats.total).toBe(1);
    expect(stats.tokenRequests).toBeLessThanOrEqual(1);
  });

  it('turns 503 with a reason within 5 s of the sandbox hanging, and 200 again after', async () => {
    await t.sandbox.setFaults({ hang: true });
    const body = await waitForReady(() => get('/ready'), 503, 5000);
    expect(body).toEqual({ status: 'unavailable', reason: expect.stringMatching(/^upstream: /) });
    await t.sandbox.setFaults({});
    await waitForReady(() => get('/ready'), 200, 5000);
  });

  it('is 503 from the moment shutdown begins', async () => {
    let stopping = false;
    const gateway = createGateway(
      loadConfig({ SAIL_BASE_URL: t.sandbox.url, LOG_LEVEL: 'silent', UPSTREAM_RATE_LIMIT: '0' }),
      { isShuttingDown: () => stopping },
    );
    try {
      expect((await gateway.fetch('http://gateway.test/ready')).status).toBe(200);
      stopping = true;
      const response = await gateway.fetch('http://gateway.test/ready');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', reason: 'shutting down' });
    } finally {
      await gateway.dispose();
    }
  });

  it('without a service account, checks that the token endpoint answers', async () => {
    const sandbox = await startSandbox({ rateLimit: 0 });
    const config = loadConfig({ SAIL_BASE_URL: sandbox.url, LOG_LEVEL: 'silent', UPSTREAM_RATE_LIMIT: '0' });
    const gateway = createGateway(config);
    const ready = () => gateway.fetch('http://gateway.test/ready');
    try {
      expect((await ready()).status).toBe(200);
      expect((await sandbox.stats()).tokenRequests).toBe(1);
      await sandbox.close();
      await waitForReady(ready, 503, 5000);
    } finally {
      await gateway.dispose();
    }
  });
});

describe('/', () => {
  it('points to /graphql and the exports, as JSON or as a page', async () => {
    const t = await startGateway();
    try {
      const json = await t.gateway.fetch('http://gateway.test/');
      expect(json.status).toBe(200);
      expect(await json.json()).toMatchObject({ graphql: '/graphql', exports: expect.any(Array) });
      const page = await t.gateway.fetch('http://gateway.test/', { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain('<a href="/graphql">');
    } finally {
      await t.close();
    }
  });
});
