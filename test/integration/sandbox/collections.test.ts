import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

interface RecordBody {
  id: string;
  accountName: string;
  lastName: string;
  sourceId: string;
}

describe('sandbox collections over HTTP', () => {
  let sandbox: TestSandbox;
  let token: string;
  let sources: Array<{ id: string; name: string }>;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0, scale: { sources: 4, recordsPerSource: 300 } });
    token = await sandbox.tokenFor('admin');
    sources = (await (await sandbox.api('/v3/non-employee-sources', { token })).json()) as typeof sources;
  });
  afterAll(() => sandbox.close());

  const get = (path: string) => sandbox.api(path, { token });
  const bySource = (id: string) => `filters=${encodeURIComponent(`sourceId eq "${id}"`)}`;

  it('pages with limit and offset, and puts the total in X-Total-Count only with count=true', async () => {
    const all = await get('/v3/non-employee-records?count=true');
    expect(all.headers.get('x-total-count')).toBe('1200');
    expect(await all.json()).toHaveLength(250);
    expect((await get('/v3/non-employee-records')).headers.get('x-total-count')).toBeNull();

    const across = (await (await get('/v3/non-employee-records?offset=290&limit=20')).json()) as RecordBody[];
    expect(across.map((r) => r.sourceId)).toEqual([
      ...Array(10).fill(sources[0].id),
      ...Array(10).fill(sources[1].id),
    ]);

    const tail = await get(`/v3/non-employee-records?${bySource(sources[2].id)}&offset=290&count=true`);
    expect(tail.headers.get('x-total-count')).toBe('300');
    expect(await tail.json()).toHaveLength(10);
    expect(await (await get('/v3/non-employee-records?offset=5000')).json()).toEqual([]);
    expect(await (await get('/v3/non-employee-records?limit=0')).json()).toEqual([]);
  });

  it('returns the same pages for sourceId eq as the whole list, source by source', async () => {
    const filtered = (await (
      await get(`/v3/non-employee-records?${bySource(sources[1].id)}&limit=50`)
    ).json()) as RecordBody[];
    const unfiltered = (await (
      await get('/v3/non-employee-records?offset=300&limit=50')
    ).json()) as RecordBody[];
    expect(filtered).toEqual(unfiltered);
    expect(new Set(filtered.map((r) => r.sourceId))).toEqual(new Set([sources[1].id]));
  });

  it('sorts by documented fields, descending with -', async () => {
    const sorted = (await (
      await get(`/v3/non-employee-records?${bySource(sources[0].id)}&sorters=-lastName,accountName&limit=250`)
    ).json()) as RecordBody[];
    const keys = sorted.map((r) => [r.lastName.toLowerCase(), r.accountName.toLowerCase()] as const);
    for (let i = 1; i < keys.length; i++) {
      const [prev, next] = [keys[i - 1], keys[i]];
      expect(prev[0] > next[0] || (prev[0] === next[0] && prev[1] <= next[1])).toBe(true);
    }
    const names = (await (await get('/v3/non-employee-sources?sorters=-name')).json()) as Array<{
      name: string;
    }>;
    expect(names.map((s) => s.name)).toEqual(
      [...sources.map((s) => s.name)].sort((a, b) => b.localeCompare(a)),
    );
  });

  it('keeps sorted pages consistent across offsets, and sees writes made between them', async () => {
    const path = (offset: number) =>
      `/v3/non-employee-records?sorters=-accountName&limit=100&offset=${offset}`;
    const first = (await (await get(path(0))).json()) as RecordBody[];
    const second = (await (await get(path(100))).json()) as RecordBody[];
    const whole = (await (
      await get('/v3/non-employee-records?sorters=-accountName&limit=200')
    ).json()) as RecordBody[];
    expect([...first, ...second]).toEqual(whole);

    const created = await sandbox.api('/v3/non-employee-records', {
      token,
      body: {
        accountName: 'zzz.last',
        firstName: 'Zed',
        lastName: 'Last',
        email: 'zzz.last@example.com',
        phone: '5125550100',
        manager: 'amara.okafor',
        sourceId: sources[3].id,
        startDate: '2030-01-01',
        endDate: '2030-02-01',
      },
    });
    expect(created.status).toBe(200);
    const [top] = (await (await get(path(0))).json()) as RecordBody[];
    expect(top.accountName).toBe('zzz.last');
  });

  it('answers 400 for fields, operators and sorters outside the allow-list', async () => {
    for (const path of [
      '/v3/non-employee-records?filters=accountName%20eq%20%22x%22',
      '/v3/non-employee-records?filters=sourceId%20in%20(%22x%22)',
      '/v3/non-employee-records?filters=sourceId%20eq',
      '/v3/non-employee-records?sorters=password',
      '/v3/non-employee-approvals?filters=approvalStatus%20ne%20%22PENDING%22',
      '/v3/non-employee-sources?filters=name%20eq%20%22x%22',
      '/v3/non-employee-records?limit=500',
      '/v3/non-employee-sources?non-employee-count=maybe',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ detailCode: '400.1 Bad Request Content' });
    }
  });

  it('filters approvals by status and requests by source', async () => {
    const approvals = (await (
      await get('/v3/non-employee-approvals?filters=approvalStatus%20eq%20%22REJECTED%22')
    ).json()) as Array<{ approvalStatus: string }>;
    expect(approvals.length).toBeGreaterThan(0);
    expect(approvals.every((a) => a.approvalStatus === 'REJECTED')).toBe(true);

    const manager = sandbox.client('account-manager').identityId;
    const requests = (await (
      await get(`/v3/non-employee-requests?requested-for=${manager}&${bySource(sources[0].id)}`)
    ).json()) as Array<{ sourceId: string; approvalStatus: string }>;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.sourceId === sources[0].id)).toBe(true);
    expect(new Set(requests.map((r) => r.approvalStatus))).toEqual(
      new Set(['APPROVED', 'REJECTED', 'PENDING', 'CANCELLED', 'NOT_READY']),
    );
    expect((await get('/v3/non-employee-requests')).status).toBe(400);
  });

  it('returns nonEmployeeCount only with non-employee-count=true', async () => {
    const [withCount] = (await (
      await get('/v3/non-employee-sources?non-employee-count=true&limit=1')
    ).json()) as Array<{
      nonEmployeeCount: number | null;
    }>;
    expect(withCount.nonEmployeeCount).toBe(300);
    const [without] = (await (await get('/v3/non-employee-sources?limit=1')).json()) as Array<{
      nonEmployeeCount: null;
    }>;
    expect(without.nonEmployeeCount).toBeNull();
  });
});
