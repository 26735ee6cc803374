// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../../src/schema/index.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { UNKNOWN_ID } from './mutation-fixtures.ts';

const SELECTION = `__typename ... on Error { code message } ... on RateLimitedError { retryAfter }`;

const person = (sourceId: string) => ({
  sourceId,
  accountName: 'faulty.person',
  firstName: 'Faulty',
  lastName: 'Person',
  email: 'faulty.person@example.com',
  phone: '5125550100',
  manager: 'jonas.lindqvist',
  startDate: '2030-01-06T00:00:00Z',
  endDate: '2030-12-31T00:00:00Z',
});

interface Write {
  mutation: string;
  /** The sandbox's stats key of the one REST call it makes. */
  route: string;
  input?: Record<string, unknown>;
}

/** Every mutation, with an input that passes the gateway's own checks, and the REST write it becomes. */
const WRITES = (ownerId: string): Write[] => [
  {
    mutation: 'createNonEmployeeSource',
    route: 'POST /v3/non-employee-sources',
    input: { name: 'Faulty', description: 'x', owner: ownerId },
  },
  {
    mutation: 'updateNonEmployeeSource',
    route: 'PATCH /v3/non-employee-sources/:sourceId',
    input: { id: UNKNOWN_ID, name: 'x' },
  },
  {
    mutation: 'deleteNonEmployeeSource',
    route: 'DELETE /v3/non-employee-sources/:sourceId',
    input: { id: UNKNOWN_ID },
  },
  {
    mutation: 'createNonEmployeeSchemaAttribute',
    route: 'POST /v3/non-employee-sources/:sourceId/schema-attributes',
    input: { sourceId: UNKNOWN_ID, type: 'TEXT', label: 'L', technicalName: 't' },
  },
  {
    mutation: 'updateNonEmployeeSchemaAttribute',
    route: 'PATCH /v3/non-employee-sources/:sourceId/schema-attributes/:attributeId',
    input: { id: UNKNOWN_ID, sourceId: UNKNOWN_ID, label: 'x' },
  },
  {
    mutation: 'deleteNonEmployeeSchemaAttribute',
    route: 'DELETE /v3/non-employee-sources/:sourceId/schema-attributes/:attributeId',
    input: { id: UNKNOWN_ID, sourceId: UNKNOWN_ID },
  },
  {
    mutation: 'deleteNonEmployeeSourceSchemaAttributes',
    route: 'DELETE /v3/non-employee-sources/:sourceId/schema-attributes',
    input: { sourceId: UNKNOWN_ID },
  },
  { mutation: 'createNonEmployeeRecord', route: 'POST /v3/non-employee-records', input: person(UNKNOWN_ID) },
  {
    mutation: 'updateNonEmployeeRecord',
    route: 'PATCH /v3/non-employee-records/:id',
    input: { id: UNKNOWN_ID, firstName: 'x' },
  },
  {
    mutation: 'replaceNonEmployeeRecord',
    route: 'PUT /v3/non-employee-records/:id',
    input: { ...person(UNKNOWN_ID), id: UNKNOWN_ID },
  },
  {
    mutation: 'deleteNonEmployeeRecord',
    route: 'DELETE /v3/non-employee-records/:id',
    input: { id: UNKNOWN_ID },
  },
  {
    mutation: 'deleteNonEmployeeRecords',
    route: 'POST /v3/non-employee-records/bulk-delete',
    input: { ids: [UNKNOWN_ID] },
  },
  {
    mutation: 'createNonEmployeeRequest',
    route: 'POST /v3/non-employee-requests',
    input: person(UNKNOWN_ID),
  },
  {
    mutation: 'deleteNonEmployeeRequest',
    route: 'DELETE /v3/non-employee-requests/:id',
    input: { id: UNKNOWN_ID },
  },
  {
    mutation: 'approveNonEmployeeRequest',
    route: 'POST /v3/non-employee-approvals/:id/approve',
    input: { id: UNKNOWN_ID },
  },
  {
    mutation: 'rejectNonEmployeeRequest',
    route: 'POST /v3/non-employee-approvals/:id/reject',
    input: { id: UNKNOWN_ID, comment: 'No' },
  },
  {
    mutation: 'importNonEmployeeRecords',
    route: 'POST /v3/non-employee-sources/:id/non-employee-bulk-upload',
  },
  {
    mutation: 'createAccount',
    route: 'POST /v3/accounts',
    input: { sourceId: UNKNOWN_ID, attributes: { accountName: 'faulty.account' } },
  },
  {
    mutation: 'updateAccount',
    route: 'PATCH /v3/accounts/:id',
    input: { id: UNKNOWN_ID, attributes: { title: 'x' } },
  },
  {
    mutation: 'replaceAccount',
    route: 'PUT /v3/accounts/:id',
    input: { id: UNKNOWN_ID, attributes: { title: 'x' } },
  },
  { mutation: 'deleteAccount', route: 'DELETE /v3/accounts/:id', input: { id: UNKNOWN_ID } },
  { mutation: 'disableAccount', route: 'POST /v3/accounts/:id/disable', input: { id: UNKNOWN_ID } },
  { mutation: 'enableAccount', route: 'POST /v3/accounts/:id/enable', input: { id: UNKNOWN_ID } },
  { mutation: 'unlockAccount', route: 'POST /v3/accounts/:id/unlock', input: { id: UNKNOWN_ID } },
  { mutation: 'reloadAccount', route: 'POST /v3/accounts/:id/reload', input: { id: UNKNOWN_ID } },
  { mutation: 'removeAccount', route: 'POST /beta/accounts/:id/remove', input: { id: UNKNOWN_ID } },
  {
    mutation: 'enableAccountsForIdentity',
    route: 'POST /beta/identities-accounts/:id/enable',
    input: { identityId: UNKNOWN_ID },
  },
  {
    mutation: 'disableAccountsForIdentity',
    route: 'POST /beta/identities-accounts/:id/disable',
    input: { identityId: UNKNOWN_ID },
  },
  {
    mutation: 'enableAccountsForIdentities',
    route: 'POST /beta/identities-accounts/enable',
    input: { identityIds: [UNKNOWN_ID] },
  },
  {
    mutation: 'disableAccountsForIdentities',
    route: 'POST /beta/identities-accounts/disable',
    input: { identityIds: [UNKNOWN_ID] },
  },
];

