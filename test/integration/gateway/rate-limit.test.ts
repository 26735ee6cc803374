import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

/** 1 approvals list + one read per distinct request: well past 10 calls. */
const INBOX = `{ nonEmployeeApprovals(first: 24) { edges { node { request { firstName } } } } }`;
/** The sandbox lets a token make 10 calls a second, a small copy of ISC's 100 per 10 s. */
const SANDBOX_LIMIT = { rateLimit: 10, rateLimitWindowMs: 1000 };

let t: TestGateway | undefined;
afterEach(() => t?.close());

describe('the per-client rate limit at ISC scale', () => {
  it('gives two tokens of one client 150 calls in 10 s at the real limit and draws no 429', async () => {
    t = await startGateway({
      sandbox: { rateLimit: 100, rateLimitWindowMs: 10_000 },
      env: {
        UPSTREAM_RATE_LIMIT: '100',
        UPSTREAM_RATE_LIMIT_WINDOW_MS: '10000',
        UPSTREAM_MAX_RETRY_AFTER_MS: '20000',
        // The calls past the first 100 wait a window for room: longer than the default deadline.
        GRAPHQL_REQUEST_TIMEOUT_MS: '30000',
      },
    });
    const tokens = [await t.sandbox.tokenFor('admin'), await t.sandbox.tokenFor('admin')];
    expect(tokens[0]).not.toBe(tokens[1]);
    await t.sandbox.resetStats();
    // One upstream call per query; the same query twice in one operation would be one call.
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        t!.gql('{ nonEmployeeSources(first: 1) { totalCount } }', {}, { token: tokens[i % 2] }),
      ),
    );
    expect(results.filter((result) => result.errors !== undefined)).toEqual([]);
    const stats = await t.sandbox.stats();
    expect(stats.total).toBe(150);
    expect(stats.byStatus['429']).toBeUndefined();
    expect(stats.byStatus['200']).toBe(150);
  }, 40_000);
});

describe('the per-client rate limit', () => {
  it('holds calls past the limit until the window has room: the upstream answers no 429', async () => {
    t = await startGateway({
      sandbox: SANDBOX_LIMIT,
      env: { UPSTREAM_RATE_LIMIT: '10', UPSTREAM_RATE_LIMIT_WINDOW_MS: '1000' },
    });
    const token = await t.sandbox.tokenFor('admin');
    const { result, stats } = await t.sandbox.callsDuring(() => (t as TestGateway).gql(INBOX, {}, { token }));
    expect(result.errors).toBeUndefined();
    expect(stats.total).toBeGreaterThan(10);
    expect(stats.byStatus['429']).toBeUndefined();
  });

  it('without it, the same query draws 429s from the upstream', async () => {
    t = await startGateway({ sandbox: SANDBOX_LIMIT, env: { UPSTREAM_RATE_LIMIT: '0' } });
    const token = await t.sandbox.tokenFor('admin');
    const { stats: calls } = await t.sandbox.callsDuring(() => (t as TestGateway).gql(INBOX, {}, { token }));
    expect(calls.byStatus['429']).toBeGreaterThan(0);
  });

  it('answers RATE_LIMITED, with no upstream call, when the wait would pass the cap', async () => {
    t = await startGateway({
      env: {
        UPSTREAM_RATE_LIMIT: '2',
        UPSTREAM_RATE_LIMIT_WINDOW_MS: '60000',
        UPSTREAM_MAX_RETRY_AFTER_MS: '1000',
      },
    });
    const token = await t.sandbox.tokenFor('admin');
    const { result, stats: calls } = await t.sandbox.callsDuring(() =>
      (t as TestGateway).gql(INBOX, {}, { token }),
    );
    expect(result.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // Admission sees the window cannot take the inbox in time: nothing is sent.
    expect(calls.total).toBe(0);
  });
});
