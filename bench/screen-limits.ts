/**
 * Each screen against its physical limit: the gateway's p50/p95 beside the floor (the same REST
 * calls made straight to the sandbox at minimum depth), the gateway's own CPU per screen and the
 * upstream calls, with the sandbox and every gateway in processes of their own. With
 * `--baseline <checkout>` (or `BENCH_BASELINE`) a second gateway built from another checkout (a
 * `git worktree` of an earlier commit) runs interleaved with this one, so the ratios are comparable.
 * Run: `npx tsx bench/screen-limits.ts [--baseline DIR] [--iterations N] [--latency MS]`.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { DASHBOARD_OVERVIEW } from '../src/schema/example-operations.ts';
import { type IpcChild, startChild } from './children/ipc-child.ts';
import { createFloorClient } from './floor-client.ts';
import { median, percentile } from './stats.ts';

// One answer, as the baseline (which knows no @defer) gives it: the same selection undeferred.
const DASHBOARD = DASHBOARD_OVERVIEW.replace(/@defer\([^)]*\)\s*/, '');

const { values } = parseArgs({
  options: {
    baseline: { type: 'string', default: process.env.BENCH_BASELINE },
    iterations: { type: 'string', default: '40' },
    latency: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '3' },
    screens: { type: 'string', default: 'dashboard,records,single' },
  },
});
const iterations = Number(values.iterations);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);
const loadSeconds = Number(values.seconds);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface SandboxReady {
  url: string;
  admin: { clientId: string; clientSecret: string };
}
type Cpu = { usage: NodeJS.CpuUsage };
interface Gateway {
  label: string;
  child: IpcChild<{ url: string }>;
  pool: Pool;
}

const sandbox = await startChild<SandboxReady>('./sandbox-child.ts', [], {
  env: { BENCH_LATENCY_MS: String(latencyMs) },
});
const upstream = sandbox.ready.url;
const gateways: Gateway[] = [];

