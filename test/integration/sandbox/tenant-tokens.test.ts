import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

describe('sandbox tokens: personal access tokens and API clients', () => {
  let sandbox: TestSandbox;
  let apiToken: string;
  let readerToken: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    apiToken = await sandbox.tokenFor('api-client');
    readerToken = await sandbox.tokenFor(sandbox.client('api-client', 1));
  });
  afterAll(() => sandbox.close());

  const errorOf = async (response: Response) =>
    (await response.json()) as { detailCode: string; messages: Array<{ text: string }> };

  it('lists both kinds at /__sandbox/clients, and an API client token has no user claims', async () => {
    const clients = (await (await fetch(`${sandbox.url}/__sandbox/clients`)).json()) as Array<{
      kind: string;
      identityId?: string;
    }>;
    expect(clients.filter((c) => c.kind === 'api-client')).toHaveLength(2);
    expect(clients.filter((c) => c.kind === 'personal-access-token').every((c) => c.identityId)).toBe(true);
    const claims = claimsOf(apiToken);
    expect(claims.client_id).toBe(sandbox.client('api-client').clientId);
    expect(claims).not.toHaveProperty('identity_id');
    expect(claims).not.toHaveProperty('user_name');
    expect(claimsOf(await sandbox.tokenFor('admin'))).toMatchObject({
      identity_id: sandbox.admin.identityId,
    });
  });

  it('issues tokens that live 749 s, as a tenant does', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sandbox.admin.clientId,
      client_secret: sandbox.admin.clientSecret,
    });
    const body = (await (
      await fetch(`${sandbox.url}/oauth/token`, { method: 'POST', body: form })
    ).json()) as {
      expires_in: number;
      access_token: string;
    };
    expect(body.expires_in).toBe(749);
    const claims = claimsOf(body.access_token) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBe(749);
  });

  it("answers an API client's requested-for=me and summaries with 400, naming the missing user", async () => {
    for (const path of [
      '/v3/non-employee-requests?requested-for=me',
      '/v3/non-employee-approvals?requested-for=me',
      '/v3/non-employee-requests/summary/me',
      '/v3/non-employee-approvals/summary/me',
    ]) {
      const response = await sandbox.api(path, { token: apiToken });
      expect(response.status, path).toBe(400);
      const body = await errorOf(response);
      expect(body.detailCode).toBe('400.1 Bad Request Content');
      expect(body.messages[0].text).toMatch(/personal access token/);
    }
    // An explicit identity is fine: the client has read rights.
    const approver = sandbox.client('approver');
    const summary = await sandbox.api(`/v3/non-employee-approvals/summary/${approver.identityId}`, {
      token: apiToken,
    });
    expect(summary.status).toBe(200);
  });

  it('refuses an API client approve, reject, record PUT/PATCH and approval detail with 403', async () => {
    const admin = await sandbox.tokenFor('admin');
    const approvals = (await (
      await sandbox.api('/v3/non-employee-approvals?filters=approvalStatus eq "PENDING"&limit=1', {
        token: admin,
      })
    ).json()) as Array<{ id: string }>;
    const [record] = (await (
      await sandbox.api('/v3/non-employee-records?limit=1', { token: admin })
    ).json()) as Array<{ id: string }>;
    const calls: Array<[string, string, unknown, Record<string, string>?]> = [
      ['POST', `/v3/non-employee-approvals/${approvals[0].id}/approve`, {}],
      ['POST', `/v3/non-employee-approvals/${approvals[0].id}/reject`, { comment: 'no' }],
      ['GET', `/v3/non-employee-approvals/${approvals[0].id}`, undefined],
      ['PUT', `/v3/non-employee-records/${record.id}`, { accountName: 'x' }],
      [
        'PATCH',
        `/v3/non-employee-records/${record.id}`,
        JSON.stringify([{ op: 'replace', path: '/endDate', value: '2030-01-01T00:00:00Z' }]),
        { 'content-type': 'application/json-patch+json' },
      ],
    ];
    for (const [method, path, body, headers] of calls) {
      const response = await sandbox.api(path, { method, body, headers, token: apiToken });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await errorOf(response)).toMatchObject({
        detailCode: '403 Forbidden',
        messages: [{ text: 'The server understood the request but refuses to authorize it.' }],
      });
    }
    const still = (await (
      await sandbox.api(`/v3/non-employee-approvals/${approvals[0].id}`, { token: admin })
    ).json()) as { approvalStatus: string };
    expect(still.approvalStatus).toBe('PENDING');
  });

  it('checks scopes: a client with read scopes reads, and its writes are 403', async () => {
    expect((await sandbox.api('/v3/non-employee-sources', { token: readerToken })).status).toBe(200);
    expect((await sandbox.api('/v3/accounts?limit=1', { token: readerToken })).status).toBe(200);
    const write = await sandbox.api('/v3/non-employee-sources', {
      method: 'POST',
      token: readerToken,
      body: { name: 'Scoped', description: '', owner: { id: sandbox.admin.identityId } },
    });
    expect(write.status).toBe(403);
    const [account] = (await (
      await sandbox.api('/v3/accounts?limit=1', { token: readerToken })
    ).json()) as Array<{
      id: string;
    }>;
    expect(
      (
        await sandbox.api(`/v3/accounts/${account.id}/disable`, {
          method: 'POST',
          body: {},
          token: readerToken,
        })
      ).status,
    ).toBe(403);
    // The full-scope API client may write what needs no user.
    const created = await sandbox.api('/v3/non-employee-sources', {
      method: 'POST',
      token: apiToken,
      body: { name: 'By an API client', description: '', owner: { id: sandbox.admin.identityId } },
    });
    expect(created.status).toBe(200);
  });
});

describe('sandbox filters: case and operators', () => {
  let sandbox: TestSandbox;
  let token: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    token = await sandbox.tokenFor('admin');
  });
  afterAll(() => sandbox.close());

  const list = (filter: string) =>
    sandbox.api(`/v3/non-employee-approvals?filters=${encodeURIComponent(filter)}`, { token });

  it('matches approvalStatus eq "pending" to the pending items, as "PENDING" does', async () => {
    const upper = (await (await list('approvalStatus eq "PENDING"')).json()) as Array<{
      approvalStatus: string;
    }>;
    const lower = await list('approvalStatus eq "pending"');
    expect(lower.status).toBe(200);
    const items = (await lower.json()) as Array<{ id: string; approvalStatus: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.approvalStatus === 'PENDING')).toBe(true);
    expect(items).toHaveLength(upper.length);
  });

  it('answers approvalStatus EQ "PENDING" and an upper-case AND with 400', async () => {
    for (const filter of [
      'approvalStatus EQ "PENDING"',
      'approvalStatus eq "PENDING" AND approvalStatus eq "x"',
    ]) {
      const response = await list(filter);
      expect(response.status, filter).toBe(400);
      expect(await response.json()).toMatchObject({
        detailCode: '400.1 Bad Request Content',
        messages: [{ text: expect.stringMatching(/must be lower case/) }],
      });
    }
  });
});
