// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { createSourceWithBadge, person } from './mutation-fixtures.ts';

const SELECTION = `__typename ... on Error { code message }
  ... on OutcomeUnknownError { readBeforeRetry nodeIds }
  ... on CreateNonEmployeeRecordPayload { nonEmployeeRecord { accountName } }`;
const CREATE = `mutation($input: CreateNonEmployeeRecordInput!) { createNonEmployeeRecord(input: $input) { ${SELECTION} } }`;
const TWO = `mutation($a: CreateNonEmployeeRecordInput!, $b: CreateNonEmployeeRecordInput!) {
  first: createNonEmployeeRecord(input: $a) { ${SELECTION} }
  second: createNonEmployeeRecord(input: $b) { ${SELECTION} }
}`;
const WRITES = 40;
const TIMEOUT_MS = 1500;

let t: TestGateway;
let admin: string;
let sourceId: string;

/** The account names of the records the sandbox holds on the source: its own state, read over REST. */
async function appliedAccountNames(): Promise<Set<string>> {
  const records = await t.sandbox.getJson<{ accountName: string }[]>(
    `/v3/non-employee-records?limit=250&filters=${encodeURIComponent(`sourceId eq "${sourceId}"`)}`,
    admin,
  );
  return new Set(records.map((record) => record.accountName));
}

beforeAll(async () => {
  t = await startGateway();
  admin = await t.sandbox.tokenFor('admin');
  sourceId = await createSourceWithBadge(t, admin, 'Write outcomes');
});
afterAll(() => t.close());
beforeEach(() => t.sandbox.setFaults({}));

describe('no write outcome lost', () => {
  it('reports every applied write as applied or OutcomeUnknownError when 30% of connections drop, before or after the write', async () => {
    await t.sandbox.setFaults({ dropRate: 0.3, dropAfterRate: 0.3 });
    const answers = new Map<string, any>();
    for (let i = 0; i < WRITES; i += 1) {
      const input = person(sourceId);
      const result = await t.gql(CREATE, { input }, { token: admin });
      // Every mutation answers a typed result: nothing nulls data.
      expect(result.errors).toBeUndefined();
      answers.set(input.accountName, result.data?.createNonEmployeeRecord);
    }
    await t.sandbox.setFaults({});
    const applied = await appliedAccountNames();
    const tally: Record<string, number> = {};
    for (const [accountName, answer] of answers) {
      const key = `${applied.has(accountName) ? 'applied' : 'not applied'}: ${answer.__typename}`;
      tally[key] = (tally[key] ?? 0) + 1;
      if (applied.has(accountName)) {
        expect(['CreateNonEmployeeRecordPayload', 'OutcomeUnknownError']).toContain(answer.__typename);
      } else {
        expect(answer.__typename).not.toBe('CreateNonEmployeeRecordPayload');
      }
      expect(answer.message ?? '').not.toMatch(/could not reach/);
      if (answer.__typename === 'OutcomeUnknownError') {
        expect(answer.code).toBe('OUTCOME_UNKNOWN');
        expect(answer.readBeforeRetry).toMatch(/accountName/);
      }
    }
    // Applied writes whose answer was lost exist, and each of them said OutcomeUnknownError.
    expect(tally['applied: OutcomeUnknownError']).toBeGreaterThan(0);
    expect(tally['applied: CreateNonEmployeeRecordPayload']).toBeGreaterThan(0);
    const stats = await t.sandbox.stats();
    expect(stats.byStatus['dropped-after']).toBeGreaterThan(0);
  });

  it('keeps the first mutation’s result when the second’s connection drops after it was applied', async () => {
    await t.sandbox.setFaults({ failNext: [{ status: 'pass' }, { status: 'drop-after' }] });
    const a = person(sourceId);
    const b = person(sourceId);
    const result = await t.gql(TWO, { a, b }, { token: admin });
    expect(result.errors).toBeUndefined();
    expect(result.data?.first).toMatchObject({
      __typename: 'CreateNonEmployeeRecordPayload',
      nonEmployeeRecord: { accountName: a.accountName },
    });
    expect(result.data?.second).toMatchObject({ __typename: 'OutcomeUnknownError', code: 'OUTCOME_UNKNOWN' });
    const applied = await appliedAccountNames();
    expect(applied.has(a.accountName)).toBe(true);
    expect(applied.has(b.accountName)).toBe(true);
  });

  it('keeps the first mutation’s result when the second’s upstream answers 503', async () => {
    await t.sandbox.setFaults({ failNext: [{ status: 'pass' }, { status: 503 }] });
    const result = await t.gql(TWO, { a: person(sourceId), b: person(sourceId) }, { token: admin });
    expect(result.errors).toBeUndefined();
    expect(result.data?.first.__typename).toBe('CreateNonEmployeeRecordPayload');
    expect(result.data?.second).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });
});

describe('a write cut off by the request deadline', () => {
  let short: TestGateway;
  let token: string;
  let shortSource: string;

  beforeAll(async () => {
    short = await startGateway({ env: { GRAPHQL_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) } });
    token = await short.sandbox.tokenFor('admin');
    shortSource = await createSourceWithBadge(short, token, 'Deadline writes');
  });
  afterAll(() => short.close());

  it('is OutcomeUnknownError, and the mutation after it, never sent, is UpstreamUnavailableError', async () => {
    await short.sandbox.setFaults({ hang: true });
    try {
      const { result, stats } = await short.sandbox.callsDuring(() =>
        short.gql(TWO, { a: person(shortSource), b: person(shortSource) }, { token }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.first).toMatchObject({
        __typename: 'OutcomeUnknownError',
        code: 'OUTCOME_UNKNOWN',
      });
      expect(result.data?.second).toMatchObject({
        __typename: 'UpstreamUnavailableError',
        code: 'UPSTREAM_UNAVAILABLE',
      });
      // The second write never left: one call reached the sandbox.
      expect(stats.total).toBe(1);
    } finally {
      await short.sandbox.setFaults({});
    }
  });
});
