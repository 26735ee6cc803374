import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

const HEADER = ['accountName', 'firstName', 'lastName', 'phone', 'email', 'manager', 'startDate', 'endDate'];

function csvOf(rows: string[][]): string {
  return `${[HEADER, ...rows].map((row) => row.join(',')).join('\n')}\n`;
}

function rowsOf(count: number, prefix: string): string[][] {
  return Array.from({ length: count }, (_, i) => [
    `${prefix}${i}`,
    'Bulk',
    `Person${i}`,
    `512555${String(i).padStart(4, '0')}`,
    `${prefix}${i}@example.com`,
    'amara.okafor',
    '2030-01-01T00:00:00.000Z',
    '2030-06-30T00:00:00.000Z',
  ]);
}

describe('sandbox bulk upload and export', () => {
  let sandbox: TestSandbox;
  let token: string;
  let sourceId: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    token = await sandbox.tokenFor('admin');
    const response = await sandbox.api('/v3/non-employee-sources', {
      token,
      body: { name: 'Bulk source', description: 'bulk tests', owner: { id: sandbox.admin.identityId } },
    });
    sourceId = ((await response.json()) as { id: string }).id;
  });
  afterAll(() => sandbox.close());

  async function upload(csv: string) {
    const form = new FormData();
    form.append('data', new Blob([csv], { type: 'text/csv' }), 'upload.csv');
    return sandbox.api(`/v3/non-employee-sources/${sourceId}/non-employee-bulk-upload`, {
      token,
      body: form,
    });
  }

  async function finalStatus(): Promise<{
    status: string;
    errors?: Array<{ line: number; message: string }>;
  }> {
    for (;;) {
      const response = await sandbox.api(
        `/v3/non-employee-sources/${sourceId}/non-employee-bulk-upload/status`,
        { token },
      );
      const body = (await response.json()) as { status: string };
      expect(['PENDING', 'IN_PROGRESS', 'COMPLETED', 'ERROR']).toContain(body.status);
      if (body.status === 'COMPLETED' || body.status === 'ERROR') return body;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('reports no job before the first upload', async () => {
    const fresh = await sandbox.api('/v3/non-employee-sources', {
      token,
      body: { name: 'No uploads yet', description: '', owner: { id: sandbox.admin.identityId } },
    });
    const { id } = (await fresh.json()) as { id: string };
    const status = await sandbox.api(`/v3/non-employee-sources/${id}/non-employee-bulk-upload/status`, {
      token,
    });
    expect(await status.json()).toEqual({ status: null });
  });

  it('imports 1,000 rows as a job that completes, and exports them back as CSV', async () => {
    const rows = rowsOf(1000, 'bulk.user');
    const accepted = await upload(csvOf(rows));
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toMatchObject({ sourceId, status: 'PENDING', id: expect.any(String) });
    expect((await finalStatus()).status).toBe('COMPLETED');

    const listed = await sandbox.api(
      `/v3/non-employee-records?count=true&limit=1&filters=${encodeURIComponent(`sourceId eq "${sourceId}"`)}`,
      { token },
    );
    expect(listed.headers.get('x-total-count')).toBe('1000');

    const exported = await sandbox.api(`/v3/non-employee-sources/${sourceId}/non-employees/download`, {
      token,
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...back] = parse(await exported.text()) as string[][];
    expect(header).toEqual(HEADER);
    expect(back).toEqual(rows);
  });

  it('updates existing rows by account name on a second upload', async () => {
    const rows = rowsOf(2, 'bulk.user').map((row) => row.with(2, 'Renamed'));
    expect((await upload(csvOf(rows))).status).toBe(202);
    expect((await finalStatus()).status).toBe('COMPLETED');
    const exported = parse(
      await (
        await sandbox.api(`/v3/non-employee-sources/${sourceId}/non-employees/download`, { token })
      ).text(),
    ) as string[][];
    expect(exported).toHaveLength(1001);
    expect(exported.slice(1, 4).map((row) => row[2])).toEqual(['Renamed', 'Renamed', 'Person2']);
  });

  it("refuses a CSV with bad rows with a 400 that lists each row's error, one per line, importing nothing", async () => {
    const rows = rowsOf(4, 'bad.batch');
    rows[1][6] = 'not-a-date';
    rows[3][6] = 'also-not-a-date';
    const before = await (
      await sandbox.api(`/v3/non-employee-sources/${sourceId}/non-employee-bulk-upload/status`, { token })
    ).json();
    const refused = await upload(csvOf(rows));
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as {
      detailCode: string;
      messages: Array<{ text: string }>;
      causes: Array<{ text: string }>;
    };
    expect(body.detailCode).toBe('400.1 Bad Request Content');
    const lines = body.messages[0].text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Line 3: .*startDate/);
    expect(lines[1]).toMatch(/^Line 5: .*startDate/);
    expect(body.causes.map((cause) => cause.text)).toEqual(lines);
    // No job was started: the newest job is still the one before.
    const after = await (
      await sandbox.api(`/v3/non-employee-sources/${sourceId}/non-employee-bulk-upload/status`, { token })
    ).json();
    expect(after).toEqual(before);
    const listed = await sandbox.api(
      `/v3/non-employee-records?count=true&limit=0&filters=${encodeURIComponent(`sourceId eq "${sourceId}"`)}`,
      { token },
    );
    expect(listed.headers.get('x-total-count')).toBe('1000');
  });

  it('refuses a garbled or headerless CSV with a 400 before any job', async () => {
    const garbled = await upload('accountName,firstName\n"unterminated,quote\n');
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toMatchObject({ detailCode: '400.1 Bad Request Content' });
    expect((await upload('just,some,columns\n1,2,3\n')).status).toBe(400);
    expect((await upload(`${HEADER.join(',')}\n`)).status).toBe(400);
  });

  it('refuses a body that is not multipart, or lacks the data part', async () => {
    const json = await sandbox.api(`/v3/non-employee-sources/${sourceId}/non-employee-bulk-upload`, {
      token,
      body: { data: 'x' },
    });
    expect(json.status).toBe(415);
    const form = new FormData();
    form.append('file', new Blob(['a']), 'a.csv');
    const missing = await sandbox.api(`/v3/non-employee-sources/${sourceId}/non-employee-bulk-upload`, {
      token,
      body: form,
    });
    expect(missing.status).toBe(400);
  });

  it('exports the schema template as a CSV header', async () => {
    const response = await sandbox.api(
      `/v3/non-employee-sources/${sourceId}/schema-attributes-template/download`,
      {
        token,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await response.text()).toBe(`${HEADER.join(',')}\n`);
  });
});
