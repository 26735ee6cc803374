// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/upstream/wire/accounts.ts';
import type { NonEmployeeRecord, NonEmployeeSource } from '../../../src/upstream/wire/nelm.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { createAccountTestKit } from './account-test-kit.ts';

const RECORDS = 1200;
let t: TestGateway;
let admin: string;
let source: NonEmployeeSource;
let records: NonEmployeeRecord[];
let accounts: Map<string, Account>;
const asOf = new Date().toISOString();

beforeAll(async () => {
  t = await startGateway({
    sandbox: { scale: { sources: 2, recordsPerSource: RECORDS } },
    // expiredRecords(accountEnabled:, first: 20000) is estimated at 81 pages with their accounts calls (163): past the default budget.
    env: { GRAPHQL_MAX_UPSTREAM_CALLS: '400' },
  });
  admin = await t.sandbox.tokenFor('admin');
  const kit = createAccountTestKit(t, admin);
  [source] = await kit.rest<NonEmployeeSource[]>('/v3/non-employee-sources?limit=1');
  records = await kit.readAll<NonEmployeeRecord>(
    `/v3/non-employee-records?filters=${encodeURIComponent(`sourceId eq "${source.id}"`)}`,
  );
  accounts = await kit.accountsOn(source.sourceId as string);
});
afterAll(() => t.close());

/** The ended records of the source, earliest end first, as a client reading everything would find them. */
const ended = () =>
  records
    .filter((record) => Date.parse(record.endDate as string) < Date.parse(asOf))
    .sort((a, b) => Date.parse(a.endDate as string) - Date.parse(b.endDate as string));

const DASHBOARD = `query($id: ID!, $asOf: DateTime!, $enabled: Boolean) {
  nonEmployeeSource(id: $id) { name
    expiredRecords(accountEnabled: $enabled, asOf: $asOf, first: 20000) {
      truncated nodes { iscId accountName endDate account { disabled } } } } }`;

describe('dashboard: contractors whose end date has passed and whose account is still enabled', () => {
  it('answers in one request, reading only the ended records and one accounts call per 250', async () => {
    const expected = ended().filter(
      (record) => accounts.get(record.accountName as string)?.disabled === false,
    );
    const endedCount = ended().length;
    expect(endedCount).toBeGreaterThan(250);
    expect(expected.length).toBeLessThan(endedCount);

    const { result, stats: calls } = await t.sandbox.callsDuring(() =>
      t.gql(DASHBOARD, { id: source.id, asOf, enabled: true }, { token: admin }),
    );
    expect(result.errors).toBeUndefined();
    const { byRoute } = calls;

    expect(result.data?.nonEmployeeSource.expiredRecords.truncated).toBe(false);
    const rows = result.data?.nonEmployeeSource.expiredRecords.nodes as any[];
    expect(new Set(rows.map((row) => row.iscId))).toEqual(new Set(expected.map((record) => record.id)));
    const ends = rows.map((row) => Date.parse(row.endDate));
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(rows.every((row) => row.account.disabled === false)).toBe(true);

    const recordPages = Math.floor(endedCount / 250) + 1;
    expect(recordPages).toBeLessThan(Math.ceil(RECORDS / 250));
    expect(byRoute).toEqual({
      'GET /v3/non-employee-sources': 1,
      'GET /v3/non-employee-records': recordPages,
      'GET /v3/accounts': Math.ceil(endedCount / 250),
    });
  });

  it('accountEnabled: false lists the ended records whose account is disabled; none lists them all', async () => {
    const disabled = await t.gql(DASHBOARD, { id: source.id, asOf, enabled: false }, { token: admin });
    expect(disabled.errors).toBeUndefined();
    const expected = ended().filter(
      (record) => accounts.get(record.accountName as string)?.disabled === true,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(disabled.data?.nonEmployeeSource.expiredRecords.nodes.map((row: any) => row.iscId).sort()).toEqual(
      expected.map((record) => record.id).sort(),
    );

    const { result: all, stats: calls } = await t.sandbox.callsDuring(() =>
      t.gql(
        `query($id: ID!, $asOf: DateTime!) { nonEmployeeSource(id: $id) {
          expiredRecords(asOf: $asOf) { nodes { iscId } } } }`,
        { id: source.id, asOf },
        { token: admin },
      ),
    );
    expect(all.data?.nonEmployeeSource.expiredRecords.nodes).toHaveLength(ended().length);
    expect(calls.byRoute['GET /v3/accounts']).toBeUndefined();
  });

  it('`first` stops reading once it has enough and says the list was cut; a bad `first` is a readable error', async () => {
    const { result: few, stats: calls } = await t.sandbox.callsDuring(() =>
      t.gql(
        `query($id: ID!) { nonEmployeeSource(id: $id) { expiredRecords(accountEnabled: true, first: 5) { truncated limit nodes { iscId } } } }`,
        { id: source.id },
        { token: admin },
      ),
    );
    expect(few.data?.nonEmployeeSource.expiredRecords).toMatchObject({ truncated: true, limit: 5 });
    expect(few.data?.nonEmployeeSource.expiredRecords.nodes).toHaveLength(5);
    expect(calls.byRoute['GET /v3/non-employee-records']).toBe(1);

    const bad = await t.gql(
      `query($id: ID!) { nonEmployeeSource(id: $id) { expiredRecords(first: 0) { truncated } } }`,
      { id: source.id },
      { token: admin },
    );
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});
