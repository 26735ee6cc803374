// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are JSON, checked by the assertions
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { FAILURE, person } from './mutation-fixtures.ts';

const V = 'v2025';
const RECORDS = 250;

const ATTRIBUTES = `attributes {
  attribute { technicalName label type required helpText }
  value {
    __typename raw
    ... on NonEmployeeTextValue { text }
    ... on NonEmployeeDateValue { date }
    ... on NonEmployeeIdentityValue { identity { type id } }
  }
}`;

const PROBLEMS = `${FAILURE} ... on ValidationError { problems { path message } }`;

const CREATE_RECORD = `mutation($input: CreateNonEmployeeRecordInput!) {
  createNonEmployeeRecord(input: $input) {
    ${PROBLEMS} ... on CreateNonEmployeeRecordPayload { nonEmployeeRecord { iscId data ${ATTRIBUTES} } }
  }
}`;
const UPDATE_RECORD = `mutation($input: UpdateNonEmployeeRecordInput!) {
  updateNonEmployeeRecord(input: $input) {
    ${PROBLEMS} ... on UpdateNonEmployeeRecordPayload { nonEmployeeRecord { data } }
  }
}`;
const REPLACE_RECORD = `mutation($input: ReplaceNonEmployeeRecordInput!) {
  replaceNonEmployeeRecord(input: $input) {
    ${PROBLEMS} ... on ReplaceNonEmployeeRecordPayload { nonEmployeeRecord { data } }
  }
}`;
const CREATE_REQUEST = `mutation($input: CreateNonEmployeeRequestInput!) {
  createNonEmployeeRequest(input: $input) {
    ${PROBLEMS} ... on CreateNonEmployeeRequestPayload { nonEmployeeRequest { iscId data } }
  }
}`;

let t: TestGateway;
let admin: string;
let sourceId: string;
let sponsor: string;

/** A v2025 source with one custom attribute of each type v2025 allows: TEXT (required), DATE, IDENTITY. */
async function createTypedSource(): Promise<string> {
  const response = await t.sandbox.api(`/${V}/non-employee-sources`, {
    token: admin,
    body: {
      name: 'Typed contractors',
      description: 'One custom attribute of each type',
      owner: { id: t.sandbox.client('source-owner').identityId },
    },
  });
  const id = ((await response.json()) as { id: string }).id;
  for (const [type, technicalName, label, required] of [
    ['TEXT', 'badge', 'Badge', true],
    ['DATE', 'contractEnd', 'Contract end', false],
    ['IDENTITY', 'sponsor', 'Sponsor', false],
  ] as const) {
    const created = await t.sandbox.api(`/${V}/non-employee-sources/${id}/schema-attributes`, {
      token: admin,
      body: { type, label, technicalName, required, helpText: `The ${label.toLowerCase()}` },
    });
    expect(created.status).toBe(200);
  }
  return id;
}

/** Records written straight to the sandbox, so the gateway's reads are all the test counts. */
async function seedRecords(count: number): Promise<void> {
  for (let start = 0; start < count; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, count - start) }, async (_, i) => {
        const n = start + i;
        const { sourceId: _source, ...body } = person(sourceId);
        const response = await t.sandbox.api(`/${V}/non-employee-records`, {
          token: admin,
          body: {
            ...body,
            sourceId,
            data: { badge: `B-${n}`, ...(n % 2 ? { contractEnd: '2031-03-31' } : {}), sponsor },
          },
        });
        expect(response.status).toBe(200);
      }),
    );
  }
}

beforeAll(async () => {
  t = await startGateway({ env: { SAIL_API_VERSION: V } });
  admin = await t.sandbox.tokenFor('admin');
  sponsor = t.sandbox.client('approver').identityId;
  sourceId = await createTypedSource();
  await seedRecords(RECORDS);
}, 60_000);
afterAll(() => t.close());

