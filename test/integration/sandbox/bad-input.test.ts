import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

describe('sandbox bad input: 4xx with an ErrorResponseDto, never a 500', () => {
  let sandbox: TestSandbox;
  let token: string;
  let sourceId: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    token = await sandbox.tokenFor('admin');
    const [source] = (await (
      await sandbox.api('/v3/non-employee-sources?limit=1', { token })
    ).json()) as Array<{
      id: string;
    }>;
    sourceId = source.id;
  });
  afterAll(async () => {
    const stats = await sandbox.stats();
    expect(stats.byStatus['500']).toBeUndefined();
    await sandbox.close();
  });

  const validRecord = () => ({
    accountName: 'bad.input',
    firstName: 'Bad',
    lastName: 'Input',
    email: 'bad.input@example.com',
    phone: '5125550000',
    manager: 'amara.okafor',
    sourceId,
    startDate: '2030-01-01T00:00:00Z',
    endDate: '2030-02-01T00:00:00Z',
  });

  async function expectError(response: Response, status: number, text?: string | RegExp) {
    expect(response.status).toBe(status);
    const body = (await response.json()) as {
      detailCode: string;
      trackingId: string;
      messages: Array<{ text: string }>;
    };
    expect(body.detailCode).toMatch(new RegExp(`^${status}\\b`));
    expect(body.trackingId).toMatch(/^[0-9a-f]{32}$/);
    expect(body.messages[0]).toMatchObject({ locale: 'en-US', localeOrigin: 'DEFAULT' });
    if (text) expect(body.messages[0].text).toMatch(text);
  }

  it('malformed JSON → 400', async () => {
    const response = await sandbox.api('/v3/non-employee-records', {
      token,
      body: '{"accountName": ',
      headers: { 'content-type': 'application/json' },
    });
    await expectError(response, 400, /Malformed JSON/);
  });

  it('wrong content type → 415; PATCH as application/json → 415', async () => {
    const text = await sandbox.api('/v3/non-employee-records', {
      token,
      body: JSON.stringify(validRecord()),
      headers: { 'content-type': 'text/plain' },
    });
    await expectError(text, 415);
    const patch = await sandbox.api(`/v3/non-employee-sources/${sourceId}`, {
      token,
      method: 'PATCH',
      body: [{ op: 'replace', path: '/name', value: 'x' }],
    });
    await expectError(patch, 415, /json-patch\+json/);
  });

  it('missing required fields → 400 naming them', async () => {
    const { phone: _phone, manager: _manager, ...partial } = validRecord();
    await expectError(
      await sandbox.api('/v3/non-employee-records', { token, body: partial }),
      400,
      /phone, manager/,
    );
    await expectError(
      await sandbox.api('/v3/non-employee-requests', { token, body: {} }),
      400,
      /accountName/,
    );
    await expectError(
      await sandbox.api('/v3/non-employee-sources', { token, body: { name: 'x' } }),
      400,
      /owner/,
    );
  });

  it('invalid dates and an end before the start → 400', async () => {
    await expectError(
      await sandbox.api('/v3/non-employee-records', {
        token,
        body: { ...validRecord(), startDate: '31/12/2030' },
      }),
      400,
      /startDate/,
    );
    await expectError(
      await sandbox.api('/v3/non-employee-records', {
        token,
        body: { ...validRecord(), startDate: '2031-01-01T00:00:00Z' },
      }),
      400,
      /endDate/,
    );
  });

  it('ids that do not exist → 404', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of [
      `/v3/non-employee-records/${missing}`,
      `/v3/non-employee-requests/${missing}`,
      `/v3/non-employee-approvals/${missing}`,
      `/v3/non-employee-sources/${missing}`,
      `/v3/non-employee-sources/${missing}/schema-attributes`,
      `/v3/non-employee-sources/${sourceId}/schema-attributes/${missing}`,
      `/beta/non-employee-sources/${missing}/non-employees/download`,
    ]) {
      await expectError(await sandbox.api(path, { token }), 404);
    }
    await expectError(
      await sandbox.api(`/v3/non-employee-records/${missing}`, { token, method: 'DELETE' }),
      404,
    );
  });

  it('a source that does not exist in a body → 400 reference not found', async () => {
    const response = await sandbox.api('/v3/non-employee-records', {
      token,
      body: { ...validRecord(), sourceId: 'nope' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ detailCode: '400.1.404 Referenced object not found' });
  });

  it('a body that is JSON but not an object, and patches that are not arrays → 400', async () => {
    await expectError(await sandbox.api('/v3/non-employee-records', { token, body: [1, 2] }), 400);
    const patch = await sandbox.api(`/v3/non-employee-sources/${sourceId}`, {
      token,
      method: 'PATCH',
      body: JSON.stringify({ op: 'replace' }),
      headers: { 'content-type': 'application/json-patch+json' },
    });
    await expectError(patch, 400);
  });

  it('an oversized body → 413', async () => {
    const response = await sandbox.api('/v3/non-employee-records', {
      token,
      body: JSON.stringify({ pad: 'x'.repeat(11 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
  });

  it('a path with broken percent-encoding → 400', async () => {
    await expectError(await sandbox.api('/v3/non-employee-records/%E0%A4%A', { token }), 400);
  });

  it('an unsupported method on a known path → 405', async () => {
    const response = await sandbox.api('/v3/non-employee-approvals', { token, method: 'DELETE' });
    expect(response.status).toBe(405);
  });

  it('a user without rights → 403 on admin operations', async () => {
    const user = await sandbox.tokenFor('user');
    await expectError(
      await sandbox.api('/v3/non-employee-records', { token: user, body: validRecord() }),
      403,
    );
    await expectError(await sandbox.api(`/v3/non-employee-sources/${sourceId}`, { token: user }), 403);
    await expectError(await sandbox.api('/v3/non-employee-records', { token: user }), 403);
  });
});
