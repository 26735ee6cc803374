/**
 * The latency Redis adds to a request: the same one-call query through a gateway with the
 * in-process throttle and through one whose window lives in Redis on loopback (one Lua call
 * before the upstream call, one after), and a cached read served from Redis after another
 * replica's miss. Run: `npx tsx bench/redis-latency.ts [requests]` (needs redis-server on PATH).
 */
import { loadConfig } from '../src/config.ts';
import { createGateway, type Gateway } from '../src/gateway.ts';
import { startRedis } from '../test/helpers/redis-server.ts';
import { startSandbox } from '../test/helpers/sandbox.ts';
import { percentile } from './stats.ts';

const requests = Number(process.argv[2] ?? 2000);
const redis = await startRedis();
const sandbox = await startSandbox({ rateLimit: 0 });
const token = await sandbox.tokenFor('admin');
const gatewayWith = (env: Record<string, string>) =>
  createGateway(
    loadConfig({
      SAIL_BASE_URL: sandbox.url,
      LOG_LEVEL: 'silent',
      GRAPHIQL: 'false',
      // The throttle in the path, never holding a call: only its own cost is measured.
      UPSTREAM_RATE_LIMIT: '1000000',
      ...env,
    }),
  );

const QUERY = JSON.stringify({ query: '{ nonEmployeeSources(first: 1) { totalCount } }' });
async function timed(gateway: Gateway, body = QUERY): Promise<number> {
  const started = performance.now();
  const answer = await gateway.fetch('http://gateway.bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const result = (await answer.json()) as { errors?: unknown[] };
  if (result.errors) throw new Error(`gateway answered errors: ${JSON.stringify(result.errors)}`);
  return performance.now() - started;
}

async function run(name: string, gateway: Gateway): Promise<number[]> {
  for (let i = 0; i < 200; i += 1) await timed(gateway); // warm-up: JIT, connections, scripts
  const times: number[] = [];
  for (let i = 0; i < requests; i += 1) times.push(await timed(gateway));
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(34)} p50 ${percentile(times, 50).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms`,
  );
  return times;
}

const local = gatewayWith({});
const shared = gatewayWith({ REDIS_URL: redis.url, REDIS_TIMEOUT_MS: '1000' });
await new Promise((resolve) => setTimeout(resolve, 300));
// Interleaved rounds, so machine noise lands on both alike.
const inProcess: number[] = [];
const viaRedis: number[] = [];
for (let round = 0; round < 2; round += 1) {
  inProcess.push(...(await run(`in-process throttle (round ${round + 1})`, local)));
  viaRedis.push(...(await run(`throttle in Redis (round ${round + 1})`, shared)));
}
inProcess.sort((a, b) => a - b);
viaRedis.sort((a, b) => a - b);
const added = (p: number) => (percentile(viaRedis, p) - percentile(inProcess, p)).toFixed(2);
console.log(
  `added by Redis on loopback: p50 ${added(50)} ms, p99 ${added(99)} ms (${requests * 2} requests each)`,
);

const cacheA = gatewayWith({ REDIS_URL: redis.url, REDIS_TIMEOUT_MS: '1000', CACHE_TTL_MS: '600000' });
const cacheB = gatewayWith({ REDIS_URL: redis.url, REDIS_TIMEOUT_MS: '1000', CACHE_TTL_MS: '600000' });
await new Promise((resolve) => setTimeout(resolve, 300));
await sandbox.resetStats();
await timed(cacheA);
const hits: number[] = [];
// Each read is a hit from Redis on B (a new query each time would miss; the same one stays in B's LRU).
for (let i = 0; i < requests; i += 1) hits.push(await timed(cacheB));
hits.sort((a, b) => a - b);
console.log(
  `cached read (B after A's miss)     p50 ${percentile(hits, 50).toFixed(2)} ms  p99 ${percentile(hits, 99).toFixed(2)} ms, upstream calls: ${(await sandbox.stats()).byRoute['GET /v3/non-employee-sources'] ?? 0}`,
);

await Promise.all([local, shared, cacheA, cacheB].map((gateway) => gateway.dispose()));
await sandbox.close();
await redis.stop();
