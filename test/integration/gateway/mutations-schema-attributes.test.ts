import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';
import { createGraphSource, FAILURE, UNKNOWN_ID } from './mutation-fixtures.ts';

const CREATE_ATTRIBUTE = `mutation($input: CreateNonEmployeeSchemaAttributeInput!) {
  createNonEmployeeSchemaAttribute(input: $input) {
    ${FAILURE}
    ... on CreateNonEmployeeSchemaAttributePayload {
      schemaAttribute { id iscId technicalName label type required system helpText }
      nonEmployeeSource { iscId schemaAttributes { technicalName } }
    }
  }
}`;

const UPDATE_ATTRIBUTE = `mutation($input: UpdateNonEmployeeSchemaAttributeInput!) {
  updateNonEmployeeSchemaAttribute(input: $input) {
    ${FAILURE}
    ... on UpdateNonEmployeeSchemaAttributePayload {
      schemaAttribute { iscId label helpText placeholder required }
    }
  }
}`;

const DELETE_ATTRIBUTE = `mutation($input: DeleteNonEmployeeSchemaAttributeInput!) {
  deleteNonEmployeeSchemaAttribute(input: $input) {
    ${FAILURE}
    ... on DeleteNonEmployeeSchemaAttributePayload { deletedId deletedIscId }
  }
}`;

const DELETE_CUSTOM_ATTRIBUTES = `mutation($input: DeleteNonEmployeeSourceSchemaAttributesInput!) {
  deleteNonEmployeeSourceSchemaAttributes(input: $input) {
    ${FAILURE}
    ... on DeleteNonEmployeeSourceSchemaAttributesPayload {
      nonEmployeeSource { schemaAttributes { technicalName system } }
    }
  }
}`;

let t: TestGateway;
let admin: string;
let user: string;
let ownerId: string;

beforeAll(async () => {
  t = await startGateway();
  [admin, user] = await Promise.all([t.sandbox.tokenFor('admin'), t.sandbox.tokenFor('user')]);
  ownerId = t.sandbox.client('source-owner').identityId;
});
afterAll(() => t.close());

const newSource = (extra: Record<string, unknown> = {}) => createGraphSource(t, admin, ownerId, extra);

