/**
 * One gateway, built from the checkout given as argv[2] (this tree or another commit's worktree),
 * served over HTTP in a process of its own. Over IPC it answers `cpu` with its own
 * `process.cpuUsage()`, so the load generator's CPU is never counted as the gateway's.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const checkout = process.argv[2] ?? process.cwd();
const upstream = process.env.BENCH_UPSTREAM;
if (!upstream) throw new Error('BENCH_UPSTREAM (the sandbox URL) is required');
const load = (path: string) => import(pathToFileURL(join(checkout, path)).href);
const { loadConfig } = await load('src/config.ts');
const { createGateway } = await load('src/gateway.ts');
const extra = JSON.parse(process.env.BENCH_GATEWAY_ENV ?? '{}') as Record<string, string>;
const gateway = createGateway(
  loadConfig({
    SAIL_BASE_URL: upstream,
    LOG_LEVEL: 'silent',
    GRAPHIQL: 'false',
    UPSTREAM_RATE_LIMIT: '0',
    ...extra,
  }),
);
const server = createServer(gateway);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ kind: 'ready', url: `http://127.0.0.1:${port}` });
});
process.on('message', (message: { kind: string; id: number }) => {
  if (message.kind === 'cpu') process.send?.({ kind: 'cpu', id: message.id, usage: process.cpuUsage() });
  if (message.kind === 'gc') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ kind: 'gc', id: message.id });
  }
});
process.on('disconnect', () => {
  server.close();
  gateway.dispose().finally(() => process.exit(0));
});
