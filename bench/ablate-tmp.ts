import { Pool } from 'undici';
import { DASHBOARD_OVERVIEW } from '../src/schema/example-operations.ts';
import { startChild } from './children/ipc-child.ts';

const DASHBOARD = DASHBOARD_OVERVIEW.replace(/@defer\([^)]*\)\s*/, '');
const single = '{ nonEmployeeSources(first: 50) { edges { node { name nonEmployeeCount } } } }';
const sandbox = await startChild<{ url: string; admin: { clientId: string; clientSecret: string } }>(
  './sandbox-child.ts',
  [],
  { env: { BENCH_LATENCY_MS: process.env.LAT ?? '15' } },
);
const form = new URLSearchParams({
  grant_type: 'client_credentials',
  client_id: sandbox.ready.admin.clientId,
  client_secret: sandbox.ready.admin.clientSecret,
});
const token = (
  (await (await fetch(`${sandbox.ready.url}/oauth/token`, { method: 'POST', body: form })).json()) as {
    access_token: string;
  }
).access_token;
const variants = (process.env.VARIANTS ?? ',').split(';');
const checkout = process.env.CHECKOUT ?? '/work/wt/ablate';
const n = Number(process.env.N ?? 200);
const results: Record<string, string>[] = [];
for (let round = 0; round < 2; round++)
  for (const off of variants) {
    const gw = await startChild<{ url: string }>('./gateway-child.ts', [checkout], {
      cwd: checkout,
      env: {
        BENCH_UPSTREAM: sandbox.ready.url,
        BENCH_OFF: off.split('|')[0],
        ...Object.fromEntries(
          (off.split('|')[1] ?? '')
            .split(' ')
            .filter(Boolean)
            .map((kv) => kv.split('=')),
        ),
        BENCH_GATEWAY_ENV: process.env.GWENV ?? '{}',
      },
    });
    const pool = new Pool(gw.ready.url, { connections: 16 });
    const run = async (query: string) => {
      const a = await pool.request({
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const b = (await a.body.json()) as { errors?: unknown };
      if (b.errors) throw new Error(JSON.stringify(b.errors));
    };
    const row: Record<string, string> = { off };
    for (const [name, q] of [
      ['single', single],
      ['dashboard', DASHBOARD],
    ] as const) {
      for (let i = 0; i < 30; i++) await run(q);
      const c0 = (await gw.ask<{ usage: NodeJS.CpuUsage }>('cpu')).usage;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await run(q);
      const c1 = (await gw.ask<{ usage: NodeJS.CpuUsage }>('cpu')).usage;
      row[name] = ((c1.user + c1.system - c0.user - c0.system) / 1000 / n).toFixed(2);
      row[`${name} ms`] = ((performance.now() - t0) / n).toFixed(1);
    }
    results.push(row);
    await pool.close();
    await gw.stop();
  }
console.table(results);
await sandbox.stop();
