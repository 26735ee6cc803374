import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

let t: TestGateway;
let admin: string;

beforeAll(async () => {
  // Ten attempts per read: at a 30% fault rate a read fails for good with odds of 0.3^10.
  t = await startGateway({
    env: { UPSTREAM_MAX_ATTEMPTS: '10', UPSTREAM_RETRY_MIN_DELAY_MS: '5', UPSTREAM_RETRY_MAX_DELAY_MS: '50' },
  });
  admin = await t.sandbox.tokenFor('admin');
});
afterAll(() => t.close());

const QUERIES = [
  `{ nonEmployeeSources(first: 50) { totalCount edges { node { iscId name nonEmployeeCount
      schemaAttributes { technicalName } } } } }`,
  `{ nonEmployeeApprovals(first: 30) { totalCount edges { cursor node { iscId approvalStatus
      request { iscId accountName requester { id } source { name } } } } } }`,
  `{ nonEmployeeRecords(first: 40) { totalCount edges { node { iscId accountName source { name }
      account { nativeIdentity disabled } } } } }`,
  `{ nonEmployeeRequestSummary { approved pending rejected } nonEmployeeApprovalSummary { approved pending } }`,
];

describe('reads under upstream faults', () => {
  it('complete with the same answers when 30% of upstream calls fail with 429, 503 or a reset', async () => {
    const expected: unknown[] = [];
    for (const query of QUERIES) {
      const result = await t.gql(query, {}, { token: admin });
      expect(result.errors).toBeUndefined();
      expected.push(result.data);
    }

    const { stats } = await t.sandbox.callsDuring(async () => {
      // 15% 429, then 18% of the rest 503: about 30% of upstream calls fail.
      await t.sandbox.setFaults({
        rateLimitRate: 0.15,
        unavailableRate: 0.18,
        retryAfterSeconds: 0,
        failNext: [
          { status: 503 },
          { status: 429, retryAfterSeconds: 0 },
          { status: 503 },
          { status: 'drop' },
        ],
      });
      try {
        for (const [index, query] of QUERIES.entries()) {
          const result = await t.gql(query, {}, { token: admin });
          expect(result.errors).toBeUndefined();
          expect(result.data).toEqual(expected[index]);
        }
      } finally {
        await t.sandbox.setFaults({});
      }
    });
    const failed =
      (stats.byStatus['429'] ?? 0) + (stats.byStatus['503'] ?? 0) + (stats.byStatus.dropped ?? 0);
    expect(stats.byStatus['503']).toBeGreaterThanOrEqual(2);
    expect(failed).toBeGreaterThan(4);
  });

  it('reports a read that keeps failing as UPSTREAM_UNAVAILABLE with its trackingId, beside the data that loaded', async () => {
    await t.sandbox.setFaults({ failNext: Array.from({ length: 10 }, () => ({ status: 503 })) });
    try {
      const result = await t.gql(`{ nonEmployeeApprovalSummary { pending } }`, {}, { token: admin });
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 });
      expect(result.errors?.[0].extensions?.trackingId).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await t.sandbox.setFaults({});
    }
  });

  it('gives FORBIDDEN for a field the caller may not read, beside the fields that loaded', async () => {
    const approver = await t.sandbox.tokenFor('approver');
    const records = await t.sandbox.api('/v3/non-employee-records?limit=1', { token: admin });
    const [record] = (await records.json()) as { id: string }[];
    const result = await t.gql(
      `query($id: ID!) { nonEmployeeRecord(id: $id) { accountName } nonEmployeeApprovalSummary { pending } }`,
      { id: record.id },
      { token: approver },
    );
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      path: ['nonEmployeeRecord'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(result.data?.nonEmployeeRecord).toBeNull();
    expect(result.errors?.[0].extensions?.trackingId).toMatch(/^[0-9a-f]{32}$/);
    const summary = await t.sandbox.api('/v3/non-employee-approvals/summary/me', { token: approver });
    expect(result.data?.nonEmployeeApprovalSummary.pending).toBe(
      ((await summary.json()) as { pending: number }).pending,
    );
  });
});