describe('NonEmployeeRecord.attributes', () => {
  it(`types ${RECORDS} records' values by their source's schema at one schema-attributes call`, async () => {
    const { data, byRoute, calls } = await t.measure(
      `query($id: ID!) { nonEmployeeRecords(sourceId: $id, first: ${RECORDS}) {
        edges { node { accountName ${ATTRIBUTES} } } } }`,
      { id: sourceId },
      { token: admin },
    );
    const nodes = data.nonEmployeeRecords.edges.map((edge: any) => edge.node);
    expect(nodes).toHaveLength(RECORDS);
    expect(byRoute[`GET /${V}/non-employee-sources/:sourceId/schema-attributes`]).toBe(1);
    expect(calls).toBe(2);
    const odd = nodes.find((node: any) => node.attributes[1].value);
    expect(odd.attributes).toEqual([
      {
        attribute: {
          technicalName: 'badge',
          label: 'Badge',
          type: 'TEXT',
          required: true,
          helpText: 'The badge',
        },
        value: {
          __typename: 'NonEmployeeTextValue',
          raw: expect.stringMatching(/^B-\d+$/),
          text: expect.any(String),
        },
      },
      {
        attribute: {
          technicalName: 'contractEnd',
          label: 'Contract end',
          type: 'DATE',
          required: false,
          helpText: 'The contract end',
        },
        value: { __typename: 'NonEmployeeDateValue', raw: '2031-03-31', date: '2031-03-31T00:00:00.000Z' },
      },
      {
        attribute: {
          technicalName: 'sponsor',
          label: 'Sponsor',
          type: 'IDENTITY',
          required: false,
          helpText: 'The sponsor',
        },
        value: {
          __typename: 'NonEmployeeIdentityValue',
          raw: sponsor,
          identity: { type: 'IDENTITY', id: sponsor },
        },
      },
    ]);
    // A record without a value for an attribute lists it with a null value.
    expect(nodes.filter((node: any) => node.attributes[1].value === null)).toHaveLength(RECORDS / 2);
  });

  it('costs one schema-attributes call per distinct source, shared with the sources’ own schemaAttributes', async () => {
    const { data, byRoute } = await t.measure(
      `{ nonEmployeeSources(first: 5) { edges { node {
          schemaAttributes { technicalName }
          records(first: 3) { edges { node { attributes { attribute { technicalName } value { raw } } } } }
        } } } }`,
      {},
      { token: admin },
    );
    const sources = data.nonEmployeeSources.edges;
    expect(sources).toHaveLength(5);
    expect(byRoute[`GET /${V}/non-employee-sources/:sourceId/schema-attributes`]).toBe(5);
  });

  it('estimates the call it makes', async () => {
    const result = await t.gql(
      `query($id: ID!) { nonEmployeeRecords(sourceId: $id, first: ${RECORDS}) { edges { node { ${ATTRIBUTES} } } } }`,
      { id: sourceId },
      { token: admin },
    );
    expect(result.extensions?.cost).toMatchObject({ estimatedCalls: 2, actualCalls: 2 });
  });
});

