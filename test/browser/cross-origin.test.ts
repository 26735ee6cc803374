import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../helpers/gateway.ts';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './find-chromium.ts';

const executablePath = findChromium();
if (!executablePath) {
  if (process.env.CI === 'true')
    throw new Error(`The browser tests need Chromium under CI: ${INSTALL_HINT}.`);
  console.warn(`Skipping the browser tests: Chromium is not installed; ${INSTALL_HINT}.`);
}

const RECORDS = '{ nonEmployeeRecords(first: 5) { edges { node { email phone } } } }';
/** A valid mutation (the control at the end of each form test runs it): the sandbox admin as owner. */
const plant = (name: string, owner: string) =>
  `mutation { createNonEmployeeSource(input: { name: "${name}", description: "x", owner: "${owner}" }) { __typename } }`;

/** A gateway on a real port, queried tokenless so it acts as the sandbox admin, as under `npm start`. */
interface Served {
  t: TestGateway;
  server: Server;
  url: string;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function serveGateway(env: Record<string, string> = {}): Promise<Served> {
  const t = await startGateway({ serviceAccount: true, env });
  const server = createServer(t.gateway);
  return { t, server, url: await listen(server) };
}

/** The hostile page: another origin (another port on loopback) than the gateway's. */
function pageHtml(gatewayUrl: string, owner: string): string {
  return `<!doctype html><html><body>
<form id="plant" method="POST" action="${gatewayUrl}/graphql" enctype="application/x-www-form-urlencoded">
  <input type="hidden" name="query" value='${plant('Planted by a form', owner)}'>
</form>
<form id="upload" method="POST" action="${gatewayUrl}/graphql" enctype="multipart/form-data">
  <input type="hidden" name="operations" value='${JSON.stringify({ query: plant('Planted by an upload', owner) })}'>
  <input type="hidden" name="map" value="{}">
</form>
<script>
  window.readRecords = () => fetch(${JSON.stringify(`${gatewayUrl}/graphql`)}, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: ${JSON.stringify(RECORDS)} }),
  }).then((r) => r.json()).then((body) => ({ ok: true, body }), (error) => ({ ok: false, error: String(error) }));
</script>
</body></html>`;
}

describe.skipIf(!executablePath)('a page on another origin, in headless Chromium', () => {
  let page: Server;
  let pageUrl: string;
  let browser: BrowserContext;
  let userDataDir: string;
  let served: Served;
  let gatewayUrl = '';

  beforeAll(async () => {
    served = await serveGateway();
    gatewayUrl = served.url;
    page = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      const target = new URL(req.url ?? '/', 'http://x').searchParams.get('gateway') ?? gatewayUrl;
      res.end(pageHtml(target, served.t.sandbox.admin.identityId));
    });
    pageUrl = await listen(page);
    userDataDir = mkdtempSync(join(tmpdir(), 'gateway-chromium-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: executablePath ?? undefined,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    page?.close();
    served?.server.close();
    await served?.t.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('cannot read records with fetch: the browser blocks it, and nothing reaches the upstream', async () => {
    const tab = await browser.newPage();
    await tab.goto(pageUrl);
    await served.t.sandbox.resetStats();
    const result = await tab.evaluate(() =>
      (window as unknown as { readRecords(): Promise<unknown> }).readRecords(),
    );
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/TypeError: Failed to fetch/) });
    expect((await served.t.sandbox.stats()).total).toBe(0);
    await tab.close();
  });

  it('reads them once its origin is listed in CORS_ORIGINS (so the check above can fail)', async () => {
    const open = await serveGateway({ CORS_ORIGINS: pageUrl });
    try {
      const tab = await browser.newPage();
      await tab.goto(`${pageUrl}/?gateway=${encodeURIComponent(open.url)}`);
      const result = (await tab.evaluate(() =>
        (window as unknown as { readRecords(): Promise<unknown> }).readRecords(),
      )) as { ok: boolean; body: { data: { nonEmployeeRecords: { edges: unknown[] } } } };
      expect(result.ok).toBe(true);
      expect(result.body.data.nonEmployeeRecords.edges).toHaveLength(5);
      await tab.close();
    } finally {
      open.server.close();
      await open.t.close();
    }
  });

  for (const [form, name] of [
    ['plant', 'Planted by a form'],
    ['upload', 'Planted by an upload'],
  ]) {
    it(`cannot run a mutation with a ${form === 'plant' ? 'form' : 'multipart form'} POST: 403, no source created`, async () => {
      const tab = await browser.newPage();
      await tab.goto(pageUrl);
      await served.t.sandbox.resetStats();
      const [response] = await Promise.all([
        tab.waitForNavigation(),
        tab.evaluate((id) => (document.getElementById(id) as HTMLFormElement).submit(), form),
      ]);
      expect(response?.status()).toBe(403);
      expect(await tab.content()).toContain('CSRF_HEADER_REQUIRED');
      expect((await served.t.sandbox.stats()).total).toBe(0);
      const names = async () => {
        const admin = await served.t.sandbox.tokenFor('admin');
        const list = await served.t.sandbox.api('/v3/non-employee-sources?limit=250', { token: admin });
        return ((await list.json()) as { name: string }[]).map((source) => source.name);
      };
      expect(await names()).not.toContain(name);
      await tab.close();

      // The control: the same mutation with the CSRF header does create the source.
      const sent = await served.t.gql(plant(name, served.t.sandbox.admin.identityId));
      expect(sent.data?.createNonEmployeeSource.__typename).toBe('CreateNonEmployeeSourcePayload');
      expect(await names()).toContain(name);
    });
  }
});
