// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createGateway, type Gateway } from '../../../src/gateway.ts';
import { demoClientNames } from '../../../src/sandbox/demo-client-names.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { startSandbox, type TestSandbox } from '../../helpers/sandbox.ts';

let t: TestGateway;
beforeAll(async () => {
  t = await startGateway();
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  t.gateway.fetch(`http://gateway.test${path}`, { headers });

describe('GraphiQL', () => {
  it('is a small page naming its bundled files (no CDN) and opens with the example operations', async () => {
    const response = await get('/graphql', { accept: 'text/html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html.length).toBeLessThan(50_000);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/);
    for (const operation of [
      'DashboardOverview',
      'ApprovalsInbox',
      'SourceDetail',
      'Approve',
      'ExpiredContractors',
    ]) {
      expect(html).toContain(operation);
    }
  });

  it('revalidates the page by ETag (304) and caches the hashed files for good, compressed', async () => {
    const page = await get('/graphql', { accept: 'text/html', 'accept-encoding': 'br' });
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const etag = page.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    const again = await get('/graphql', { accept: 'text/html', 'if-none-match': etag });
    expect(again.status).toBe(304);

    const html = await (await get('/graphql', { accept: 'text/html' })).text();
    const script = /<script src="(\/graphiql\/graphiql\.[0-9a-f]{16}\.js)"/.exec(html)?.[1] ?? '';
    const asset = await get(script, { 'accept-encoding': 'gzip, deflate' });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/graphiql/graphiql.0000000000000000.js')).status).toBe(404);
  });

  it('refuses x-sandbox-as when the gateway has no sandbox behind it', async () => {
    const result = await t.gql(
      '{ nonEmployeeApprovalSummary { pending } }',
      {},
      { headers: { 'x-sandbox-as': 'approver-1' } },
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('SANDBOX_ONLY');
  });
});

describe('x-sandbox-as in sandbox mode', () => {
  let sandbox: TestSandbox;
  let gateway: Gateway;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 0 });
    const config = loadConfig({ SAIL_BASE_URL: sandbox.url, LOG_LEVEL: 'silent', UPSTREAM_RATE_LIMIT: '0' });
    const clients = Object.fromEntries(demoClientNames(sandbox.clients));
    gateway = createGateway(config, { sandboxClients: { tokenBaseUrl: sandbox.url, clients } });
  });
  afterAll(async () => {
    await gateway.dispose();
    await sandbox.close();
  });

  const ask = async (headers: Record<string, string>) => {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: '{ nonEmployeeApprovals(requestedFor: "me", first: 1) { totalCount } }',
      }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  };

  it('acts as the named demo client, one token per client reused', async () => {
    const direct = await sandbox.tokenFor(sandbox.client('approver', 0));
    const expected = await ask({ authorization: `Bearer ${direct}` });
    const before = await sandbox.stats();
    const first = await ask({ 'x-sandbox-as': 'approver-1' });
    const second = await ask({ 'x-sandbox-as': 'approver-1' });
    expect(first.body).toEqual(expected.body);
    expect(second.body.data.nonEmployeeApprovals.totalCount).toBeGreaterThan(0);
    const after = await sandbox.stats();
    const tokens = after.tokenRequests - before.tokenRequests;
    expect(tokens).toBe(1);
  });

  it('names the known clients when the name is unknown, and refuses it beside a bearer', async () => {
    const unknown = await ask({ 'x-sandbox-as': 'approver-9' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]).toMatchObject({
      extensions: { code: 'UNKNOWN_SANDBOX_CLIENT' },
      message: expect.stringContaining('approver-1'),
    });
    const both = await ask({ 'x-sandbox-as': 'admin', authorization: 'Bearer x' });
    expect(both.status).toBe(400);
  });
});
