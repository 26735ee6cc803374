import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createSharedPoller, type PollEvent } from '../../../../src/schema/live/shared-poller.ts';

/** A subject read by counting: each read answers the value `values()` gives and is recorded. */
function subject(values: () => unknown) {
  const reads: number[] = [];
  return {
    reads,
    read: async () => {
      reads.push(performance.now());
      return values();
    },
  };
}

async function take<T>(events: AsyncGenerator<PollEvent<T>>, count: number): Promise<PollEvent<T>[]> {
  const taken: PollEvent<T>[] = [];
  for await (const event of events) {
    taken.push(event);
    if (taken.length === count) break;
  }
  return taken;
}

describe('createSharedPoller', () => {
  it('reads once per poll for every subscriber of a key, and apart for another key', async () => {
    const poller = createSharedPoller({ intervalMs: 20, maxIntervalMs: 20 });
    let n = 0;
    const shared = subject(() => ++n);
    const other = subject(() => 'x');
    const stop = new AbortController();
    const a = poller.watch('p1:job', shared.read, stop.signal);
    const b = poller.watch('p1:job', shared.read, stop.signal);
    const c = poller.watch('p2:job', other.read, stop.signal);
    const [fromA, fromB] = await Promise.all([take(a, 4), take(b, 4), take(c, 2)]);
    // Both saw the same reads: one poll served them.
    expect(fromA.map((event) => ('value' in event ? event.value : null))).toEqual(
      fromB.map((event) => ('value' in event ? event.value : null)),
    );
    expect(shared.reads.length).toBeLessThanOrEqual(5);
    expect(other.reads.length).toBeGreaterThanOrEqual(1);
    stop.abort();
  });

  it('doubles the wait while reads repeat, up to the longest', async () => {
    const poller = createSharedPoller({ intervalMs: 10, maxIntervalMs: 40 });
    const same = subject(() => 'unchanged');
    await take(poller.watch('k', same.read, new AbortController().signal), 5);
    const gaps = same.reads.slice(1).map((at, i) => at - same.reads[i]);
    // 10, 20, 40, 40: each wait at least as asked (timers never fire early).
    expect(gaps[0]).toBeGreaterThanOrEqual(9);
    expect(gaps[1]).toBeGreaterThanOrEqual(19);
    expect(gaps[2]).toBeGreaterThanOrEqual(39);
    expect(gaps[3]).toBeGreaterThanOrEqual(39);
  });

  it('stops reading when the last subscriber leaves, and hands the reads to one still there', async () => {
    const poller = createSharedPoller({ intervalMs: 15, maxIntervalMs: 15 });
    const first = subject(() => 1);
    const second = subject(() => 2);
    const leave = new AbortController();
    const stay = new AbortController();
    const a = poller.watch('k', first.read, leave.signal);
    await a.next();
    const b = poller.watch('k', second.read, stay.signal);
    await b.next();
    // One poll, read by the first subscriber.
    expect(second.reads).toHaveLength(0);
    leave.abort();
    await a.next();
    const before = second.reads.length;
    await sleep(60);
    expect(second.reads.length).toBeGreaterThan(before);
    stay.abort();
    await b.next();
    await sleep(20);
    expect(poller.polls()).toBe(0);
    const after = first.reads.length + second.reads.length;
    await sleep(60);
    expect(first.reads.length + second.reads.length).toBe(after);
  });

  it('ends every subscriber with a failed read, and a new one opens a new poll', async () => {
    const poller = createSharedPoller({ intervalMs: 10, maxIntervalMs: 10 });
    const failing = {
      read: async () => {
        throw new Error('rate limited');
      },
    };
    const signal = new AbortController().signal;
    const [a, b] = await Promise.all([
      take(poller.watch('k', failing.read, signal), 5),
      take(poller.watch('k', failing.read, signal), 5),
    ]);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect('error' in a[0]).toBe(true);
    expect(poller.polls()).toBe(0);
  });

  it('skips reads that started before `since`', async () => {
    const poller = createSharedPoller({ intervalMs: 30, maxIntervalMs: 30 });
    let n = 0;
    const counting = subject(() => ++n);
    const stop = new AbortController();
    const early = poller.watch('k', counting.read, stop.signal);
    await take(early, 1);
    const since = performance.now();
    const [late] = await take(poller.watch('k', counting.read, stop.signal, { since }), 1);
    expect(late.at).toBeGreaterThanOrEqual(since);
    expect('value' in late && late.value).toBe(2);
    stop.abort();
    await early.return(undefined);
  });
});
