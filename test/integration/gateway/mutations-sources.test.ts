import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/schema/ids.ts';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { CREATE_SOURCE, createGraphSource, FAILURE, UNKNOWN_ID } from './mutation-fixtures.ts';

const UPDATE_SOURCE = `mutation($input: UpdateNonEmployeeSourceInput!) {
  updateNonEmployeeSource(input: $input) {
    ${FAILURE}
    ... on UpdateNonEmployeeSourcePayload { nonEmployeeSource { iscId name description approvers { id } } }
  }
}`;

const DELETE_SOURCE = `mutation($input: DeleteNonEmployeeSourceInput!) {
  deleteNonEmployeeSource(input: $input) {
    ${FAILURE}
    ... on DeleteNonEmployeeSourcePayload { deletedId deletedIscId }
  }
}`;

let t: TestGateway;
let admin: string;
let user: string;
let ownerId: string;
let approverIds: string[];

beforeAll(async () => {
  t = await startGateway();
  [admin, user] = await Promise.all([t.sandbox.tokenFor('admin'), t.sandbox.tokenFor('user')]);
  ownerId = t.sandbox.client('source-owner').identityId;
  approverIds = [0, 1, 2].map((index) => t.sandbox.client('approver', index).identityId);
});
afterAll(() => t.close());

const newSource = (extra: Record<string, unknown> = {}) => createGraphSource(t, admin, ownerId, extra);

async function writesCounted(): Promise<number> {
  const stats = await t.sandbox.stats();
  return Object.entries(stats.byRoute)
    .filter(([route]) => !route.startsWith('GET '))
    .reduce((sum, [, count]) => sum + count, 0);
}

describe('createNonEmployeeSource', () => {
  it('creates a source with its approvers and 8 system attributes', async () => {
    const { stats: calls } = await t.sandbox.callsDuring(async () => {
      const result = await t.gql(
        CREATE_SOURCE,
        {
          input: {
            name: 'Graph contractors',
            description: 'Created through the gateway',
            owner: ownerId,
            approvers: approverIds.slice(0, 2),
            accountManagers: [t.sandbox.client('account-manager').identityId],
          },
        },
        { token: admin },
      );
      expect(result.errors).toBeUndefined();
      const payload = result.data?.createNonEmployeeSource;
      expect(payload.__typename).toBe('CreateNonEmployeeSourcePayload');
      expect(payload.cloudExternalId).toEqual(expect.any(String));
      expect(payload.nonEmployeeSource).toMatchObject({
        name: 'Graph contractors',
        description: 'Created through the gateway',
        approvers: approverIds.slice(0, 2).map((id) => ({ id })),
        nonEmployeeCount: 0,
      });
      expect(payload.nonEmployeeSource.id).toBe(
        encodeNodeId('NonEmployeeSource', payload.nonEmployeeSource.iscId),
      );
      expect(payload.nonEmployeeSource.schemaAttributes).toHaveLength(8);
    });
    expect(calls.byRoute['POST /v3/non-employee-sources']).toBe(1);
  });

  it('is Forbidden to a user without the create right', async () => {
    const input = { name: 'Not mine', description: 'x', owner: ownerId };
    const result = await t.gql(CREATE_SOURCE, { input }, { token: user });
    expect(result.data?.createNonEmployeeSource).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
  });

  it('is a Conflict when the name is taken', async () => {
    const first = await newSource();
    const input = { name: first.name, description: 'again', owner: ownerId };
    const result = await t.gql(CREATE_SOURCE, { input }, { token: admin });
    expect(result.data?.createNonEmployeeSource).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
    });
  });

  it('refuses a blank name and a malformed owner before calling upstream', async () => {
    await t.sandbox.resetStats();
    const blank = await t.gql(
      CREATE_SOURCE,
      { input: { name: '  ', description: 'x', owner: ownerId } },
      { token: admin },
    );
    expect(blank.data?.createNonEmployeeSource).toMatchObject({
      __typename: 'ValidationError',
      path: ['input', 'name'],
    });
    const owner = await t.gql(
      CREATE_SOURCE,
      { input: { name: 'Owner test', description: 'x', owner: 'not an id!' } },
      { token: admin },
    );
    expect(owner.data?.createNonEmployeeSource).toMatchObject({
      __typename: 'ValidationError',
      path: ['input', 'owner'],
    });
    expect(await writesCounted()).toBe(0);
  });

  it('is NotFound when the owner is no identity of the org', async () => {
    const input = { name: 'Ghost owned', description: 'x', owner: UNKNOWN_ID };
    const result = await t.gql(CREATE_SOURCE, { input }, { token: admin });
    expect(result.data?.createNonEmployeeSource).toMatchObject({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
    });
  });

  it('is LimitExceeded with 4 approvers, without calling upstream', async () => {
    await t.sandbox.resetStats();
    const fourth = t.sandbox.client('admin').identityId;
    const input = {
      name: 'Four approvers',
      description: 'x',
      owner: ownerId,
      approvers: [...approverIds, fourth],
    };
    const result = await t.gql(CREATE_SOURCE, { input }, { token: admin });
    expect(result.data?.createNonEmployeeSource).toMatchObject({
      __typename: 'LimitExceededError',
      code: 'LIMIT_EXCEEDED',
    });
    expect(await writesCounted()).toBe(0);
  });
});

