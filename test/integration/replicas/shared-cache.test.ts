import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_OVERVIEW } from '../../../src/schema/example-operations.ts';
import { redisServerAvailable, startRedis, type TestRedis } from '../../helpers/redis-server.ts';
import { closeReplicas, type Replica, startReplicas, waitForStore } from '../../helpers/replicas.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SOURCES = '{ nonEmployeeSources(first: 50) { edges { node { iscId name } } } }';

let redis: TestRedis;
let sandbox: TestSandbox;
let replicas: Replica[] = [];

describe.skipIf(!redisServerAvailable('the shared cache tests'))(
  'the principal-scoped cache across replicas',
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
    });

    it('LONG: 10 viewers polling the dashboard every second over 3 replicas for 20 s cost at most 5 dashboards', async () => {
      const service = { GATEWAY_ALLOW_SERVICE_ACCOUNT: 'true' };
      const [plain] = startReplicas(sandbox, 1, service);
      const { stats: once } = await sandbox.callsDuring(() => plain.gql(DASHBOARD_OVERVIEW));
      await closeReplicas([plain]);
      const cost = once.total;
      expect(cost).toBeGreaterThan(3);

      // A loaded test machine (2 shared cores) can stall a command past the default 50 ms.
      replicas = startReplicas(sandbox, 3, {
        ...service,
        REDIS_URL: redis.url,
        REDIS_TIMEOUT_MS: '1000',
        CACHE_TTL_MS: '5000',
      });
      await waitForStore(replicas, 'up');
      await sandbox.resetStats();
      const started = Date.now();
      const viewers = Array.from({ length: 10 }, async (_, viewer) => {
        const failures: unknown[] = [];
        for (let poll = 0; poll < 20; poll += 1) {
          const due = started + poll * 1000 + viewer * 37;
          if (due > Date.now()) await sleep(due - Date.now());
          const result = await replicas[(viewer + poll) % 3].gql(DASHBOARD_OVERVIEW);
          if (result.errors)
            failures.push(...result.errors.map((error) => `${error.extensions?.code}: ${error.message}`));
        }
        return failures;
      });
      expect((await Promise.all(viewers)).flat()).toEqual([]);
      const stats = await sandbox.stats();
      expect(stats.total).toBeLessThanOrEqual(cost * Math.ceil(20 / 5) + cost);
      const metrics = await (await replicas[0].get('/metrics')).text();
      expect(metrics).toMatch(/gateway_upstream_cache_total\{outcome="hit"\} [1-9]/);
    }, 60_000);

    it('an approve through replica A shows in a read through replica B within the TTL', async () => {
      replicas = startReplicas(sandbox, 2, { REDIS_URL: redis.url, CACHE_TTL_MS: '60000' });
      await waitForStore(replicas, 'up');
      const admin = await sandbox.tokenFor('admin');
      const approverClient = sandbox.client('approver', 0);
      const approver = await sandbox.tokenFor(approverClient);
      const owner = await sandbox.tokenFor('source-owner');
      const source = (await (
        await sandbox.api('/v3/non-employee-sources', {
          token: admin,
          body: {
            name: 'Approve across replicas',
            description: 'x',
            owner: { id: sandbox.client('source-owner').identityId },
            approvers: [{ id: approverClient.identityId }],
          },
        })
      ).json()) as { id: string };
      const request = (await (
        await sandbox.api('/v3/non-employee-requests', {
          token: owner,
          body: {
            sourceId: source.id,
            accountName: 'across.replicas',
            firstName: 'Across',
            lastName: 'Replicas',
            email: 'across.replicas@example.com',
            phone: '5125550100',
            manager: 'jonas.lindqvist',
            startDate: '2030-01-06T00:00:00Z',
            endDate: '2030-12-31T00:00:00Z',
          },
        })
      ).json()) as { id: string; approvalItems: Array<{ id: string }> };
      const READ = 'query($id: ID!) { nonEmployeeRequest(id: $id) { approvalStatus } }';
      const before = await replicas[1].gql(READ, { id: request.id }, admin);
      expect(before.data?.nonEmployeeRequest.approvalStatus).toBe('PENDING');
      const approved = await replicas[0].gql(
        `mutation($input: ApproveNonEmployeeRequestInput!) { approveNonEmployeeRequest(input: $input) { __typename } }`,
        { input: { id: request.approvalItems[0].id } },
        approver,
      );
      expect(approved.data?.approveNonEmployeeRequest.__typename).toBe('ApproveNonEmployeeRequestPayload');
      const after = await replicas[1].gql(READ, { id: request.id }, admin);
      expect(after.data?.nonEmployeeRequest.approvalStatus).toBe('APPROVED');
    });

    it('two principals reading the same list through the cache each see what the sandbox shows them', async () => {
      replicas = startReplicas(sandbox, 1, { REDIS_URL: redis.url, CACHE_TTL_MS: '60000' });
      await waitForStore(replicas, 'up');
      const tokens = {
        admin: await sandbox.tokenFor('admin'),
        manager: await sandbox.tokenFor('account-manager'),
      };
      const seen: Record<string, string[]> = {};
      for (const [who, token] of Object.entries(tokens)) {
        const direct = await sandbox.getJson<Array<{ id: string }>>(
          '/v3/non-employee-sources?limit=50',
          token,
        );
        for (let round = 0; round < 2; round += 1) {
          const result = await replicas[0].gql(SOURCES, {}, token);
          expect(result.errors).toBeUndefined();
          const ids = result.data?.nonEmployeeSources.edges.map(
            (edge: { node: { iscId: string } }) => edge.node.iscId,
          );
          expect(ids).toEqual(direct.map((source) => source.id));
          seen[who] = ids;
        }
      }
      expect(seen.manager.length).toBeLessThan(seen.admin.length);
    });

    it('Redis stopped mid-run: no request fails, and after its restart sharing resumes within 5 s', async () => {
      replicas = startReplicas(sandbox, 3, { REDIS_URL: redis.url, CACHE_TTL_MS: '60000' });
      await waitForStore(replicas, 'up');
      const token = await sandbox.tokenFor('admin');
      const results: Array<Promise<{ errors?: unknown }>> = [];
      for (let i = 0; i < 40; i += 1) {
        if (i === 10) await redis.stop();
        if (i === 25) await redis.start();
        results.push(
          replicas[i % 3].gql(
            'query($n: Int) { nonEmployeeSources(first: $n) { totalCount } }',
            { n: 1 + (i % 7) },
            token,
          ),
        );
        await sleep(100);
      }
      expect((await Promise.all(results)).filter((result) => result.errors)).toEqual([]);
      const restarted = Date.now();
      await waitForStore(replicas, 'up', 5000);
      const ready = await (await replicas[0].get('/ready')).json();
      expect(ready).toEqual({ status: 'ready', sharedStore: 'up' });
      // Shared again: a read through one replica is a hit on the others (each replica renews the
      // generations once as it recovers, so a read just before that may be read again once).
      let calls = Number.POSITIVE_INFINITY;
      for (let first = 11; calls !== 1 && Date.now() - restarted < 5000; first += 1) {
        const query = `{ nonEmployeeSources(first: ${first}) { totalCount } }`;
        const { stats } = await sandbox.callsDuring(async () => {
          for (const replica of replicas) await replica.gql(query, {}, token);
        });
        calls = stats.total;
      }
      expect(calls).toBe(1);
    }, 30_000);
  },
);