async function startGateway(label: string, checkout: string): Promise<Gateway> {
  const execArgv = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}/${label.replace(/\W+/g, '-')}`]
    : [];
  const child = await startChild<{ url: string }>('./gateway-child.ts', [checkout], {
    cwd: checkout,
    env: { BENCH_UPSTREAM: upstream },
    execArgv,
  });
  return { label, child, pool: new Pool(child.ready.url, { connections: 64, keepAliveTimeout: 60_000 }) };
}

async function tokenOf(client: SandboxReady['admin']): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  const answer = await fetch(`${upstream}/oauth/token`, { method: 'POST', body: form });
  return ((await answer.json()) as { access_token: string }).access_token;
}

const totalCalls = async (): Promise<number> =>
  ((await (await fetch(`${upstream}/__sandbox/stats`)).json()) as { total: number }).total;

const cpuMs = async (gateway: Gateway): Promise<number> => {
  const { usage } = await gateway.child.ask<Cpu>('cpu');
  return (usage.user + usage.system) / 1000;
};

async function viaGateway(gateway: Gateway, query: string, token: string): Promise<void> {
  const answer = await gateway.pool.request({
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await answer.body.json()) as { errors?: unknown[] };
  if (answer.statusCode !== 200 || body.errors) {
    throw new Error(`${gateway.label} answered ${answer.statusCode}: ${JSON.stringify(body.errors)}`);
  }
}

const timed = async (run: () => Promise<void>): Promise<number> => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

async function callsOf(run: () => Promise<void>): Promise<number> {
  const before = await totalCalls();
  await run();
  return (await totalCalls()) - before;
}

interface ScreenRow {
  screen: string;
  gateway: string;
  calls: number;
  floorCalls: number;
  p50: number;
  p95: number;
  floorP50: number;
  cpuMsPerScreen: number;
}

/** Every way of one screen, interleaved run by run (the order turns each round). */
async function measureScreen(screen: string, query: string, floor: () => Promise<void>, token: string) {
  const ways = [...gateways.map((gateway) => () => viaGateway(gateway, query, token)), floor];
  for (let i = 0; i < 5; i++) for (const way of ways) await way(); // warm-up: connections, JIT
  const calls: number[] = [];
  for (const way of ways) calls.push(await callsOf(way));
  const timings: number[][] = ways.map(() => []);
  const cpuBefore = await Promise.all(gateways.map(cpuMs));
  for (let i = 0; i < iterations; i++) {
    for (let k = 0; k < ways.length; k++) {
      const index = (i + k) % ways.length;
      timings[index].push(await timed(ways[index]));
    }
  }
  const cpuAfter = await Promise.all(gateways.map(cpuMs));
  const floorTimings = timings[ways.length - 1];
  return gateways.map(
    (gateway, index): ScreenRow => ({
      screen,
      gateway: gateway.label,
      calls: calls[index],
      floorCalls: calls[ways.length - 1],
      p50: median(timings[index]),
      p95: percentile(timings[index], 95),
      floorP50: median(floorTimings),
      cpuMsPerScreen: (cpuAfter[index] - cpuBefore[index]) / iterations,
    }),
  );
}

/** `concurrency` screens in flight at all times for `loadSeconds`: screens per second and CPU per screen. */
async function underLoad(gateway: Gateway, query: string, token: string) {
  const deadline = performance.now() + loadSeconds * 1000;
  const cpuBefore = await cpuMs(gateway);
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await viaGateway(gateway, query, token);
        done += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = (await cpuMs(gateway)) - cpuBefore;
  return { perSecond: done / seconds, cpuShare: cpu / 1000 / seconds };
}

try {
  gateways.push(await startGateway('this tree', ROOT));
  if (values.baseline) gateways.push(await startGateway('baseline', values.baseline));
  const token = await tokenOf(sandbox.ready.admin);
  const floor = createFloorClient(upstream, token);
  const sources = await floor.allSources();
  const source = (sources as { id: string; nonEmployeeCount?: number }[]).find(
    (item) => (item.nonEmployeeCount ?? 0) >= 250,
  );
  if (!source) throw new Error('the sandbox has no source with 250 records: raise BENCH_SANDBOX_SCALE');
  const records = `{ nonEmployeeRecords(sourceId: "${source.id}", first: 250) {
    edges { node { accountName account { disabled locked } } } } }`;
  const single = '{ nonEmployeeSources(first: 50) { edges { node { name nonEmployeeCount } } } }';

  const screens = {
    dashboard: ['dashboard overview', DASHBOARD, () => floor.dashboard()],
    records: ['250 records with accounts', records, () => floor.recordsWithAccounts(source.id)],
    single: ['single-call query', single, () => floor.singleCall()],
  } as const;
  const rows: ScreenRow[] = [];
  for (const name of values.screens.split(',').filter(Boolean) as (keyof typeof screens)[]) {
    const [screen, query, floorOf] = screens[name];
    rows.push(...(await measureScreen(screen, query, floorOf, token)));
  }
  console.log(
    `\nscreens at their limit: ${iterations} interleaved runs each, sandbox latency ${latencyMs} ms per call, ` +
      "sandbox and gateways in processes of their own (CPU is the gateway process's own)",
  );
  console.table(
    rows.map((row) => ({
      screen: row.screen,
      gateway: row.gateway,
      'upstream calls': row.calls,
      'p50 ms': row.p50.toFixed(1),
      'p95 ms': row.p95.toFixed(1),
      'floor p50 ms': `${row.floorP50.toFixed(1)} (${row.floorCalls} calls)`,
      ratio: (row.p50 / row.floorP50).toFixed(2),
      'CPU ms/screen': row.cpuMsPerScreen.toFixed(2),
    })),
  );

  // Throughput, alternating gateways twice so neither gets the quieter half of the run.
  const load = new Map<string, { perSecond: number; cpuShare: number }[]>();
  for (let round = 0; round < (loadSeconds > 0 ? 2 : 0); round++) {
    for (const gateway of round % 2 === 0 ? gateways : [...gateways].reverse()) {
      const result = await underLoad(gateway, DASHBOARD, token);
      load.set(gateway.label, [...(load.get(gateway.label) ?? []), result]);
    }
  }
  const loadRows = gateways.map((gateway) => {
    const results = load.get(gateway.label) ?? [];
    const mean = (pick: (r: { perSecond: number; cpuShare: number }) => number) =>
      results.reduce((sum, r) => sum + pick(r), 0) / results.length;
    return { gateway: gateway.label, perSecond: mean((r) => r.perSecond), cpuShare: mean((r) => r.cpuShare) };
  });
  if (loadSeconds > 0)
    console.log(`dashboard under load: ${concurrency} concurrent, ${loadSeconds} s x 2 per gateway`);
  if (loadSeconds > 0)
    console.table(
      loadRows.map((row) => ({
        gateway: row.gateway,
        'screens/s': row.perSecond.toFixed(0),
        'gateway CPU (cores)': row.cpuShare.toFixed(2),
      })),
    );

  if (gateways.length > 1) {
    console.log('this tree against the baseline, same run:');
    const [mine, base] = [
      rows.filter((r) => r.gateway === 'this tree'),
      rows.filter((r) => r.gateway === 'baseline'),
    ];
    console.table(
      mine.map((row, index) => ({
        screen: row.screen,
        'CPU ms/screen': `${row.cpuMsPerScreen.toFixed(2)} vs ${base[index].cpuMsPerScreen.toFixed(2)}`,
        'CPU saved': `${((1 - row.cpuMsPerScreen / base[index].cpuMsPerScreen) * 100).toFixed(0)}%`,
        'p50 ms': `${row.p50.toFixed(1)} vs ${base[index].p50.toFixed(1)}`,
        calls: `${row.calls} vs ${base[index].calls}`,
      })),
    );
    if (loadSeconds > 0) {
      const ratio = loadRows[0].perSecond / loadRows[1].perSecond;
      console.log(`dashboard screens/s at ${concurrency} concurrent: ${ratio.toFixed(2)}x the baseline`);
    }
  }
} finally {
  for (const gateway of gateways) {
    await gateway.pool.close();
    await gateway.child.stop();
  }
  await sandbox.stop();
}
