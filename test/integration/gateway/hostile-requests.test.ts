import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { hostileCorpus } from './hostile-corpus.ts';

const TIMEOUT_MS = 1500;
const LIMITS = { maxBodyBytes: 1_048_576, maxUploadBytes: 65_536 };

let t: TestGateway;
let admin: string;
const figures: Record<
  string,
  { requests: number; over499: number; slowestMs: number; upstreamCalls: number }
> = {};

beforeAll(async () => {
  t = await startGateway({
    env: {
      GRAPHQL_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      GRAPHQL_MAX_BODY_BYTES: String(LIMITS.maxBodyBytes),
      GRAPHQL_MAX_UPLOAD_BYTES: String(LIMITS.maxUploadBytes),
    },
  });
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(async () => {
  console.table(figures);
  await t.close();
});

const corpus = hostileCorpus(LIMITS);

describe('hostile requests: refused with a 4xx and a stable code, before any upstream call', () => {
  it('holds at least 300 requests', () => {
    expect(Object.values(corpus).flat().length).toBeGreaterThanOrEqual(300);
  });

  for (const [kind, cases] of Object.entries(corpus)) {
    it(kind, async () => {
      await t.sandbox.resetStats();
      const answers: { name: string; status: number; code: string | null }[] = [];
      let slowest = 0;
      for (const item of cases) {
        const headers = new Headers(item.init.headers);
        headers.set('authorization', `Bearer ${admin}`);
        const started = performance.now();
        const response = await t.gateway.fetch(`http://gateway.test${item.path}`, { ...item.init, headers });
        const text = await response.text();
        slowest = Math.max(slowest, performance.now() - started);
        const body = text ? (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }) : null;
        answers.push({
          name: item.name,
          status: response.status,
          code: body?.errors?.[0]?.extensions?.code ?? null,
        });
      }
      const calls = (await t.sandbox.stats()).total;
      figures[kind] = {
        requests: cases.length,
        over499: answers.filter((a) => a.status >= 500).length,
        slowestMs: Math.round(slowest),
        upstreamCalls: calls,
      };
      expect(answers).toEqual(cases.map((c) => ({ name: c.name, status: c.status, code: c.code })));
      expect(slowest).toBeLessThan(TIMEOUT_MS);
      expect(calls).toBe(0);
    });
  }
});
