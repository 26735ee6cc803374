import { describe, expect, it } from 'vitest';
import { parseRetryAfterMs } from '../../../src/upstream/retry-after.ts';
import { decideRetry, type RetryCandidate } from '../../../src/upstream/retry-policy.ts';

const read = (over: Partial<RetryCandidate>): RetryCandidate => ({
  method: 'GET',
  attempt: 1,
  waitedMs: 0,
  ...over,
});
const noJitter = { random: () => 0 };
const fullJitter = { random: () => 0.999 };

describe('parseRetryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs('0', now)).toBe(0);
    expect(parseRetryAfterMs(['45'], now)).toBe(45_000);
    expect(parseRetryAfterMs('Wed, 01 Jan 2025 00:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfterMs('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
    expect(parseRetryAfterMs('', now)).toBeNull();
  });
});

describe('decideRetry', () => {
  it('retries reads on 429, 502, 503, 504 and resets', () => {
    for (const statusCode of [429, 502, 503, 504]) expect(decideRetry(read({ statusCode })).retry).toBe(true);
    for (const errorCode of ['ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'EPIPE']) {
      expect(decideRetry(read({ errorCode })).retry).toBe(true);
    }
    expect(decideRetry(read({ method: 'HEAD', statusCode: 503 })).retry).toBe(true);
  });

  it('never retries writes', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(decideRetry(read({ method, statusCode: 503 }))).toEqual({ retry: false, reason: 'not a read' });
      expect(decideRetry(read({ method, errorCode: 'ECONNRESET' })).retry).toBe(false);
    }
  });

  it('does not retry other answers or timeouts', () => {
    for (const statusCode of [400, 401, 403, 404, 500, 501])
      expect(decideRetry(read({ statusCode })).retry).toBe(false);
    expect(decideRetry(read({ errorCode: 'UND_ERR_HEADERS_TIMEOUT' })).retry).toBe(false);
    expect(decideRetry(read({})).retry).toBe(false);
  });

  it('stops after maxAttempts', () => {
    expect(decideRetry(read({ statusCode: 503, attempt: 3 }), { maxAttempts: 4 }).retry).toBe(true);
    expect(decideRetry(read({ statusCode: 503, attempt: 4 }), { maxAttempts: 4 })).toEqual({
      retry: false,
      reason: 'attempts exhausted',
    });
  });

  it('backs off exponentially with jitter, up to maxDelayMs', () => {
    const options = { minDelayMs: 100, maxDelayMs: 1000, maxAttempts: 10 };
    const delay = (attempt: number, random: () => number) => {
      const decision = decideRetry(read({ statusCode: 503, attempt }), { ...options, random });
      return decision.retry ? decision.delayMs : -1;
    };
    expect([1, 2, 3, 4, 5].map((a) => delay(a, noJitter.random))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((a) => delay(a, fullJitter.random))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('honours Retry-After, even past 30 s, never earlier than asked', () => {
    const decision = decideRetry(read({ statusCode: 429, retryAfter: '45' }), noJitter);
    expect(decision).toEqual({ retry: true, delayMs: 45_000 });
    const jittered = decideRetry(read({ statusCode: 429, retryAfter: '2' }), fullJitter);
    expect(jittered.retry && jittered.delayMs).toBeGreaterThanOrEqual(2000);
    expect(jittered.retry && jittered.delayMs).toBeLessThanOrEqual(2250);
  });

  it('gives up at once when Retry-After is beyond the cap', () => {
    expect(decideRetry(read({ statusCode: 429, retryAfter: '61' }), { maxRetryAfterMs: 60_000 })).toEqual({
      retry: false,
      reason: 'Retry-After beyond the cap',
    });
  });

  it('keeps within the total wait budget', () => {
    const options = { ...noJitter, maxTotalWaitMs: 10_000 };
    expect(decideRetry(read({ statusCode: 429, retryAfter: '5', waitedMs: 5000 }), options).retry).toBe(true);
    expect(decideRetry(read({ statusCode: 429, retryAfter: '5', waitedMs: 5001 }), options)).toEqual({
      retry: false,
      reason: 'wait budget spent',
    });
  });
});
