import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

describe('sandbox auth', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ tokenTtlSeconds: 1 });
  });
  afterAll(() => sandbox.close());

  const tokenUrl = () => `${sandbox.url}/oauth/token`;
  const credentials = () => ({
    grant_type: 'client_credentials',
    client_id: sandbox.admin.clientId,
    client_secret: sandbox.admin.clientSecret,
  });

  it('issues a token from query parameters', async () => {
    const response = await fetch(`${tokenUrl()}?${new URLSearchParams(credentials())}`, { method: 'POST' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      token_type: 'bearer',
      expires_in: 1,
      identity_id: sandbox.admin.identityId,
    });
    expect(typeof body.access_token).toBe('string');
  });

  /** Whom the token a response carries was issued to (its claims; a call could outlive the 1 s ttl). */
  const issuedTo = async (response: Response) => {
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    return { clientId: claims.client_id, identityId: claims.identity_id };
  };
  const admin = () => ({ clientId: sandbox.admin.clientId, identityId: sandbox.admin.identityId });

  it('issues a token from a urlencoded form', async () => {
    const response = await fetch(tokenUrl(), { method: 'POST', body: new URLSearchParams(credentials()) });
    expect(await issuedTo(response)).toEqual(admin());
  });

  it('issues a token from a multipart form, as the official SDK sends it', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(credentials())) form.append(name, value);
    const response = await fetch(tokenUrl(), { method: 'POST', body: form });
    expect(await issuedTo(response)).toEqual(admin());
  });

  it('refuses a wrong secret with invalid_client', async () => {
    const form = new URLSearchParams({ ...credentials(), client_secret: 'nope' });
    const response = await fetch(tokenUrl(), { method: 'POST', body: form });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses other grant types', async () => {
    const form = new URLSearchParams({ ...credentials(), grant_type: 'password' });
    const response = await fetch(tokenUrl(), { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('answers 401 with an error body for a missing or garbage bearer', async () => {
    const missing = await sandbox.api('/v3/non-employee-sources');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: 'JWT validation failed: JWT is missing' });

    const garbage = await sandbox.api('/v3/non-employee-sources', { token: 'not.a.jwt' });
    expect(garbage.status).toBe(401);
    expect(await garbage.json()).toEqual({ error: 'JWT validation failed: JWT is malformed' });
  });

  it('answers 401 "JWT is expired" once the token has lived its ttl', async () => {
    const token = await sandbox.tokenFor(sandbox.admin);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const response = await sandbox.api('/v3/non-employee-sources', { token });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'JWT validation failed: JWT is expired' });
  });

  it('never echoes the token in an error', async () => {
    const token = await sandbox.tokenFor('user');
    const response = await sandbox.api('/v3/nothing-here', { token });
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toMatchObject({ detailCode: '404 Not found', causes: [] });
  });

  it('lists the demo clients on the control plane', async () => {
    const clients = (await (await fetch(`${sandbox.url}/__sandbox/clients`)).json()) as Array<{
      role: string;
    }>;
    expect(clients.map((c) => c.role)).toEqual(expect.arrayContaining(['admin', 'approver', 'user']));
    expect(clients.filter((c) => c.role === 'approver').length).toBeGreaterThanOrEqual(3);
  });
});
