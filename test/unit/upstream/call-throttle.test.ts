import { describe, expect, it } from 'vitest';
import { createCallThrottle } from '../../../src/upstream/call-throttle.ts';
import { UpstreamRateLimitedError } from '../../../src/upstream/errors.ts';

describe('call throttle', () => {
  it('lets at most `limit` calls of a token into any window, in arrival order', async () => {
    const throttle = createCallThrottle({ limit: 3, windowMs: 150, marginMs: 0, maxWaitMs: 5000 });
    const started: Array<{ call: number; at: number }> = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, call) =>
        throttle.acquire('token-a').then(() => started.push({ call, at: performance.now() })),
      ),
    );
    expect(started.map((entry) => entry.call)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The 4th call starts a window after the 1st, the 7th a window after the 4th.
    for (let i = 3; i < started.length; i++) {
      expect(started[i].at - started[i - 3].at).toBeGreaterThanOrEqual(149);
    }
  });

  it('counts each token apart', async () => {
    const throttle = createCallThrottle({ limit: 1, windowMs: 60_000, marginMs: 0, maxWaitMs: 10 });
    await throttle.acquire('token-a');
    await expect(throttle.acquire('token-b')).resolves.toBe(0);
    await expect(throttle.acquire('token-a')).rejects.toBeInstanceOf(UpstreamRateLimitedError);
  });

  it('refuses a call that would wait past maxWaitMs as RATE_LIMITED with a retry-after', async () => {
    const throttle = createCallThrottle({ limit: 2, windowMs: 30_000, marginMs: 0, maxWaitMs: 1000 });
    const token = 'eyJ.secret-bearer.value';
    await throttle.acquire(token);
    await throttle.acquire(token);
    const refused = await throttle.acquire(token).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UpstreamRateLimitedError);
    expect((refused as UpstreamRateLimitedError).retryAfterSeconds).toBe(30);
    expect(String((refused as Error).message)).not.toContain(token);
  });

  it('resolves with how long it held a call: 0 when there was room', async () => {
    const throttle = createCallThrottle({ limit: 1, windowMs: 100, marginMs: 0, maxWaitMs: 5000 });
    await expect(throttle.acquire('token')).resolves.toBe(0);
    expect(await throttle.acquire('token')).toBeGreaterThanOrEqual(99);
  });

  it('lets everything through when the limit is 0', async () => {
    const throttle = createCallThrottle({ limit: 0, windowMs: 10_000, maxWaitMs: 0 });
    await Promise.all(Array.from({ length: 500 }, () => throttle.acquire('token')));
  });

  it('stops waiting when the call is aborted, with the abort reason', async () => {
    const throttle = createCallThrottle({ limit: 1, windowMs: 60_000, marginMs: 0, maxWaitMs: 120_000 });
    await throttle.acquire('token');
    const controller = new AbortController();
    const waiting = throttle.acquire('token', controller.signal);
    controller.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
  });

  it('gives no room to a call whose request ended while it waited in line', async () => {
    const throttle = createCallThrottle({ limit: 2, windowMs: 60_000, marginMs: 0, maxWaitMs: 120_000 });
    await throttle.acquire('token');
    const controller = new AbortController();
    controller.abort(new Error('answered'));
    await expect(throttle.acquire('token', controller.signal)).rejects.toThrow('answered');
    // The second slot is still free.
    await throttle.acquire('token');
  });
});