describe('attributes in create and update inputs', () => {
  it('refuses a missing required attribute and one of the wrong type in one ValidationError, with no write', async () => {
    const input = person(sourceId, { attributes: [{ technicalName: 'contractEnd', value: 'next June' }] });
    const { result, stats } = await t.sandbox.callsDuring(() =>
      t.gql(CREATE_RECORD, { input }, { token: admin }),
    );
    const answer = result.data?.createNonEmployeeRecord;
    expect(answer).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    expect(answer.problems.map((problem: any) => problem.path)).toEqual([
      ['input', 'attributes', '0', 'value'],
      ['input', 'attributes'],
    ]);
    expect(answer.problems[0].message).toMatch(/contractEnd.*is not a date/);
    expect(answer.problems[1].message).toMatch(/"badge" \(Badge\) is required/);
    expect(stats.byRoute).toEqual({ [`GET /${V}/non-employee-sources/:sourceId/schema-attributes`]: 1 });
    // The estimate's worst case: the check's read, the write, and the payload's `attributes` (which
    // would reuse the check's read, but the estimate counts it apart).
    expect(result.extensions?.cost).toMatchObject({ estimatedCalls: 3, actualCalls: 1 });
  });

  it('names every other problem at its path: unknown, system, twice, too long, not an identity, blank required', async () => {
    const input = person(sourceId, {
      data: { badge: '' },
      attributes: [
        { technicalName: 'vendor', value: 'Acme' },
        { technicalName: 'firstName', value: 'Ada' },
        { technicalName: 'sponsor', value: 'not-an-id' },
        { technicalName: 'sponsor', value: sponsor },
        { technicalName: 'contractEnd', value: '2031-02-30' },
        { technicalName: 'badge', value: 'x' },
      ],
    });
    const { result, stats } = await t.sandbox.callsDuring(() =>
      t.gql(CREATE_RECORD, { input }, { token: admin }),
    );
    const answer = result.data?.createNonEmployeeRecord;
    expect(answer.__typename).toBe('ValidationError');
    expect(answer.problems.map((problem: any) => problem.path)).toEqual([
      ['input', 'attributes', '3', 'technicalName'],
      ['input', 'attributes', '5', 'technicalName'],
      ['input', 'data', 'badge'],
      ['input', 'attributes', '0', 'technicalName'],
      ['input', 'attributes', '1', 'technicalName'],
      ['input', 'attributes', '2', 'value'],
      ['input', 'attributes', '4', 'value'],
    ]);
    expect(answer.path).toEqual(['input', 'attributes', '3', 'technicalName']);
    expect(stats.byRoute[`POST /${V}/non-employee-records`]).toBeUndefined();

    const long = await t.gql(
      CREATE_RECORD,
      { input: person(sourceId, { attributes: [{ technicalName: 'badge', value: 'x'.repeat(256) }] }) },
      { token: admin },
    );
    expect(long.data?.createNonEmployeeRecord.problems).toEqual([
      { path: ['input', 'attributes', '0', 'value'], message: expect.stringMatching(/longer than 255/) },
    ]);
  });

  it('creates with typed values merged into data, and reads them back typed', async () => {
    const input = person(sourceId, {
      data: { badge: 'B-new' },
      attributes: [
        { technicalName: 'contractEnd', value: '2031-06-30' },
        { technicalName: 'sponsor', value: sponsor },
      ],
    });
    const { result, stats } = await t.sandbox.callsDuring(() =>
      t.gql(CREATE_RECORD, { input }, { token: admin }),
    );
    const record = result.data?.createNonEmployeeRecord.nonEmployeeRecord;
    expect(record.data).toEqual({ badge: 'B-new', contractEnd: '2031-06-30', sponsor });
    expect(record.attributes.map((entry: any) => entry.value.__typename)).toEqual([
      'NonEmployeeTextValue',
      'NonEmployeeDateValue',
      'NonEmployeeIdentityValue',
    ]);
    // The payload's attributes reuse the schema read the check made.
    expect(stats.byRoute).toEqual({
      [`GET /${V}/non-employee-sources/:sourceId/schema-attributes`]: 1,
      [`POST /${V}/non-employee-records`]: 1,
    });

    const updated = await t.sandbox.callsDuring(() =>
      t.gql(
        UPDATE_RECORD,
        { input: { id: record.iscId, attributes: [{ technicalName: 'contractEnd', value: '2032-01-31' }] } },
        { token: admin },
      ),
    );
    expect(updated.result.data?.updateNonEmployeeRecord.nonEmployeeRecord.data).toEqual({
      badge: 'B-new',
      contractEnd: '2032-01-31',
      sponsor,
    });
    expect(updated.stats.total).toBe(3);
    expect(updated.result.extensions?.cost).toMatchObject({ estimatedCalls: 3, actualCalls: 3 });

    const cleared = await t.sandbox.callsDuring(() =>
      t.gql(
        UPDATE_RECORD,
        { input: { id: record.iscId, attributes: [{ technicalName: 'badge', value: null }] } },
        { token: admin },
      ),
    );
    expect(cleared.result.data?.updateNonEmployeeRecord).toMatchObject({
      __typename: 'ValidationError',
      path: ['input', 'attributes', '0', 'value'],
    });
    expect(cleared.stats.byRoute[`PATCH /${V}/non-employee-records/:id`]).toBeUndefined();

    const replaced = await t.gql(
      REPLACE_RECORD,
      {
        input: {
          ...person(sourceId, { accountName: input.accountName }),
          id: record.iscId,
          attributes: [{ technicalName: 'badge', value: 'B-replaced' }],
        },
      },
      { token: admin },
    );
    expect(replaced.data?.replaceNonEmployeeRecord.nonEmployeeRecord.data).toEqual({ badge: 'B-replaced' });
  });
});

describe('NonEmployeeRequest.attributes', () => {
  it('checks a request create the same way, and types the request’s values', async () => {
    const bad = await t.sandbox.callsDuring(() =>
      t.gql(CREATE_REQUEST, { input: person(sourceId, { attributes: [] }) }, { token: admin }),
    );
    expect(bad.result.data?.createNonEmployeeRequest.problems).toEqual([
      { path: ['input', 'attributes'], message: expect.stringMatching(/"badge" \(Badge\) is required/) },
    ]);
    expect(bad.stats.total).toBe(1);

    const input = person(sourceId, {
      attributes: [
        { technicalName: 'badge', value: 'R-1' },
        { technicalName: 'contractEnd', value: '2031-12-31T17:00:00Z' },
      ],
    });
    const created = await t.gql(CREATE_REQUEST, { input }, { token: admin });
    const request = created.data?.createNonEmployeeRequest.nonEmployeeRequest;
    expect(request.data).toEqual({ badge: 'R-1', contractEnd: '2031-12-31T17:00:00Z' });

    const { data, byRoute } = await t.measure(
      `query($id: ID!) { nonEmployeeRequest(id: $id) { ${ATTRIBUTES} } }`,
      { id: request.iscId },
      { token: admin },
    );
    expect(data.nonEmployeeRequest.attributes.map((entry: any) => entry.value)).toEqual([
      { __typename: 'NonEmployeeTextValue', raw: 'R-1', text: 'R-1' },
      { __typename: 'NonEmployeeDateValue', raw: '2031-12-31T17:00:00Z', date: '2031-12-31T17:00:00.000Z' },
      null,
    ]);
    expect(byRoute[`GET /${V}/non-employee-sources/:sourceId/schema-attributes`]).toBe(1);
  });
});
