import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runProject, startGatewayProcess } from '../../helpers/gateway-process.ts';

const QUERY = JSON.stringify({ query: '{ nonEmployeeSources(first: 1) { edges { node { name } } } }' });

interface Answer {
  response: IncomingMessage;
  body: string;
  reusedSocket: boolean;
  socketClosed: Promise<void>;
}

/** One POST /graphql on the agent's single keep-alive connection. */
function query(url: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/graphql`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(QUERY) },
    });
    req.on('error', reject);
    req.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      const socketClosed = new Promise<void>((done) => {
        if (req.socket?.destroyed) done();
        else req.socket?.once('close', () => done());
      });
      response.on('end', () => resolve({ response, body, reusedSocket: req.reusedSocket, socketClosed }));
    });
    req.end(QUERY);
  });
}

async function setLatency(sandboxUrl: string, latencyMs: number): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs }),
  });
  expect(response.status).toBe(200);
}

/** Waits, bounded, until the sandbox has seen `calls` API requests: the slow query is then upstream. */
async function untilUpstreamCalls(sandboxUrl: string, calls: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const stats = (await (await fetch(`${sandboxUrl}/__sandbox/stats`)).json()) as { total: number };
    if (stats.total >= calls) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the sandbox never saw ${calls} calls`);
}

/** SIGTERM while a slow query runs on a busy keep-alive connection: it completes, then all closes. */
async function signalDuringSlowQuery(command: string, args: string[], signal: NodeJS.Signals) {
  const gateway = await startGatewayProcess(command, args, { SHUTDOWN_TIMEOUT_MS: '20000' });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const warm = await query(gateway.url, agent);
    expect(warm.response.statusCode).toBe(200);
    await setLatency(gateway.sandboxUrl, 1500);
    const before = (await (await fetch(`${gateway.sandboxUrl}/__sandbox/stats`)).json()) as { total: number };
    const slow = query(gateway.url, agent);
    await untilUpstreamCalls(gateway.sandboxUrl, before.total + 1);
    gateway.child.kill(signal);

    const answer = await slow;
    expect(answer.reusedSocket).toBe(true);
    expect(answer.response.statusCode).toBe(200);
    expect(JSON.parse(answer.body).data.nonEmployeeSources.edges).toHaveLength(1);
    expect(answer.response.headers.connection).toBe('close');
    await answer.socketClosed;
    // 0 only when the drain finished: requests cut at the timeout, or the forced stop, exit 1.
    expect(await gateway.exited).toBe(0);
    expect(gateway.stderr()).not.toMatch(/were cut/);
    expect(gateway.stdout()).toMatch(new RegExp(`${signal}: shutting down`));
  } finally {
    agent.destroy();
    gateway.child.kill('SIGKILL');
  }
}

describe('shutdown and start', () => {
  it('drains on SIGTERM: the in-flight query completes, its connection closes, exit 0', async () => {
    await signalDuringSlowQuery(process.execPath, ['--import', 'tsx', 'src/main.ts'], 'SIGTERM');
  }, 60_000);

  it('does the same when SIGTERM is sent to the `npm start` process', async () => {
    await signalDuringSlowQuery('npm', ['start', '--silent'], 'SIGTERM');
  }, 60_000);

  it('drains on SIGINT too', async () => {
    await signalDuringSlowQuery(process.execPath, ['--import', 'tsx', 'src/main.ts'], 'SIGINT');
  }, 60_000);

  it('cuts what is still running at SHUTDOWN_TIMEOUT_MS and exits 1', async () => {
    const gateway = await startGatewayProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      SHUTDOWN_TIMEOUT_MS: '300',
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await setLatency(gateway.sandboxUrl, 30_000);
      const slow = query(gateway.url, agent);
      await untilUpstreamCalls(gateway.sandboxUrl, 1);
      gateway.child.kill('SIGTERM');
      await expect(slow).rejects.toThrow(/socket hang up|ECONNRESET/);
      expect(await gateway.exited).toBe(1);
      expect(gateway.stderr()).toMatch(/SIGTERM: requests still in flight after 300 ms were cut/);
    } finally {
      agent.destroy();
      gateway.child.kill('SIGKILL');
    }
  }, 60_000);

  it('exits non-zero with one clear line when the port is taken', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const run = runProject(process.execPath, ['--import', 'tsx', 'src/main.ts'], { PORT: String(port) });
      const code = await Promise.race([
        run.exited,
        new Promise((resolve) => setTimeout(() => resolve('still running after 60 s'), 60_000)),
      ]);
      run.child.kill('SIGKILL');
      expect(code).toBe(1);
      expect(run.stderr().trim().split('\n')).toEqual([
        `gateway: 127.0.0.1:${port} is already in use; set PORT (or --port) to a free port`,
      ]);
    } finally {
      holder.close();
    }
  }, 70_000);
});
