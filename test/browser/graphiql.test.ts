import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayProcess, ROOT, startGatewayProcess } from '../helpers/gateway-process.ts';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './find-chromium.ts';

const executablePath = findChromium();
if (!executablePath) {
  if (process.env.CI === 'true')
    throw new Error(`The browser tests need Chromium under CI: ${INSTALL_HINT}.`);
  console.warn(`Skipping the browser tests: Chromium is not installed; ${INSTALL_HINT}.`);
}

export const SCREENSHOTS = join(ROOT, 'test/browser/screenshots');
const TABS = ['DashboardOverview', 'ApprovalsInbox', 'SourceDetail', 'Approve', 'ExpiredContractors'];

/**
 * Bytes of the page and its files (GETs: headers and compressed bodies) that crossed the wire
 * while `action` ran, from CDP's Network events; GraphiQL's schema query (a POST) is not the page.
 */
async function transferred(cdp: CDPSession, action: () => Promise<unknown>): Promise<number> {
  let bytes = 0;
  const gets = new Set<string>();
  const onSent = (event: { requestId: string; request: { method: string } }) => {
    if (event.request.method === 'GET') gets.add(event.requestId);
  };
  const onFinished = (event: { requestId: string; encodedDataLength: number }) => {
    if (gets.has(event.requestId)) bytes += event.encodedDataLength;
  };
  cdp.on('Network.requestWillBeSent', onSent);
  cdp.on('Network.loadingFinished', onFinished);
  try {
    await action();
  } finally {
    cdp.off('Network.requestWillBeSent', onSent);
    cdp.off('Network.loadingFinished', onFinished);
  }
  return bytes;
}

const loaded = (page: Page) => page.waitForSelector('.graphiql-tab', { timeout: 60_000 });

describe.skipIf(!executablePath)('GraphiQL from npm start, first visit, in headless Chromium', () => {
  let gateway: GatewayProcess;
  let browser: BrowserContext;
  let userDataDir: string;
  let page: Page;
  let cdp: CDPSession;
  const bytes = { first: 0, reload: 0 };

  beforeAll(async () => {
    gateway = await startGatewayProcess('node', ['--import', 'tsx', 'src/main.ts'], {
      LOG_LEVEL: 'warn',
      SANDBOX_PORT: '0',
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    userDataDir = mkdtempSync(join(tmpdir(), 'gateway-graphiql-'));
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: executablePath ?? undefined,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
    });
    page = await browser.newPage();
    cdp = await browser.newCDPSession(page);
    await cdp.send('Network.enable');
    bytes.first = await transferred(cdp, async () => {
      await page.goto(`${gateway.url}/graphql`, { waitUntil: 'load' });
      await loaded(page);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    gateway?.child.kill('SIGTERM');
    await gateway?.exited;
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('opens the five example tabs', async () => {
    const titles = await page.locator('.graphiql-tab-button').allTextContents();
    expect(titles.slice(0, TABS.length)).toEqual(TABS);
  });

  it.each(TABS.map((name, index) => [index, name] as const))(
    'tab %i (%s) switches on the first click and its run shows data, no errors',
    async (index, name) => {
      const tab = page.locator('.graphiql-tab').nth(index);
      await tab.locator('.graphiql-tab-button').click();
      await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: 2000 }).toBe('true');
      // The editor shows the tab's operation before Run is pressed, or the click may run nothing.
      const editor = page.locator('.graphiql-query-editor');
      await expect.poll(() => editor.innerText(), { timeout: 10_000 }).toContain(name);
      const sent = page.waitForRequest(
        (request) =>
          request.method() === 'POST' &&
          request.url().endsWith('/graphql') &&
          (request.postData() ?? '').includes(`"operationName":"${name}"`),
        { timeout: 30_000 },
      );
      // A click that lands while GraphiQL is still settling the tab sends nothing: press Run again
      // until the operation has been sent (never after, so a mutation runs once).
      let pressed = false;
      void sent.then(() => {
        pressed = true;
      });
      for (let attempt = 0; attempt < 5 && !pressed; attempt += 1) {
        await page.locator('.graphiql-execute-button').click();
        await Promise.race([sent.catch(() => undefined), page.waitForTimeout(3000)]);
      }
      const response = await (await sent).response();
      if (!response) throw new Error(`${name}: no answer`);
      const picture = async () => {
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(SCREENSHOTS, `tab-${index + 1}-${name}.png`) });
      };
      if (response.headers()['content-type']?.startsWith('multipart/mixed')) {
        // An incremental answer (`@defer`): Chromium keeps no body of it, so read what GraphiQL shows.
        expect(response.status()).toBe(200);
        const shown = page.locator('.graphiql-response');
        await expect.poll(() => shown.innerText(), { timeout: 10_000 }).toContain('nonEmployeeSources');
        await picture();
        expect(await shown.innerText()).not.toContain('"errors"');
        return;
      }
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      // Before the checks: a tab that fails leaves its picture too.
      await picture();
      expect(body.errors).toBeUndefined();
      expect(Object.values(body.data ?? {}).every((value) => value !== null)).toBe(true);
      if (name === 'Approve') {
        expect(body.data?.approveNonEmployeeRequest).toMatchObject({
          __typename: 'ApproveNonEmployeeRequestPayload',
          approval: { approvalStatus: 'APPROVED' },
          request: { approvalStatus: expect.any(String) },
        });
      }
      if (name === 'ApprovalsInbox') {
        const inbox = body.data?.nonEmployeeApprovals as { totalCount: number };
        expect(inbox.totalCount).toBeGreaterThan(0);
      }
    },
    60_000,
  );

  it('transfers at most 3 MB on the first load and under 50 KB on a reload', async () => {
    bytes.reload = await transferred(cdp, async () => {
      await page.reload({ waitUntil: 'load' });
      await loaded(page);
    });
    console.log(`GraphiQL transferred: first load ${bytes.first} bytes, reload ${bytes.reload} bytes`);
    expect(bytes.first).toBeGreaterThan(100_000);
    expect(bytes.first).toBeLessThanOrEqual(3_000_000);
    expect(bytes.reload).toBeLessThan(50_000);
  }, 60_000);
});
