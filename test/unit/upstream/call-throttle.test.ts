import { describe, expect, it } from 'vitest';
import { createCallThrottle } from '../../../src/upstream/call-throttle.ts';
import { UpstreamRateLimitedError } from '../../../src/upstream/errors.ts';
import { throttleKeyOf } from '../../../src/upstream/throttle-key.ts';

describe('call throttle', () => {
  it('lets at most `limit` calls of a token into any window, in arrival order', async () => {
    const throttle = createCallThrottle({ limit: 3, windowMs: 150, marginMs: 0, maxWaitMs: 5000 });
    const started: Array<{ call: number; at: number }> = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, call) =>
        throttle.acquire('token-a').then((ticket) => {
          started.push({ call, at: performance.now() });
          ticket.answered();
        }),
      ),
    );
    expect(started.map((entry) => entry.call)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The 4th call starts a window after the 1st was answered, the 7th a window after the 4th.
    for (let i = 3; i < started.length; i++) {
      expect(started[i].at - started[i - 3].at).toBeGreaterThanOrEqual(149);
    }
  });

  const jwt = (claims: Record<string, unknown>, signature = 'sig') =>
    ['{"alg":"HS256"}', JSON.stringify(claims)]
      .map((part) => Buffer.from(part).toString('base64url'))
      .join('.') + `.${signature}`;

  it('counts every token of one client_id together, and other clients apart', async () => {
    const throttle = createCallThrottle({ limit: 2, windowMs: 60_000, marginMs: 0, maxWaitMs: 10 });
    const first = jwt({ client_id: 'client-1', jti: 'a' });
    const second = jwt({ client_id: 'client-1', jti: 'b' }, 'other');
    (await throttle.acquire(first)).answered();
    (await throttle.acquire(second)).answered();
    await expect(throttle.acquire(first)).rejects.toBeInstanceOf(UpstreamRateLimitedError);
    await expect(throttle.acquire(second)).rejects.toBeInstanceOf(UpstreamRateLimitedError);
    await expect(throttle.acquire(jwt({ client_id: 'client-2' }))).resolves.toMatchObject({ waitedMs: 0 });
  });

  it('keys on hashes: never a token or a client id', () => {
    const token = jwt({ client_id: 'client-1' });
    const key = throttleKeyOf(token);
    expect(key).toBe(throttleKeyOf(jwt({ client_id: 'client-1', jti: 'x' }, 'zzz')));
    expect(key).not.toContain('client-1');
    expect(key).not.toContain(token);
    expect(throttleKeyOf('not-a-jwt')).not.toBe(throttleKeyOf('not-a-jwt-either'));
    expect(throttleKeyOf('a.%%%.c')).toMatch(/^token:/);
    expect(throttleKeyOf(jwt({ sub: 'no client id' }))).toMatch(/^token:/);
  });

  it("holds every call of a client for the Retry-After of one of its 429s, other clients' not", async () => {
    let clock = 1_000;
    const throttle = createCallThrottle({
      limit: 100,
      windowMs: 10_000,
      marginMs: 0,
      maxWaitMs: 500,
      now: () => clock,
    });
    const cooled = jwt({ client_id: 'client-1', jti: 'a' });
    throttle.coolDown(jwt({ client_id: 'client-1', jti: 'b' }), 2_000);
    // With room in the window, the cooldown alone makes the wait: past maxWaitMs it is RATE_LIMITED.
    const refused = await throttle.acquire(cooled).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UpstreamRateLimitedError);
    expect((refused as UpstreamRateLimitedError).retryAfterSeconds).toBe(2);
    await expect(throttle.acquire(jwt({ client_id: 'client-2' }))).resolves.toMatchObject({ waitedMs: 0 });
    clock += 2_000;
    await expect(throttle.acquire(cooled)).resolves.toMatchObject({ waitedMs: 0 });
  });

  it('counts each token that is not a JWT apart', async () => {
    const throttle = createCallThrottle({ limit: 1, windowMs: 60_000, marginMs: 0, maxWaitMs: 10 });
    (await throttle.acquire('token-a')).answered();
    await expect(throttle.acquire('token-b')).resolves.toMatchObject({ waitedMs: 0 });
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
    const first = await throttle.acquire('token');
    expect(first.waitedMs).toBe(0);
    first.answered();
    expect((await throttle.acquire('token')).waitedMs).toBeGreaterThanOrEqual(99);
  });

  it('counts a call until a window after its answer, as the upstream counts it on arrival', async () => {
    let clock = 0;
    const throttle = createCallThrottle({
      limit: 1,
      windowMs: 1_000,
      marginMs: 0,
      maxWaitMs: 500,
      now: () => clock,
    });
    const ticket = await throttle.acquire('token');
    clock = 800;
    ticket.answered();
    // Sent at 0 but answered at 800: no room before 1,800, a wait past the 500 ms cap.
    const refused = await throttle.acquire('token').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UpstreamRateLimitedError);
    expect((refused as UpstreamRateLimitedError).retryAfterSeconds).toBe(1);
    clock = 1_800;
    await expect(throttle.acquire('token')).resolves.toMatchObject({ waitedMs: 0 });
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
