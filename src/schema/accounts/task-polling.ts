import { setTimeout as sleepFor } from 'node:timers/promises';
import { stableKey } from '../../loaders/call-cache.ts';
import type { JsonPatchOperation } from '../../upstream/wire/common.ts';

/** How long `waitForCompletion` keeps reading before it answers PENDING. */
export interface PollOptions {
  /** Reads at most. @default 8 */
  attempts: number;
  /** Wait before the first read; each later wait doubles. @default 100 */
  firstDelayMs: number;
  /** The longest single wait. @default 2000 */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<unknown>;
}

/** 8 reads over about 9 seconds: 0.1, 0.2, 0.4, 0.8, 1.6, then 2 s apart. */
export const DEFAULT_POLL: PollOptions = { attempts: 8, firstDelayMs: 100, maxDelayMs: 2000 };

export interface PollOutcome<T> {
  /** The last value read; undefined when no read succeeded. */
  value: T | undefined;
  completed: boolean;
  reads: number;
}

/**
 * Reads until `done` holds or the attempts are spent, waiting with doubling delays. A read that
 * fails ends the polling without completion: the write itself was accepted, so it is not an error.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: PollOptions = DEFAULT_POLL,
): Promise<PollOutcome<T>> {
  const sleep = options.sleep ?? sleepFor;
  let delay = options.firstDelayMs;
  let value: T | undefined;
  for (let reads = 1; reads <= options.attempts; reads++) {
    await sleep(delay);
    delay = Math.min(delay * 2, options.maxDelayMs);
    try {
      value = await read();
    } catch {
      return { value, completed: false, reads };
    }
    if (done(value)) return { value, completed: true, reads };
  }
  return { value, completed: false, reads: options.attempts };
}

/** The value at a JSON Pointer (RFC 6901), or undefined when the path leads nowhere. */
export function valueAtPointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Whether a patch states the values it leaves (add, replace, remove at named places). */
export function statesEndValues(patch: readonly JsonPatchOperation[]): boolean {
  // An append (`/-`) names no place to look the value up; move, copy and test state no value.
  return patch.every(
    (operation) => ['add', 'replace', 'remove'].includes(operation.op) && !operation.path.endsWith('/-'),
  );
}

/**
 * Whether an account read back shows a patch that `statesEndValues`: every `add`/`replace` value
 * is there and every `remove`d path is empty.
 */
export function showsPatch(account: unknown, patch: readonly JsonPatchOperation[]): boolean {
  return patch.every((operation) =>
    operation.op === 'remove'
      ? valueAtPointer(account, operation.path) == null
      : stableKey(valueAtPointer(account, operation.path)) === stableKey(operation.value),
  );
}
