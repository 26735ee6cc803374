// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { redisServerAvailable, startRedis, type TestRedis } from '../../helpers/redis-server.ts';
import { closeReplicas, type Replica, startReplicas, waitForStore } from '../../helpers/replicas.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

/** One upstream call per request. */
const ONE_CALL = '{ nonEmployeeSources(first: 1) { totalCount } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let redis: TestRedis;
let sandbox: TestSandbox;
let replicas: Replica[] = [];

/** `perSecond` requests a second for `seconds`, round-robin over the replicas, all as `token`. */
async function drive(perSecond: number, seconds: number, token: string) {
  const started = Date.now();
  const results: Array<Promise<{ errors?: unknown }>> = [];
  for (let i = 0; i < perSecond * seconds; i += 1) {
    const due = started + (i * 1000) / perSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    results.push(replicas[i % replicas.length].gql(ONE_CALL, {}, token));
  }
  const settled = await Promise.all(results);
  const failed = settled.filter((result) => result.errors !== undefined);
  return {
    served: settled.length - failed.length,
    total: settled.length,
    failures: failed.slice(0, 3).map((r) => r.errors),
  };
}

describe.skipIf(!redisServerAvailable('the shared rate-limit tests'))(
  'one client budget across replicas',
  () => {
    beforeAll(async () => {
      redis = await startRedis();
      sandbox = await startSandbox({ rateLimit: 100, rateLimitWindowMs: 10_000 });
    });
    afterAll(async () => {
      await sandbox?.close();
      await redis?.stop();
    });
    afterEach(async () => {
      await closeReplicas(replicas);
      replicas = [];
      await sandbox.resetAll();
    });

    // Long (about a minute): two runs of 15 requests/s for 20 s, at ISC's real limit.
    it('LONG: three replicas at 15 requests/s for 20 s draw no 429 with REDIS_URL, and 429s without', async () => {
      const token = await sandbox.tokenFor('admin');
      // A loaded test machine (2 shared cores) can stall a command past the default 50 ms.
      replicas = startReplicas(sandbox, 3, { REDIS_URL: redis.url, REDIS_TIMEOUT_MS: '1000' });
      await waitForStore(replicas, 'up');
      await sandbox.resetStats();
      const shared = await drive(15, 20, token);
      const sharedStats = await sandbox.stats();
      expect(shared).toEqual({ served: 300, total: 300, failures: [] });
      expect(sharedStats.byStatus['429']).toBeUndefined();
      expect(sharedStats.total).toBe(300);

      await closeReplicas(replicas);
      await sandbox.resetAll();
      replicas = startReplicas(sandbox, 3, { UPSTREAM_MAX_ATTEMPTS: '1' });
      const alone = await drive(15, 20, token);
      const aloneStats = await sandbox.stats();
      expect(aloneStats.byStatus['429']).toBeGreaterThan(0);
      expect(alone.served).toBeLessThan(300);
    }, 120_000);

    it("a 429's Retry-After at one replica holds every replica's calls of that client", async () => {
      const token = await sandbox.tokenFor('admin');
      replicas = startReplicas(sandbox, 3, { REDIS_URL: redis.url });
      await waitForStore(replicas, 'up');
      await sandbox.resetStats();
      await sandbox.setFaults({ failNext: [{ status: 429, retryAfterSeconds: 3 }] });
      const first = replicas[0].gql(ONE_CALL, {}, token);
      const until = Date.now() + 5000;
      while ((await sandbox.stats()).byStatus['429'] !== 1) {
        if (Date.now() > until) throw new Error('the injected 429 was not answered');
        await sleep(10);
      }
      const coolingFrom = Date.now();
      const others = [replicas[1].gql(ONE_CALL, {}, token), replicas[2].gql(ONE_CALL, {}, token)];
      await sleep(2500 - (Date.now() - coolingFrom));
      // Only the call that drew the 429 has reached the sandbox.
      expect((await sandbox.stats()).total).toBe(1);
      const results = await Promise.all([first, ...others]);
      expect(results.map((result) => result.errors)).toEqual([undefined, undefined, undefined]);
      expect((await sandbox.stats()).byStatus['200']).toBe(3);
    }, 20_000);

    it("admits a query by the client's window as every replica sees it", async () => {
      const token = await sandbox.tokenFor('admin');
      replicas = startReplicas(sandbox, 2, {
        REDIS_URL: redis.url,
        REDIS_TIMEOUT_MS: '1000',
        UPSTREAM_MAX_RETRY_AFTER_MS: '2000',
      });
      await waitForStore(replicas, 'up');
      await sandbox.resetStats();
      // 90 calls through replica A: one get per id.
      const ids = Array.from({ length: 90 }, (_, i) =>
        Buffer.from(`NonEmployeeRecord:${i.toString(16).padStart(32, '0')}`).toString('base64'),
      );
      const spent = await replicas[0].gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }, token);
      expect((spent.extensions as any)?.cost.actualCalls).toBe(90);

      // Replica B has made no call, yet knows the window has 10 left: 30 cannot wait 2 s for it.
      const started = Date.now();
      const { result, stats } = await sandbox.callsDuring(() =>
        replicas[1].gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids.slice(0, 30) }, token),
      );
      expect(Date.now() - started).toBeLessThan(2000);
      expect(stats.total).toBe(0);
      expect((result.errors as any)?.[0].extensions.code).toBe('RATE_LIMITED');
      // At most 10: the window may still hold the calls of this client's earlier tests.
      const window = (result.extensions as any)?.cost.window;
      expect(window.limit).toBe(100);
      expect(window.remaining).toBeLessThanOrEqual(10);
    }, 30_000);
  },
);