let t: TestGateway;
let admin: string;
let writes: Write[];

beforeAll(async () => {
  t = await startGateway();
  admin = await t.sandbox.tokenFor('admin');
  writes = WRITES(t.sandbox.client('source-owner').identityId);
});
afterAll(async () => {
  await t.sandbox.setFaults({});
  await t.close();
});

/** Sends one mutation; the import goes as a GraphQL multipart request. */
async function send(write: Write): Promise<any> {
  if (!write.input) {
    const form = new FormData();
    const query = `mutation($file: File!) { importNonEmployeeRecords(sourceId: "${UNKNOWN_ID}", file: $file) { ${SELECTION} } }`;
    form.append('operations', JSON.stringify({ query, variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new File(['accountName\nx'], 'people.csv', { type: 'text/csv' }));
    const response = await t.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'x-graphql-csrf': '1' },
      body: form,
    });
    return response.json();
  }
  const inputType = `${write.mutation[0].toUpperCase()}${write.mutation.slice(1)}Input`;
  const query = `mutation($input: ${inputType}!) { ${write.mutation}(input: $input) { ${SELECTION} } }`;
  return t.gql(query, { input: write.input }, { token: admin });
}

describe('writes under upstream faults', () => {
  it('covers every mutation of the schema', () => {
    const names = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(names.length).toBeGreaterThan(0);
    expect(writes.map((write) => write.mutation).sort()).toEqual(names);
  });

  it('answers every mutation rate limited upstream with RateLimitedError and its retryAfter, after one call', async () => {
    await t.sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    try {
      for (const write of writes) {
        const { stats: calls } = await t.sandbox.callsDuring(async () => {
          const result = await send(write);
          expect(result.errors, write.mutation).toBeUndefined();
          expect(result.data[write.mutation], write.mutation).toMatchObject({
            __typename: 'RateLimitedError',
            code: 'RATE_LIMITED',
            retryAfter: 7,
          });
        });
        expect(calls.byRoute, write.mutation).toEqual({ [write.route]: 1 });
      }
    } finally {
      await t.sandbox.setFaults({});
    }
  });

  it('answers a 500 with UpstreamUnavailableError and a dropped connection with OutcomeUnknownError, never retrying', async () => {
    const cases = [
      { faults: { errorRate: 1 }, typename: 'UpstreamUnavailableError', code: 'UPSTREAM_UNAVAILABLE' },
      { faults: { dropRate: 1 }, typename: 'OutcomeUnknownError', code: 'OUTCOME_UNKNOWN' },
      { faults: { dropAfterRate: 1 }, typename: 'OutcomeUnknownError', code: 'OUTCOME_UNKNOWN' },
    ];
    for (const { faults, typename, code } of cases) {
      await t.sandbox.setFaults(faults);
      try {
        for (const write of writes) {
          const { result, stats: calls } = await t.sandbox.callsDuring(() => send(write));
          expect(result.errors, write.mutation).toBeUndefined();
          expect(result.data[write.mutation], write.mutation).toMatchObject({ __typename: typename, code });
          expect(calls.byRoute, write.mutation).toEqual({ [write.route]: 1 });
        }
      } finally {
        await t.sandbox.setFaults({});
      }
    }
  });

  it('sends each write exactly once when 30% of calls fail with 429 or 503', async () => {
    await t.sandbox.resetStats();
    await t.sandbox.setFaults({
      rateLimitRate: 0.2,
      retryAfterSeconds: 0,
      failNext: [{ status: 503 }, { status: 429, retryAfterSeconds: 0 }, { status: 503 }],
      errorRate: 0.1,
    });
    const outcomes: string[] = [];
    try {
      for (const write of writes) {
        const result = await send(write);
        expect(result.errors, write.mutation).toBeUndefined();
        outcomes.push(result.data[write.mutation].__typename);
      }
    } finally {
      await t.sandbox.setFaults({});
    }
    const stats = await t.sandbox.stats();
    expect(stats.byRoute).toEqual(Object.fromEntries(writes.map((write) => [write.route, 1])));
    expect(stats.total).toBe(writes.length);
    expect(outcomes).toContain('RateLimitedError');
    expect(outcomes).toContain('UpstreamUnavailableError');
  });

  it('leaves a mutation without credentials UNAUTHENTICATED, as a GraphQL error, with no call made', async () => {
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      const write = writes.find((candidate) => candidate.mutation === 'deleteNonEmployeeRecord')!;
      const result = await t.gql(
        `mutation($input: DeleteNonEmployeeRecordInput!) { deleteNonEmployeeRecord(input: $input) { ${SELECTION} } }`,
        { input: write.input },
      );
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
    expect(calls.total).toBe(0);
  });
});
