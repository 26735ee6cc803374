import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamApi } from '../../../src/upstream/create-upstream-api.ts';
import { createReadCache } from '../../../src/upstream/read-cache.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

let sandbox: TestSandbox;
const dispatcher = new Agent();

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: 0 });
});
afterAll(async () => {
  await dispatcher.close();
  await sandbox.close();
});

describe('the read cache without Redis (one replica)', () => {
  it('serves repeats from the process, per principal, and reads afresh after a write', async () => {
    const cache = createReadCache({ ttlMs: 60_000, maxEntries: 100, maxBytes: 1_000_000, store: null });
    const apiOf = (token: string) =>
      createUpstreamApi({ baseUrl: sandbox.url, dispatcher, getToken: async () => token, cache });
    const admin = apiOf(await sandbox.tokenFor('admin'));
    const manager = apiOf(await sandbox.tokenFor('account-manager'));
    const { result, stats } = await sandbox.callsDuring(async () => {
      const concurrent = await Promise.all([1, 2, 3].map(() => admin.listNonEmployeeSources({ limit: 50 })));
      const again = await admin.listNonEmployeeSources({ limit: 50 });
      const theirs = await manager.listNonEmployeeSources({ limit: 50 });
      return { concurrent, again, theirs };
    });
    // Three concurrent reads and a repeat are one call; another principal makes its own.
    expect(stats.total).toBe(2);
    expect(result.again.items).toEqual(result.concurrent[0].items);
    expect(result.theirs.items.length).toBeLessThan(result.again.items.length);

    const [first] = result.again.items;
    await admin.patchNonEmployeeSource(first.id as string, [
      { op: 'replace', path: '/name', value: 'Renamed here' },
    ]);
    const after = await admin.listNonEmployeeSources({ limit: 50 });
    expect(after.items.find((source) => source.id === first.id)?.name).toBe('Renamed here');
  });
});
