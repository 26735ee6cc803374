/**
 * The sandbox at the org limits (50 sources × 20,000 records): how long a 250-record page
 * filtered by source takes over HTTP. Run: `npx tsx bench/sandbox-page.ts [calls]`.
 */
import { Agent, request } from 'undici';
import { createSandbox } from '../src/sandbox/sandbox.ts';

const calls = Number(process.argv[2] ?? 200);
const bootStart = performance.now();
const sandbox = await createSandbox({ scale: 'org', rateLimit: 0 });
const bootMs = performance.now() - bootStart;
const agent = new Agent({ connections: 1 });

try {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: sandbox.admin.clientId,
    client_secret: sandbox.admin.clientSecret,
  });
  const token = (
    (await (await fetch(`${sandbox.url}/oauth/token`, { method: 'POST', body: form })).json()) as {
      access_token: string;
    }
  ).access_token;
  const headers = { authorization: `Bearer ${token}` };
  const sourcesResponse = await request(`${sandbox.url}/v3/non-employee-sources?non-employee-count=true`, {
    headers,
    dispatcher: agent,
  });
  const sources = (await sourcesResponse.body.json()) as Array<{ id: string; nonEmployeeCount: number }>;
  const records = sources.reduce((sum, s) => sum + s.nonEmployeeCount, 0);

  const timings: number[] = [];
  for (let i = 0; i < calls + 20; i++) {
    const source = sources[i % sources.length];
    const offset = ((i * 7919) % 80) * 250;
    const filters = encodeURIComponent(`sourceId eq "${source.id}"`);
    const started = performance.now();
    const response = await request(
      `${sandbox.url}/v3/non-employee-records?filters=${filters}&limit=250&offset=${offset}`,
      {
        headers,
        dispatcher: agent,
      },
    );
    const page = (await response.body.json()) as unknown[];
    const elapsed = performance.now() - started;
    if (response.statusCode !== 200 || page.length !== 250) {
      throw new Error(`unexpected answer ${response.statusCode} with ${page.length} records`);
    }
    if (i >= 20) timings.push(elapsed);
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))];
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  console.log(
    `sandbox at ${sources.length} sources × ${records / sources.length} records (${records} records)`,
  );
  console.log(`  boot: ${bootMs.toFixed(0)} ms, heap after run: ${heapMb.toFixed(0)} MB`);
  console.log(`  filtered 250-record page over HTTP, ${timings.length} calls (after 20 warm-up):`);
  console.log(
    `  median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${timings.at(-1)!.toFixed(2)} ms`,
  );
} finally {
  await agent.close();
  await sandbox.close();
}
