import { md5Hex } from './account-ids.ts';
import { fnv1a } from './seeded-state.ts';

/** How long an accepted account task takes before its change shows. */
export interface TaskDelay {
  /** @default 50 */
  minMs: number;
  /** @default 300 */
  maxMs: number;
}

export const DEFAULT_TASK_DELAY: TaskDelay = { minMs: 50, maxMs: 300 };

export interface TaskScheduler {
  /** Accepts a task: its id now, its effect after the task's delay. */
  submit(effect: () => void): string;
  /** Tasks accepted and not yet applied. */
  pending(): number;
  /** Cancels every pending task. */
  reset(): void;
}

/** Runs accepted account tasks a little later, as a tenant's task queue does; the delay follows from the task id. */
export function createTaskScheduler(seed: number, delay: TaskDelay = DEFAULT_TASK_DELAY): TaskScheduler {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let counter = 0;
  const span = Math.max(0, delay.maxMs - delay.minMs);

  return {
    submit(effect) {
      const id = md5Hex(`task:${seed}:${++counter}`);
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          try {
            effect();
          } catch {
            // A task that cannot apply (its account changed meanwhile) ends without effect, as a failed task does.
          }
        },
        delay.minMs + (fnv1a(id) % (span + 1)),
      );
      // A pending task must not keep the process alive on shutdown.
      timer.unref();
      timers.add(timer);
      return id;
    },
    pending: () => timers.size,
    reset() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
