/** A benchmark child process (`node --import tsx`) spoken to over IPC: ready, then request/answer by id. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface IpcChild<Ready> {
  ready: Ready;
  ask<T>(kind: string): Promise<T>;
  stop(): Promise<void>;
}

export async function startChild<Ready>(
  script: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; execArgv?: string[] } = {},
): Promise<IpcChild<Ready>> {
  const child: ChildProcess = fork(fileURLToPath(new URL(script, import.meta.url)), args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (value: unknown) => void>();
  let nextId = 0;
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    child.on('message', (message: { kind: string; id?: number }) => {
      if (message.kind === 'ready') resolve(message as Ready);
      else if (message.id !== undefined) pending.get(message.id)?.(message);
    });
  });
  return {
    ready,
    ask<T>(kind: string) {
      const id = nextId++;
      return new Promise<T>((resolve) => {
        pending.set(id, (value) => {
          pending.delete(id);
          resolve(value as T);
        });
        child.send({ kind, id });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}