describe('schema attribute mutations', () => {
  it('create, update and delete one custom attribute, by global id', async () => {
    const source = await newSource();
    const createdAttribute = await t.gql(
      CREATE_ATTRIBUTE,
      {
        input: {
          sourceId: source.id,
          type: 'TEXT',
          label: 'Badge',
          technicalName: 'badge',
          helpText: 'The badge number',
          required: true,
        },
      },
      { token: admin },
    );
    expect(createdAttribute.errors).toBeUndefined();
    const payload = createdAttribute.data?.createNonEmployeeSchemaAttribute;
    expect(payload).toMatchObject({
      __typename: 'CreateNonEmployeeSchemaAttributePayload',
      schemaAttribute: {
        technicalName: 'badge',
        label: 'Badge',
        type: 'TEXT',
        required: true,
        system: false,
      },
    });
    // The source's attribute list was read after the write: it holds the new one, last.
    expect(payload.nonEmployeeSource.schemaAttributes.at(-1)).toEqual({ technicalName: 'badge' });
    expect(payload.nonEmployeeSource.schemaAttributes).toHaveLength(9);

    const attributeId = payload.schemaAttribute.id;
    const updated = await t.gql(
      UPDATE_ATTRIBUTE,
      {
        input: {
          id: attributeId,
          label: 'Badge number',
          helpText: null,
          placeholder: 'B-123',
          required: false,
        },
      },
      { token: admin },
    );
    expect(updated.data?.updateNonEmployeeSchemaAttribute).toMatchObject({
      __typename: 'UpdateNonEmployeeSchemaAttributePayload',
      schemaAttribute: { label: 'Badge number', placeholder: 'B-123', required: false },
    });
    expect(updated.data?.updateNonEmployeeSchemaAttribute.schemaAttribute.helpText ?? '').toBe('');

    const deleted = await t.gql(DELETE_ATTRIBUTE, { input: { id: attributeId } }, { token: admin });
    expect(deleted.data?.deleteNonEmployeeSchemaAttribute).toEqual({
      __typename: 'DeleteNonEmployeeSchemaAttributePayload',
      deletedId: attributeId,
      deletedIscId: payload.schemaAttribute.iscId,
    });
    const after = await t.gql(
      `query($id: ID!) { nonEmployeeSource(id: $id) { schemaAttributes { technicalName } } }`,
      { id: source.id },
      { token: admin },
    );
    expect(after.data?.nonEmployeeSource.schemaAttributes).toHaveLength(8);
  });

  it('create: Conflict on a duplicate technical name, LimitExceeded on the 11th custom attribute', async () => {
    const source = await newSource();
    const add = (technicalName: string) =>
      t.gql(
        CREATE_ATTRIBUTE,
        { input: { sourceId: source.iscId, type: 'TEXT', label: technicalName, technicalName } },
        { token: admin },
      );
    for (let i = 1; i <= 10; i++) {
      expect((await add(`custom${i}`)).data?.createNonEmployeeSchemaAttribute.__typename).toBe(
        'CreateNonEmployeeSchemaAttributePayload',
      );
    }
    expect((await add('custom3')).data?.createNonEmployeeSchemaAttribute).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
    });
    expect((await add('custom11')).data?.createNonEmployeeSchemaAttribute).toMatchObject({
      __typename: 'LimitExceededError',
      code: 'LIMIT_EXCEEDED',
    });
  });

  it('create: NotFound, Forbidden, and a Validation with the path the upstream names', async () => {
    const source = await newSource();
    const input = (extra: object) => ({
      sourceId: source.iscId,
      type: 'TEXT',
      label: 'L',
      technicalName: 'ok',
      ...extra,
    });
    const notFound = await t.gql(
      CREATE_ATTRIBUTE,
      { input: input({ sourceId: UNKNOWN_ID }) },
      { token: admin },
    );
    expect(notFound.data?.createNonEmployeeSchemaAttribute.__typename).toBe('NotFoundError');
    const forbidden = await t.gql(CREATE_ATTRIBUTE, { input: input({}) }, { token: user });
    expect(forbidden.data?.createNonEmployeeSchemaAttribute.__typename).toBe('ForbiddenError');
    const invalid = await t.gql(
      CREATE_ATTRIBUTE,
      { input: input({ technicalName: '9 lives' }) },
      { token: admin },
    );
    expect(invalid.data?.createNonEmployeeSchemaAttribute).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      path: ['input', 'technicalName'],
    });
    expect(invalid.data?.createNonEmployeeSchemaAttribute.message).toContain('technicalName');
  });

  it('update and delete: NotFound, Forbidden, and Validation for ids and system attributes', async () => {
    const source = await newSource();
    const attributes = await t.gql(
      `query($id: ID!) { nonEmployeeSource(id: $id) { schemaAttributes { id iscId system } } }`,
      { id: source.id },
      { token: admin },
    );
    const system = attributes.data?.nonEmployeeSource.schemaAttributes[0];
    expect(system.system).toBe(true);

    const update = (input: object, token = admin) => t.gql(UPDATE_ATTRIBUTE, { input }, { token });
    expect(
      (await update({ id: UNKNOWN_ID, sourceId: source.iscId, label: 'x' })).data
        ?.updateNonEmployeeSchemaAttribute.__typename,
    ).toBe('NotFoundError');
    expect(
      (await update({ id: system.id, label: 'x' }, user)).data?.updateNonEmployeeSchemaAttribute.__typename,
    ).toBe('ForbiddenError');
    expect(
      (await update({ id: system.iscId, label: 'x' })).data?.updateNonEmployeeSchemaAttribute,
    ).toMatchObject({
      __typename: 'ValidationError',
      path: ['input', 'sourceId'],
    });
    expect(
      (await update({ id: system.id, label: ' ' })).data?.updateNonEmployeeSchemaAttribute,
    ).toMatchObject({
      __typename: 'ValidationError',
      path: ['input', 'label'],
    });

    const remove = (input: object, token = admin) => t.gql(DELETE_ATTRIBUTE, { input }, { token });
    expect(
      (await remove({ id: UNKNOWN_ID, sourceId: source.iscId })).data?.deleteNonEmployeeSchemaAttribute
        .__typename,
    ).toBe('NotFoundError');
    expect((await remove({ id: system.id }, user)).data?.deleteNonEmployeeSchemaAttribute.__typename).toBe(
      'ForbiddenError',
    );
    expect(
      (await remove({ id: system.iscId, sourceId: source.id })).data?.deleteNonEmployeeSchemaAttribute,
    ).toMatchObject({
      __typename: 'ValidationError',
      message: expect.stringContaining('cannot be deleted'),
    });
  });

  it('deletes every custom attribute and keeps the system ones; NotFound and Forbidden typed', async () => {
    const source = await newSource();
    for (const technicalName of ['a1', 'a2']) {
      const created = await t.gql(
        CREATE_ATTRIBUTE,
        { input: { sourceId: source.iscId, type: 'TEXT', label: technicalName, technicalName } },
        { token: admin },
      );
      expect(
        created.data?.createNonEmployeeSchemaAttribute.nonEmployeeSource.schemaAttributes.at(-1),
      ).toEqual({
        technicalName,
      });
    }
    const result = await t.gql(
      DELETE_CUSTOM_ATTRIBUTES,
      { input: { sourceId: source.id } },
      { token: admin },
    );
    expect(result.errors).toBeUndefined();
    const attributes =
      result.data?.deleteNonEmployeeSourceSchemaAttributes.nonEmployeeSource.schemaAttributes;
    expect(attributes).toHaveLength(8);
    expect(attributes.every((a: { system: boolean }) => a.system)).toBe(true);

    const missing = await t.gql(
      DELETE_CUSTOM_ATTRIBUTES,
      { input: { sourceId: UNKNOWN_ID } },
      { token: admin },
    );
    expect(missing.data?.deleteNonEmployeeSourceSchemaAttributes.__typename).toBe('NotFoundError');
    const forbidden = await t.gql(
      DELETE_CUSTOM_ATTRIBUTES,
      { input: { sourceId: source.iscId } },
      { token: user },
    );
    expect(forbidden.data?.deleteNonEmployeeSourceSchemaAttributes.__typename).toBe('ForbiddenError');
  });
});