describe('updateNonEmployeeSource', () => {
  it('patches only the fields given, by global or ISC id', async () => {
    const source = await newSource({ approvers: [approverIds[0]] });
    const renamed = await t.gql(
      UPDATE_SOURCE,
      {
        input: {
          id: source.id,
          name: `${source.name} (renamed)`,
          approvers: [approverIds[2], approverIds[1]],
        },
      },
      { token: admin },
    );
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.updateNonEmployeeSource).toMatchObject({
      __typename: 'UpdateNonEmployeeSourcePayload',
      nonEmployeeSource: {
        name: `${source.name} (renamed)`,
        description: 'Made by a test',
        approvers: [{ id: approverIds[2] }, { id: approverIds[1] }],
      },
    });
    const described = await t.gql(
      UPDATE_SOURCE,
      { input: { id: source.iscId, description: 'New words' } },
      { token: admin },
    );
    expect(described.data?.updateNonEmployeeSource.nonEmployeeSource).toMatchObject({
      name: `${source.name} (renamed)`,
      description: 'New words',
    });
  });

  it('answers NotFound, Forbidden, Conflict, LimitExceeded and Validation as typed results', async () => {
    const source = await newSource();
    const other = await newSource();
    const cases: Array<[Record<string, unknown>, string, string | undefined, object?]> = [
      [{ id: UNKNOWN_ID, name: 'x' }, 'NotFoundError', admin],
      [{ id: source.iscId, name: 'x' }, 'ForbiddenError', user],
      [{ id: source.iscId, name: other.name }, 'ConflictError', admin],
      [{ id: source.iscId, approvers: [...approverIds, ownerId] }, 'LimitExceededError', admin],
      [{ id: source.iscId }, 'ValidationError', admin, { path: ['input'] }],
      [{ id: source.iscId, name: null }, 'ValidationError', admin, { path: ['input', 'name'] }],
      [
        { id: encodeNodeId('NonEmployeeRecord', source.iscId), name: 'x' },
        'ValidationError',
        admin,
        { path: ['input', 'id'] },
      ],
    ];
    for (const [input, typename, token, extra] of cases) {
      const result = await t.gql(UPDATE_SOURCE, { input }, { token });
      expect(result.errors, JSON.stringify(input)).toBeUndefined();
      expect(result.data?.updateNonEmployeeSource, JSON.stringify(input)).toMatchObject({
        __typename: typename,
        ...extra,
      });
    }
  });

  it('forgets what it changed: a read after the write in the same operation sees the new name', async () => {
    const source = await newSource();
    const result = await t.gql(
      `mutation($id: ID!, $name: String!) {
        before: updateNonEmployeeSource(input: { id: $id, description: "one" }) {
          ... on UpdateNonEmployeeSourcePayload { nonEmployeeSource { name } }
        }
        after: updateNonEmployeeSource(input: { id: $id, name: $name }) {
          ... on UpdateNonEmployeeSourcePayload { nonEmployeeSource { name description } }
        }
      }`,
      { id: source.iscId, name: `${source.name} II` },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.before.nonEmployeeSource.name).toBe(source.name);
    expect(result.data?.after.nonEmployeeSource).toEqual({ name: `${source.name} II`, description: 'one' });
  });
});

describe('deleteNonEmployeeSource', () => {
  it('deletes, answering the ids of what is gone; the source then reads as null', async () => {
    const source = await newSource();
    const result = await t.gql(DELETE_SOURCE, { input: { id: source.id } }, { token: admin });
    expect(result.data?.deleteNonEmployeeSource).toEqual({
      __typename: 'DeleteNonEmployeeSourcePayload',
      deletedId: source.id,
      deletedIscId: source.iscId,
    });
    const read = await t.gql(
      `query($id: ID!) { nonEmployeeSource(id: $id) { name } }`,
      { id: source.id },
      { token: admin },
    );
    expect(read.data?.nonEmployeeSource).toBeNull();
  });

  it('is NotFound for an unknown source and Forbidden to a user', async () => {
    const source = await newSource();
    const missing = await t.gql(DELETE_SOURCE, { input: { id: UNKNOWN_ID } }, { token: admin });
    expect(missing.data?.deleteNonEmployeeSource.__typename).toBe('NotFoundError');
    const forbidden = await t.gql(DELETE_SOURCE, { input: { id: source.iscId } }, { token: user });
    expect(forbidden.data?.deleteNonEmployeeSource.__typename).toBe('ForbiddenError');
  });
});

describe('an org at its limit of 50 sources', () => {
  let full: TestGateway;
  beforeAll(async () => {
    full = await startGateway({ sandbox: { scale: { sources: 50, recordsPerSource: 1 } } });
  });
  afterAll(() => full.close());

  it('answers the 51st source with LimitExceeded', async () => {
    const token = await full.sandbox.tokenFor('admin');
    const input = {
      name: 'One too many',
      description: 'x',
      owner: full.sandbox.client('source-owner').identityId,
    };
    const result = await full.gql(CREATE_SOURCE, { input }, { token });
    expect(result.data?.createNonEmployeeSource).toMatchObject({
      __typename: 'LimitExceededError',
      code: 'LIMIT_EXCEEDED',
      message: expect.stringContaining('50'),
    });
  });
});
