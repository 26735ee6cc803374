import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTRIBUTE_VALUE_LENGTH } from '../../../src/upstream/wire/nelm-limits.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

describe('sandbox: custom attribute values are checked as a tenant checks them', () => {
  let sandbox: TestSandbox;
  let admin: string;
  let sourceId: string;
  let identityId: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    admin = await sandbox.tokenFor('admin');
    identityId = sandbox.client('approver').identityId;
    const created = await sandbox.api('/v2025/non-employee-sources', {
      token: admin,
      body: {
        name: 'Typed data',
        description: 'test',
        owner: { id: sandbox.client('source-owner').identityId },
      },
    });
    sourceId = ((await created.json()) as { id: string }).id;
    for (const [type, technicalName, required] of [
      ['TEXT', 'badge', true],
      ['DATE', 'contractEnd', false],
      ['IDENTITY', 'sponsor', false],
    ] as const) {
      const response = await sandbox.api(`/v2025/non-employee-sources/${sourceId}/schema-attributes`, {
        token: admin,
        body: { type, label: technicalName, technicalName, required },
      });
      expect(response.status).toBe(200);
    }
  });
  afterAll(() => sandbox.close());

  let people = 0;
  const create = (data: Record<string, unknown>) => {
    people += 1;
    return sandbox.api('/v2025/non-employee-records', {
      token: admin,
      body: {
        accountName: `typed.${people}`,
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: `typed.${people}@example.com`,
        phone: '5125550100',
        manager: 'jonas.lindqvist',
        sourceId,
        startDate: '2030-01-01T00:00:00Z',
        endDate: '2030-06-30T00:00:00Z',
        data,
      },
    });
  };

  it('takes a value of each type', async () => {
    const response = await create({ badge: 'B-1', contractEnd: '2030-06-30', sponsor: identityId });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown }).data).toEqual({
      badge: 'B-1',
      contractEnd: '2030-06-30',
      sponsor: identityId,
    });
  });

  it('refuses in one 400 every problem: a missing required value, a wrong date, an unknown identity, a long text', async () => {
    const response = await create({ contractEnd: 'next June', sponsor: '0000000000000000000000000000beef' });
    expect(response.status).toBe(400);
    const text = ((await response.json()) as { messages: Array<{ text: string }> }).messages[0].text;
    expect(text).toMatch(/'data\.contractEnd' is not an ISO-8601 date/);
    expect(text).toMatch(/'data\.sponsor' is not the id of a known identity/);
    expect(text).toMatch(/data\.badge is required/);

    const long = await create({ badge: 'x'.repeat(MAX_ATTRIBUTE_VALUE_LENGTH + 1) });
    expect(long.status).toBe(400);
    expect(await long.text()).toMatch(/longer than 255 characters/);
  });

  it('checks a JSON Patch of one value by its type', async () => {
    const created = (await (await create({ badge: 'B-2' })).json()) as { id: string };
    const patch = (value: string) =>
      sandbox.api(`/v2025/non-employee-records/${created.id}`, {
        token: admin,
        method: 'PATCH',
        body: JSON.stringify([{ op: 'add', path: '/data/contractEnd', value }]),
        headers: { 'content-type': 'application/json-patch+json' },
      });
    expect((await patch('2031-13-45')).status).toBe(400);
    expect((await patch('2031-01-31')).status).toBe(200);
  });
});
