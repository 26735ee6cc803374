/**
 * The benchmark's sandbox in a process of its own, so its CPU is never counted as a gateway's.
 * Answers over IPC with its URL and the admin's client credentials.
 */
import { createSandbox } from '../../src/sandbox/sandbox.ts';

const scale = process.env.BENCH_SANDBOX_SCALE ?? '50x1000';
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 15);
const sandbox = await createSandbox({ port: 0, rateLimit: 0, scale, faults: { latencyMs } });
process.send?.({ kind: 'ready', url: sandbox.url, admin: sandbox.admin });
process.on('disconnect', () => {
  sandbox.close().finally(() => process.exit(0));
});
