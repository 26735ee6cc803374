import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runProject } from '../../helpers/gateway-process.ts';

/** Starts `src/main.ts` with every loaded module recorded, waits (bounded) for its banner, stops it. */
async function loadedModules(env: Record<string, string>): Promise<string[]> {
  const log = join(mkdtempSync(join(tmpdir(), 'modules-')), 'loaded.txt');
  const run = runProject(
    process.execPath,
    ['--import', 'tsx', '--import', './test/helpers/record-modules.mjs', 'src/main.ts'],
    { ...env, MODULE_LOG: log, LOG_LEVEL: 'silent' },
  );
  const deadline = Date.now() + 60_000;
  while (!/gateway: http:\/\//.test(run.stdout())) {
    if (run.child.exitCode !== null || Date.now() > deadline) {
      run.child.kill('SIGKILL');
      throw new Error(`the gateway did not start:\n${run.stdout()}\n${run.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  run.child.kill('SIGTERM');
  await run.exited;
  const src = new URL('src/', pathToFileURL(ROOT)).href;
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(src))
    .map((url) => url.slice(src.length));
}

describe('the sandbox is a peer of the gateway', () => {
  // A tenant that answers nothing useful: tenant mode must start without reaching it.
  const tenant = createServer((_request, response) => response.writeHead(503).end());
  let baseUrl = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => tenant.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(tenant.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => tenant.close(() => resolve())));

  it('loads no sandbox module in tenant mode', async () => {
    const modules = await loadedModules({ SAIL_BASE_URL: baseUrl });
    expect(modules).toContain('main.ts');
    expect(modules).toContain('gateway.ts');
    expect(modules.filter((path) => path.startsWith('sandbox/'))).toEqual([]);
  }, 90_000);

  it('loads the sandbox in sandbox mode, so the recorder sees it when it is there', async () => {
    const modules = await loadedModules({});
    expect(modules).toContain('sandbox/embedded.ts');
  }, 90_000);
});
