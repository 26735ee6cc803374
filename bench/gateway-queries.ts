/**
 * The gateway against the REST waterfall a browser (or a 1:1 generated GraphQL) would make for
 * the same screens: upstream calls and wall time per screen, with the sandbox adding a per-call
 * latency like a tenant's. Run: `npx tsx bench/gateway-queries.ts [iterations] [latencyMs]`.
 */
import { loadConfig } from '../src/config.ts';
import { createGateway } from '../src/gateway.ts';
import { APPROVALS_INBOX, DASHBOARD_OVERVIEW } from '../src/schema/example-operations.ts';
import { startSandbox } from '../test/helpers/sandbox.ts';
import { median, percentile } from './stats.ts';

const iterations = Number(process.argv[2] ?? 15);
const latencyMs = Number(process.argv[3] ?? 15);

const sandbox = await startSandbox({
  rateLimit: 0,
  scale: { sources: 50, recordsPerSource: 2000 },
});
const base = sandbox.url;
const gateway = createGateway(
  loadConfig({ SAIL_BASE_URL: base, LOG_LEVEL: 'silent', GRAPHIQL: 'false', UPSTREAM_RATE_LIMIT: '0' }),
);

/** The gateway's way: one GraphQL request. */
async function viaGateway(query: string, token: string): Promise<void> {
  const answer = await gateway.fetch('http://gateway.bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await answer.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`gateway answered errors: ${JSON.stringify(body.errors)}`);
}

/** The REST way: list, then a get per linked object, as the screens need them. */
function restClient(token: string) {
  const get = async <T>(path: string): Promise<T> => {
    const answer = await fetch(`${base}/v3${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!answer.ok) throw new Error(`${path} answered ${answer.status}`);
    return (await answer.json()) as T;
  };
  type Approval = { nonEmployeeRequest?: { id: string } };
  type Record = { accountName: string };
  type Request = { nonEmployeeSource?: { id: string } };
  const requestsWithSources = (approvals: Approval[]) =>
    Promise.all(
      approvals.map(async (approval) => {
        const request = await get<Request>(`/non-employee-requests/${approval.nonEmployeeRequest?.id}`);
        return get(`/non-employee-sources/${request.nonEmployeeSource?.id}`);
      }),
    );
  return {
    async dashboard() {
      const pending = encodeURIComponent('approvalStatus eq "PENDING"');
      const [, , , approvals] = await Promise.all([
        get('/non-employee-sources?limit=50&non-employee-count=true'),
        get('/non-employee-requests/summary/me'),
        get('/non-employee-approvals/summary/me'),
        get<Approval[]>(`/non-employee-approvals?limit=10&filters=${pending}`),
      ]);
      await requestsWithSources(approvals);
    },
    /** A records table with each row's account: one lookup per row. */
    async recordsWithAccounts(source: { id: string; sourceId: string }) {
      const bySource = encodeURIComponent(`sourceId eq "${source.id}"`);
      const records = await get<Record[]>(`/non-employee-records?limit=250&filters=${bySource}`);
      await Promise.all(
        records.map((record) => {
          const filter = `sourceId eq "${source.sourceId}" and nativeIdentity eq "${record.accountName}"`;
          return get(`/accounts?filters=${encodeURIComponent(filter)}`);
        }),
      );
    },
    async inbox() {
      const approvals = await get<Approval[]>(
        '/non-employee-approvals?requested-for=me&limit=50&sorters=-created',
      );
      await requestsWithSources(approvals);
    },
  };
}

interface Row {
  screen: string;
  way: string;
  calls: number;
  medianMs: number;
  p95Ms: number;
}

async function measure(screen: string, way: string, run: () => Promise<void>): Promise<Row> {
  await run(); // warm-up: connections, JIT
  const before = (await sandbox.stats()).total;
  await run();
  const calls = (await sandbox.stats()).total - before;
  const timings: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    timings.push(performance.now() - started);
  }
  return { screen, way, calls, medianMs: median(timings), p95Ms: percentile(timings, 95) };
}

/** Many screens at once through one gateway: throughput and the heap it takes. */
async function underLoad(query: string, token: string, concurrency: number, rounds: number) {
  const started = performance.now();
  let peakHeap = 0;
  for (let round = 0; round < rounds; round++) {
    await Promise.all(Array.from({ length: concurrency }, () => viaGateway(query, token)));
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: (concurrency * rounds) / seconds, peakHeapMb: peakHeap / 2 ** 20 };
}

try {
  const admin = await sandbox.tokenFor('admin');
  const approver = await sandbox.tokenFor('approver');
  const [source] = (await (
    await sandbox.api('/v3/non-employee-sources?limit=1', { token: admin })
  ).json()) as { id: string; sourceId: string }[];
  const recordsWithAccounts = `{ nonEmployeeRecords(sourceId: "${source.id}", first: 250) {
    edges { node { accountName account { disabled locked } } } } }`;
  await sandbox.setFaults({ latencyMs });
  // An approver may read only the requests they made: where the seeded inbox holds others', the
  // screen cannot be read by them at all and is left out, saying why.
  const inbox = await (async () => [
    await measure('approvals inbox (approver)', 'gateway', () => viaGateway(APPROVALS_INBOX, approver)),
    await measure('approvals inbox (approver)', 'REST waterfall', () => restClient(approver).inbox()),
  ])().catch((error: Error) => {
    console.log(`approvals inbox left out: ${error.message.slice(0, 120)}`);
    return [];
  });
  const rows = [
    await measure('dashboard (admin)', 'gateway', () => viaGateway(DASHBOARD_OVERVIEW, admin)),
    await measure('dashboard (admin)', 'REST waterfall', () => restClient(admin).dashboard()),
    ...inbox,
    await measure('250 records with accounts', 'gateway', () => viaGateway(recordsWithAccounts, admin)),
    await measure('250 records with accounts', 'REST waterfall', () =>
      restClient(admin).recordsWithAccounts(source),
    ),
  ];
  console.log(`gateway vs REST waterfall: ${iterations} runs each, sandbox latency ${latencyMs} ms per call`);
  console.table(
    rows.map((row) => ({
      screen: row.screen,
      way: row.way,
      'upstream calls': row.calls,
      'median ms': row.medianMs.toFixed(1),
      'p95 ms': row.p95Ms.toFixed(1),
    })),
  );
  const load = await underLoad(DASHBOARD_OVERVIEW, admin, 20, 5);
  console.log(
    `dashboard, 20 at a time x 5 rounds: ${load.perSecond.toFixed(0)} per second, peak heap ${load.peakHeapMb.toFixed(0)} MB`,
  );
} finally {
  await gateway.dispose();
  await sandbox.close();
}
