/**
 * The dashboard overview with its approvals panel deferred (@defer) against the same query
 * answered whole: when the first payload arrives, when the last does, and the whole undeferred
 * answer, with the sandbox adding a per-call latency like a tenant's. The merged deferred data
 * must equal the undeferred answer. Run: `npx tsx bench/deferred-dashboard.ts [iterations] [latencyMs]`.
 */
import { isDeepStrictEqual } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { createGateway } from '../src/gateway.ts';
import { DASHBOARD_OVERVIEW } from '../src/schema/example-operations.ts';
import { startSandbox } from '../test/helpers/sandbox.ts';
import { median } from './stats.ts';

const iterations = Number(process.argv[2] ?? 15);
const latencyMs = Number(process.argv[3] ?? 15);

const sandbox = await startSandbox({ rateLimit: 0, faults: { latencyMs } });
const gateway = createGateway(
  loadConfig({
    SAIL_BASE_URL: sandbox.url,
    LOG_LEVEL: 'silent',
    GRAPHIQL: 'false',
    UPSTREAM_RATE_LIMIT: '0',
  }),
);
const token = await sandbox.tokenFor('admin');

type Data = Record<string, unknown>;
interface Payload {
  data?: Data;
  incremental?: Array<{ data?: Data; path: Array<string | number> }>;
  errors?: unknown[];
  hasNext?: boolean;
}

const post = (accept: string) =>
  gateway.fetch('http://gateway.bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: DASHBOARD_OVERVIEW }),
  });

/** The undeferred answer (a client that takes one JSON answer): its time and data. */
async function whole(): Promise<{ ms: number; data: Data }> {
  const started = performance.now();
  const body = (await (await post('application/json')).json()) as Payload;
  if (body.errors) throw new Error(`the gateway answered errors: ${JSON.stringify(body.errors)}`);
  return { ms: performance.now() - started, data: body.data ?? {} };
}

/** Puts each deferred part into the initial data at its path. */
function merge(target: Data, part: Data, path: Array<string | number>): void {
  let at: Data = target;
  for (const key of path) at = at[key] as Data;
  Object.assign(at, part);
}

/** The deferred answer over SSE: when its first and last payloads arrived, and the data merged. */
async function deferred(): Promise<{ firstMs: number; lastMs: number; data: Data }> {
  const started = performance.now();
  const response = await post('text/event-stream');
  let firstMs = 0;
  let data: Data = {};
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const line = block.split('\n').find((text) => text.startsWith('data: {'));
      if (!line || !block.includes('event: next')) continue;
      const payload = JSON.parse(line.slice(6)) as Payload;
      if (payload.errors) throw new Error(`the gateway answered errors: ${JSON.stringify(payload.errors)}`);
      if (payload.data) {
        firstMs = performance.now() - started;
        data = payload.data;
      }
      for (const part of payload.incremental ?? []) merge(data, part.data ?? {}, part.path);
    }
  }
  return { firstMs, lastMs: performance.now() - started, data };
}

// Warm up: connections, documents parsed and validated.
const reference = (await whole()).data;
await deferred();

const wholeMs: number[] = [];
const firstMs: number[] = [];
const lastMs: number[] = [];
let equal = true;
let calls = { whole: 0, deferred: 0 };
for (let i = 0; i < iterations; i++) {
  const a = await sandbox.callsDuring(whole);
  const b = await sandbox.callsDuring(deferred);
  wholeMs.push(a.result.ms);
  firstMs.push(b.result.firstMs);
  lastMs.push(b.result.lastMs);
  equal &&= isDeepStrictEqual(b.result.data, reference) && isDeepStrictEqual(a.result.data, reference);
  calls = { whole: a.stats.total, deferred: b.stats.total };
}

const ratio = median(firstMs) / median(wholeMs);
console.log(
  `\nDashboard overview, approvals deferred: ${iterations} runs each, sandbox latency ${latencyMs} ms per call\n`,
);
console.log('| Answer | Upstream calls | Median |');
console.log('| --- | --- | --- |');
console.log(`| undeferred, whole (application/json) | ${calls.whole} | ${median(wholeMs).toFixed(1)} ms |`);
console.log(`| deferred: first payload (counts) | ${calls.deferred} | ${median(firstMs).toFixed(1)} ms |`);
console.log(`| deferred: last payload (approvals) | | ${median(lastMs).toFixed(1)} ms |`);
console.log(
  `\nfirst payload / undeferred whole: ${(ratio * 100).toFixed(0)}%; merged deferred data equals the undeferred: ${equal}`,
);

await gateway.dispose();
await sandbox.close();
if (!equal) process.exitCode = 1;
