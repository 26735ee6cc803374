import { createServer } from 'node:net';
import type { Dispatcher } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClientCredentialsTokenProvider } from '../../../src/upstream/auth.ts';
import { createUpstreamApi } from '../../../src/upstream/create-upstream-api.ts';
import { UpstreamUnauthenticatedError, UpstreamUnavailableError } from '../../../src/upstream/errors.ts';
import { createUpstreamDispatcher } from '../../../src/upstream/transport.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

describe('client-credentials token provider against the sandbox', () => {
  let sandbox: TestSandbox;
  let dispatcher: Dispatcher;
  beforeAll(async () => {
    sandbox = await startSandbox();
    dispatcher = createUpstreamDispatcher({ retry: { minDelayMs: 1, maxDelayMs: 5 } });
  });
  afterAll(async () => {
    await dispatcher.close();
    await sandbox.close();
  });
  beforeEach(() => sandbox.resetAll());

  const provider = (over: { clientSecret?: string; now?: () => number; baseUrl?: string } = {}) =>
    createClientCredentialsTokenProvider({
      baseUrl: over.baseUrl ?? sandbox.url,
      clientId: sandbox.admin.clientId,
      clientSecret: over.clientSecret ?? sandbox.admin.clientSecret,
      dispatcher,
      now: over.now,
    });

  it('fetches once and serves the cached token to many callers', async () => {
    const tokens = provider();
    const first = await tokens.getToken();
    for (let i = 0; i < 10; i++) expect(await tokens.getToken()).toBe(first);
    expect((await sandbox.stats()).tokenRequests).toBe(1);
  });

  it('shares one refresh between concurrent callers', async () => {
    const tokens = provider();
    const all = await Promise.all(Array.from({ length: 25 }, () => tokens.getToken()));
    expect(new Set(all).size).toBe(1);
    expect((await sandbox.stats()).tokenRequests).toBe(1);
  });

  it('refreshes shortly before expiry, and after invalidate()', async () => {
    let clock = Date.now();
    const tokens = provider({ now: () => clock });
    await tokens.getToken();
    // The sandbox issues 749 s tokens, as a tenant does; the default margin is 60 s.
    clock += 749_000 - 61_000;
    await tokens.getToken();
    expect((await sandbox.stats()).tokenRequests).toBe(1);
    clock += 2_000;
    await tokens.getToken();
    expect((await sandbox.stats()).tokenRequests).toBe(2);
    tokens.invalidate();
    await tokens.getToken();
    expect((await sandbox.stats()).tokenRequests).toBe(3);
  });

  it('fails typed, without the secret, on bad credentials, and tries again next time', async () => {
    const secret = 'wrong-secret-that-must-not-leak';
    const tokens = provider({ clientSecret: secret });
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnauthenticatedError);
    const shown = JSON.stringify({ ...(error as object), message: (error as Error).message });
    expect(shown).not.toContain(secret);
    expect((error as Error).message).toContain('POST /oauth/token was not authenticated');
    await tokens.getToken().catch(() => {});
    expect((await sandbox.stats()).tokenRequests).toBe(2);
  });

  it('reports an unreachable token endpoint as UPSTREAM_UNAVAILABLE', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await provider({ baseUrl: `http://127.0.0.1:${port}` })
      .getToken()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as UpstreamUnavailableError).code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('drops the cached token when the upstream answers 401', async () => {
    const tokens = provider();
    let rejected = 0;
    const api = createUpstreamApi({
      baseUrl: sandbox.url,
      dispatcher,
      getToken: tokens.getToken,
      onTokenRejected: () => {
        rejected++;
        tokens.invalidate();
      },
    });
    await sandbox.setFaults({ failNext: [{ status: 401 }] });
    const error = await api.listNonEmployeeSources({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnauthenticatedError);
    expect((error as UpstreamUnauthenticatedError).messages).toEqual([
      'JWT validation failed: JWT is expired',
    ]);
    expect(rejected).toBe(1);
    await tokens.getToken();
    expect((await sandbox.stats()).tokenRequests).toBe(2);
  });
});
