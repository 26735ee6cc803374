/**
 * Memory under an attack of large distinct documents: RSS before, after, and after idling, for
 * the gateway as configured (documents past GRAPHQL_MAX_DOCUMENT_BYTES refused before parsing),
 * for the gateway with its limits raised (documents parsed; only valid ones cached, by bytes),
 * and for Yoga's defaults over the same schema (every document cached, up to 1,024 of them).
 * Each runs in its own process. Run: `npx tsx bench/hostile-memory.ts [documents] [megabytes]`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createYoga } from 'graphql-yoga';
import { loadConfig } from '../src/config.ts';
import { createGateway } from '../src/gateway.ts';
import { schema } from '../src/schema/index.ts';
import { startSandbox } from '../test/helpers/sandbox.ts';

const SCENARIOS = ['gateway', 'gateway-limits-raised', 'yoga-defaults'] as const;
type Scenario = (typeof SCENARIOS)[number];

const documents = Number(process.argv[2] ?? 50);
const megabytes = Number(process.argv[3] ?? 1);
const scenario = process.argv[4] as Scenario | undefined;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function attack(which: Scenario): Promise<void> {
  const sandbox = await startSandbox({ rateLimit: 0 });
  const raised = {
    GRAPHQL_MAX_DOCUMENT_BYTES: String(16 * 1024 * 1024),
    GRAPHQL_MAX_BODY_BYTES: String(64 * 1024 * 1024),
  };
  const env = {
    SAIL_BASE_URL: sandbox.url,
    LOG_LEVEL: 'silent',
    GRAPHIQL: 'false',
    UPSTREAM_RATE_LIMIT: '0',
  };
  const server =
    which === 'yoga-defaults'
      ? createYoga({ schema, logging: false, maxRequestBodySize: 64 * 1024 * 1024 })
      : createGateway(loadConfig(which === 'gateway' ? env : { ...env, ...raised }));
  const http = createServer(server);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  }).then((response) => response.text());
  gc();
  const before = process.memoryUsage().rss;
  // The attacker is another process, so this one's memory is the server's alone.
  const attacker = await runAttacker(url);
  const statuses = JSON.parse(attacker) as Record<string, number>;
  const after = process.memoryUsage().rss;
  await sleep(2000);
  gc();
  const idle = process.memoryUsage();
  const calls = (await sandbox.stats()).total;
  console.log(
    JSON.stringify({
      scenario: which,
      statuses,
      upstreamCalls: calls,
      rssBeforeMb: mb(before),
      rssAfterMb: mb(after),
      growthMb: mb(after - before),
      rssIdleMb: mb(idle.rss),
      heapIdleMb: mb(idle.heapUsed),
    }),
  );
  http.close();
  await sandbox.close();
  process.exit(0);
}

/** Sends the documents one at a time over HTTP (with Content-Length, as clients do); answers the status counts. */
function runAttacker(url: string): Promise<string> {
  const script = `
    const statuses = {};
    for (let i = 0; i < ${documents}; i++) {
      // Distinct texts, so no cache can share them; a comment keeps the token count tiny.
      const body = Buffer.concat([
        Buffer.from('{"query":"{ __typename }\\\\n# ' + i + ' '),
        Buffer.alloc(${megabytes * 1_000_000 - 30}, 97 + (i % 26)),
        Buffer.from('"}'),
      ]);
      const response = await fetch(${JSON.stringify(url)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.text();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
    console.log(JSON.stringify(statuses));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`attacker exited ${code}`)),
    );
  });
}

if (scenario) {
  await attack(scenario);
} else {
  console.log(`${documents} distinct documents of ${megabytes} MB each, one at a time`);
  const rows = SCENARIOS.map((which) => {
    const run = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        '--expose-gc',
        fileURLToPath(import.meta.url),
        String(documents),
        String(megabytes),
        which,
      ],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    if (run.status !== 0) throw new Error(`${which} failed: ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  });
  console.table(rows);
}
