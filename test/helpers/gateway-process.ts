import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface GatewayProcess {
  child: ChildProcess;
  /** The gateway's `http://host:port`. */
  url: string;
  /** The in-process sandbox's base URL. */
  sandboxUrl: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Everything printed, and the process's end, as promises a test can wait on. */
function watch(child: ChildProcess) {
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  return { stdout: () => out, stderr: () => err, exited };
}

/** Runs a command of this project with the given environment (PORT=0 unless set). */
export function runProject(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SANDBOX_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { child, ...watch(child) };
}

/** Starts the gateway (`npm start`, or a node command line) and waits, bounded, for its banner. */
export async function startGatewayProcess(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<GatewayProcess> {
  const run = runProject(command, args, env);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const gateway = /gateway: (http:\/\/[^/\s]+)\/graphql/.exec(run.stdout());
    const sandbox = /sandbox: (http:\/\/[^/\s]+)/.exec(run.stdout());
    if (gateway && sandbox) return { ...run, url: gateway[1], sandboxUrl: sandbox[1] };
    if (run.child.exitCode !== null || Date.now() > deadline) {
      run.child.kill('SIGKILL');
      throw new Error(`the gateway did not start:\n${run.stdout()}\n${run.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
