import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpstreamApi } from '../../../src/upstream/api.ts';
import { createUpstreamApi } from '../../../src/upstream/create-upstream-api.ts';
import { createReadCache, type ReadCache } from '../../../src/upstream/read-cache.ts';
import { createSharedStore, type SharedStore } from '../../../src/upstream/shared-store.ts';
import { redisServerAvailable, startRedis, type TestRedis } from '../../helpers/redis-server.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

let redis: TestRedis;
let sandbox: TestSandbox;
const dispatcher = new Agent();
const stores: SharedStore[] = [];
/** Two replicas' caches: each its own process-local part, one Redis between them. */
let caches: [ReadCache, ReadCache];
let admin: string;

/** The API of `token` through replica `index`'s cache. */
const through = (index: 0 | 1, token: string): UpstreamApi =>
  createUpstreamApi({ baseUrl: sandbox.url, dispatcher, getToken: async () => token, cache: caches[index] });

const until = async (check: () => boolean | Promise<boolean>, what: string) => {
  const deadline = Date.now() + 3000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} within 3 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

let people = 0;
const person = (sourceId: string) => {
  people += 1;
  return {
    sourceId,
    accountName: `cache.person${people}`,
    firstName: 'Ada',
    lastName: `Cache${people}`,
    email: `cache.person${people}@example.com`,
    phone: '5125550100',
    manager: 'jonas.lindqvist',
    startDate: '2030-01-06T00:00:00Z',
    endDate: '2030-12-31T00:00:00Z',
  };
};

/**
 * Reads through B, a write through A, the same read through B within the TTL: B shows the write.
 * Without invalidation every second read would be B's cached first answer.
 */
