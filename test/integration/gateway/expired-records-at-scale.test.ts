// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NonEmployeeRecord, NonEmployeeSource } from '../../../src/upstream/wire/nelm.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { createAccountTestKit } from './account-test-kit.ts';

const asOf = new Date().toISOString();
const EXPIRED = `query($id: ID!, $asOf: DateTime!, $first: Int) {
  nonEmployeeSource(id: $id) { expiredRecords(asOf: $asOf, first: $first) { truncated limit nodes { iscId } } } }`;

let t: TestGateway;
let admin: string;
let source: NonEmployeeSource;
let endedCount: number;

beforeAll(async () => {
  t = await startGateway({ sandbox: { scale: { sources: 1, recordsPerSource: 20_000 } } });
  admin = await t.sandbox.tokenFor('admin');
  const kit = createAccountTestKit(t, admin);
  [source] = await kit.rest<NonEmployeeSource[]>('/v3/non-employee-sources?limit=1');
  const records = await kit.readAll<NonEmployeeRecord>(
    `/v3/non-employee-records?filters=${encodeURIComponent(`sourceId eq "${source.id}"`)}`,
  );
  expect(records).toHaveLength(20_000);
  endedCount = records.filter((record) => Date.parse(record.endDate as string) < Date.parse(asOf)).length;
}, 120_000);
afterAll(() => t?.close());

describe('expired contractors on a source of 20,000 records', () => {
  it('returns every ended record by default, never a silent 250', async () => {
    expect(endedCount).toBeGreaterThan(250);
    const { result, stats } = await t.sandbox.callsDuring(() =>
      t.gql(EXPIRED, { id: source.id, asOf }, { token: admin }),
    );
    expect(result.errors).toBeUndefined();
    const expired = result.data?.nonEmployeeSource.expiredRecords;
    expect(expired).toMatchObject({ truncated: false, limit: 20_000 });
    expect(new Set(expired.nodes.map((node: any) => node.iscId)).size).toBe(endedCount);
    expect(stats.byRoute['GET /v3/non-employee-records']).toBe(Math.floor(endedCount / 250) + 1);
  });

  it('says `truncated` when the bound cuts the list', async () => {
    const result = await t.gql(EXPIRED, { id: source.id, asOf, first: 250 }, { token: admin });
    expect(result.errors).toBeUndefined();
    const expired = result.data?.nonEmployeeSource.expiredRecords;
    expect(expired).toMatchObject({ truncated: true, limit: 250 });
    expect(expired.nodes).toHaveLength(250);
  });
});