describe.skipIf(!redisServerAvailable('the shared cache tests'))(
  'a write through one replica, a read through another',
  () => {
    let a: UpstreamApi;
    let b: UpstreamApi;
    let sourceId: string;

    beforeAll(async () => {
      redis = await startRedis();
      sandbox = await startSandbox({ rateLimit: 0 });
      for (let i = 0; i < 2; i += 1)
        stores.push(createSharedStore({ url: redis.url, commandTimeoutMs: 200 }));
      await until(() => stores.every((store) => store.usable()), 'Redis up');
      caches = stores.map((store) =>
        createReadCache({ ttlMs: 60_000, maxEntries: 1000, maxBytes: 1_000_000, store }),
      ) as [ReadCache, ReadCache];
      admin = await sandbox.tokenFor('admin');
      a = through(0, admin);
      b = through(1, admin);
      const source = await a.createNonEmployeeSource({
        name: 'Cache writes',
        description: 'Invalidation across replicas',
        owner: { id: sandbox.client('source-owner').identityId },
        approvers: [{ id: sandbox.client('approver', 0).identityId }],
        accountManagers: [{ id: sandbox.client('account-manager').identityId }],
      });
      sourceId = source.id as string;
    });
    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
      await dispatcher.close();
      await sandbox?.close();
      await redis?.stop();
    });

    it('serves a repeated read from the cache: one upstream call', async () => {
      const { stats } = await sandbox.callsDuring(async () => {
        await b.getNonEmployeeSource(sourceId);
        await b.getNonEmployeeSource(sourceId);
        await through(0, admin).getNonEmployeeSource(sourceId);
      });
      expect(stats.total).toBe(1);
    });

    it('sources: create, update, delete', async () => {
      const names = async () => (await b.listNonEmployeeSources({ limit: 250 })).items.map((s) => s.name);
      expect(await names()).not.toContain('Cache made');
      const made = await a.createNonEmployeeSource({
        name: 'Cache made',
        description: 'x',
        owner: { id: sandbox.client('source-owner').identityId },
      });
      expect(await names()).toContain('Cache made');
      await a.patchNonEmployeeSource(made.id as string, [
        { op: 'replace', path: '/name', value: 'Cache renamed' },
      ]);
      expect((await b.getNonEmployeeSource(made.id as string)).name).toBe('Cache renamed');
      expect(await names()).toContain('Cache renamed');
      await a.deleteNonEmployeeSource(made.id as string);
      expect(await names()).not.toContain('Cache renamed');
    });

    it('schema attributes: create, update, delete', async () => {
      const labels = async () =>
        (await b.getNonEmployeeSourceSchemaAttributes(sourceId)).map((attribute) => attribute.label);
      expect(await labels()).not.toContain('Badge');
      const made = await a.createNonEmployeeSourceSchemaAttributes(sourceId, {
        type: 'TEXT',
        label: 'Badge',
        technicalName: 'badge',
      });
      expect(await labels()).toContain('Badge');
      await a.patchNonEmployeeSchemaAttribute(sourceId, made.id as string, [
        { op: 'replace', path: '/label', value: 'Badge number' },
      ]);
      expect(await labels()).toContain('Badge number');
      await a.deleteNonEmployeeSchemaAttribute(sourceId, made.id as string);
      expect(await labels()).not.toContain('Badge number');
    });

    it('records: create, update, delete (and the source count)', async () => {
      const count = async () =>
        (await b.listNonEmployeeSources({ limit: 250, nonEmployeeCount: true })).items.find(
          (s) => s.id === sourceId,
        )?.nonEmployeeCount;
      const before = await count();
      const record = await a.createNonEmployeeRecord(person(sourceId));
      expect(await count()).toBe((before ?? 0) + 1);
      expect((await b.getNonEmployeeRecord(record.id as string)).endDate).toMatch(/^2030-12-31/);
      await a.patchNonEmployeeRecord(record.id as string, [
        { op: 'replace', path: '/endDate', value: '2031-06-30T00:00:00Z' },
      ]);
      expect((await b.getNonEmployeeRecord(record.id as string)).endDate).toMatch(/^2031-06-30/);
      await a.deleteNonEmployeeRecord(record.id as string);
      await expect(b.getNonEmployeeRecord(record.id as string)).rejects.toMatchObject({ status: 404 });
    });

    it('requests: create, approve, reject, delete (approver and admin are different principals)', async () => {
      const owner = await sandbox.tokenFor('source-owner');
      const approver = await sandbox.tokenFor(sandbox.client('approver', 0));
      const approved = await through(0, owner).createNonEmployeeRequest(person(sourceId));
      expect((await b.getNonEmployeeRequest(approved.id as string)).approvalStatus).toBe('PENDING');
      const [item] = (
        await through(1, approver).listNonEmployeeApprovals({ requestedFor: 'me', limit: 250 })
      ).items.filter((entry) => entry.nonEmployeeRequest?.id === approved.id);
      await through(0, approver).approveNonEmployeeRequest(item.id as string, 'ok');
      expect((await b.getNonEmployeeRequest(approved.id as string)).approvalStatus).toBe('APPROVED');

      const rejected = await through(0, owner).createNonEmployeeRequest(person(sourceId));
      expect((await b.getNonEmployeeRequest(rejected.id as string)).approvalStatus).toBe('PENDING');
      const [other] = (
        await through(1, approver).listNonEmployeeApprovals({ requestedFor: 'me', limit: 250 })
      ).items.filter((entry) => entry.nonEmployeeRequest?.id === rejected.id);
      await through(0, approver).rejectNonEmployeeRequest(other.id as string, 'no');
      expect((await b.getNonEmployeeRequest(rejected.id as string)).approvalStatus).toBe('REJECTED');
      await a.deleteNonEmployeeRequest(rejected.id as string);
      await expect(b.getNonEmployeeRequest(rejected.id as string)).rejects.toMatchObject({ status: 404 });
    });

    it('accounts: disable, enable', async () => {
      const [account] = (await b.listAccounts({ limit: 1 })).items;
      const state = async () => (await b.getAccount(account.id as string)).disabled;
      const was = await state();
      await (was ? a.enableAccount(account.id as string, {}) : a.disableAccount(account.id as string, {}));
      // The tenant applies the task a little later: B reads uncached until it shows, never a stale entry.
      await until(async () => (await state()) === !was, 'the task applied');
      await (was ? a.disableAccount(account.id as string, {}) : a.enableAccount(account.id as string, {}));
      await until(async () => (await state()) === was, 'the task applied');
    });
  },
);
