import type { SchemaAttributeEntity } from '../../loaders/entities.ts';
import { schemaAttributeKey } from '../../loaders/sources.ts';
import type { JsonPatchOperation } from '../../upstream/wire/common.ts';
import { builder } from '../builder.ts';
import { sourceFromList, withCost, writeCost } from '../cost/field-cost.ts';
import { ValidationError } from '../errors/error-classes.ts';
import { type InputShape, runWrite } from '../errors/mutation-results.ts';
import { checkSomethingChanges, inputId, presentOrAbsent, requiredText } from '../input-checks.ts';
import { createDeletePayload } from '../payloads.ts';
import { NonEmployeeSchemaAttributeRef, NonEmployeeSourceRef } from '../refs.ts';
import { SchemaAttributeTypeEnum } from './schema-attribute.ts';

const ATTRIBUTE_INPUT: InputShape = {
  root: ['input'],
  fields: ['id', 'sourceId', 'type', 'label', 'technicalName', 'helpText', 'placeholder', 'required'],
  readBeforeRetry: 'the source’s schemaAttributes (look for the technicalName)',
};

const SOURCE_ID_DESCRIPTION = 'The source: its global id or its ISC id.';
const ATTRIBUTE_ID_DESCRIPTION =
  'The attribute: its global id, or its ISC id together with `sourceId` (attribute ids are unique only within a source).';

interface AttributeKey {
  sourceId: string;
  attributeId: string;
}

/** A global attribute id carries its source; a raw one needs `sourceId` beside it. */
function attributeKey(id: string | number, sourceId: string | number | null | undefined): AttributeKey {
  const parsed = inputId(id, 'NonEmployeeSchemaAttribute', ['input', 'id']);
  const given = sourceId == null ? null : inputId(sourceId, 'NonEmployeeSource', ['input', 'sourceId']);
  const colon = parsed.indexOf(':');
  if (colon > 0) {
    const key = { sourceId: parsed.slice(0, colon), attributeId: parsed.slice(colon + 1) };
    if (given !== null && given !== key.sourceId) {
      throw new ValidationError('"input.sourceId" names another source than the attribute id.', [
        'input',
        'sourceId',
      ]);
    }
    return key;
  }
  if (given === null) {
    throw new ValidationError('"input.sourceId" is required with an ISC attribute id.', [
      'input',
      'sourceId',
    ]);
  }
  return { sourceId: given, attributeId: parsed };
}

const CreateNonEmployeeSchemaAttributeInput = builder.inputType('CreateNonEmployeeSchemaAttributeInput', {
  description:
    'A new custom attribute of a source (`POST /v3/non-employee-sources/{sourceId}/schema-attributes`).',
  fields: (t) => ({
    sourceId: t.id({ required: true, description: SOURCE_ID_DESCRIPTION }),
    type: t.field({
      description: 'The kind of value: `TEXT`, `DATE` or `IDENTITY` (v3; beta also `PHONE`, `EMAIL`).',
      type: SchemaAttributeTypeEnum,
      required: true,
    }),
    label: t.string({ description: 'The name forms show (not blank).', required: true }),
    technicalName: t.string({ required: true, description: 'Unique in the source; the key in `data`.' }),
    helpText: t.string({ description: 'Help shown beside the field on the request form.' }),
    placeholder: t.string({ description: 'Placeholder shown in the empty field.' }),
    required: t.boolean({ description: 'Every record of the source must then have a value.' }),
  }),
});

const UpdateNonEmployeeSchemaAttributeInput = builder.inputType('UpdateNonEmployeeSchemaAttributeInput', {
  description: 'Only the fields given change (ISC patches label, helpText, placeholder, required).',
  fields: (t) => ({
    id: t.id({ required: true, description: ATTRIBUTE_ID_DESCRIPTION }),
    sourceId: t.id({ description: SOURCE_ID_DESCRIPTION }),
    label: t.string({ description: 'A new label (not blank, not null).' }),
    helpText: t.string({ description: 'null or empty clears it.' }),
    placeholder: t.string({ description: 'null or empty clears it.' }),
    required: t.boolean({ description: 'Whether every record must have a value (not null).' }),
  }),
});

const DeleteNonEmployeeSchemaAttributeInput = builder.inputType('DeleteNonEmployeeSchemaAttributeInput', {
  description:
    'The custom attribute to delete (`DELETE /v3/non-employee-sources/{sourceId}/schema-attributes/{attributeId}`).',
  fields: (t) => ({
    id: t.id({ required: true, description: ATTRIBUTE_ID_DESCRIPTION }),
    sourceId: t.id({ description: SOURCE_ID_DESCRIPTION }),
  }),
});

const DeleteNonEmployeeSourceSchemaAttributesInput = builder.inputType(
  'DeleteNonEmployeeSourceSchemaAttributesInput',
  {
    description:
      'The source whose custom attributes all go (`DELETE /v3/non-employee-sources/{sourceId}/schema-attributes`).',
    fields: (t) => ({ sourceId: t.id({ required: true, description: SOURCE_ID_DESCRIPTION }) }),
  },
);

interface AttributePayload {
  attribute: SchemaAttributeEntity;
}

const attributePayload = (name: string) =>
  builder.objectRef<AttributePayload>(name).implement({
    description: 'The attribute as ISC answers after the write, and its source.',
    fields: (t) => ({
      schemaAttribute: t.field({
        description: 'The attribute as it is now.',
        type: NonEmployeeSchemaAttributeRef,
        resolve: (p) => p.attribute,
      }),
      nonEmployeeSource: t.field({
        type: NonEmployeeSourceRef,
        nullable: true,
        description: 'The source the attribute belongs to, with its attributes as they are now.',
        extensions: withCost(sourceFromList),
        resolve: (p, _args, ctx) => ctx.loaders.source.load(p.attribute.nonEmployeeSourceId),
      }),
    }),
  });

const CreateNonEmployeeSchemaAttributePayload = attributePayload('CreateNonEmployeeSchemaAttributePayload');
const UpdateNonEmployeeSchemaAttributePayload = attributePayload('UpdateNonEmployeeSchemaAttributePayload');
const DeleteNonEmployeeSchemaAttributePayload = createDeletePayload(
  'DeleteNonEmployeeSchemaAttribute',
  'schema attribute',
);

const DeleteNonEmployeeSourceSchemaAttributesPayload = builder
  .objectRef<{ sourceId: string }>('DeleteNonEmployeeSourceSchemaAttributesPayload')
  .implement({
    description: 'The source, left with its system attributes only.',
    fields: (t) => ({
      nonEmployeeSource: t.field({
        type: NonEmployeeSourceRef,
        nullable: true,
        description: 'The source, with only its system attributes left.',
        extensions: withCost(sourceFromList),
        resolve: (p, _args, ctx) => ctx.loaders.source.load(p.sourceId),
      }),
    }),
  });

builder.mutationFields((t) => ({
  createNonEmployeeSchemaAttribute: t.field({
    type: CreateNonEmployeeSchemaAttributePayload,
    description: 'Adds a custom attribute to a source (at most 10; technical names unique in the source).',
    args: {
      input: t.arg({
        description: 'The attribute to add.',
        type: CreateNonEmployeeSchemaAttributeInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const sourceId = inputId(input.sourceId, 'NonEmployeeSource', ['input', 'sourceId']);
      const body = {
        type: input.type,
        label: requiredText(input.label, ['input', 'label']),
        technicalName: requiredText(input.technicalName, ['input', 'technicalName']),
        ...(input.helpText == null ? {} : { helpText: input.helpText }),
        ...(input.placeholder == null ? {} : { placeholder: input.placeholder }),
        ...(input.required == null ? {} : { required: input.required }),
      };
      const created = await runWrite(ATTRIBUTE_INPUT, () =>
        ctx.api.createNonEmployeeSourceSchemaAttributes(sourceId, body),
      );
      ctx.loaders.clearSource(sourceId);
      return { attribute: { ...created, nonEmployeeSourceId: sourceId } };
    },
  }),
  updateNonEmployeeSchemaAttribute: t.field({
    type: UpdateNonEmployeeSchemaAttributePayload,
    description: 'Changes an attribute with a JSON Patch of the fields given.',
    args: {
      input: t.arg({
        description: 'The attribute and the fields to change.',
        type: UpdateNonEmployeeSchemaAttributeInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const { sourceId, attributeId } = attributeKey(input.id, input.sourceId);
      const patch: JsonPatchOperation[] = [];
      const label = presentOrAbsent(input.label, ['input', 'label']);
      if (label !== undefined) {
        patch.push({ op: 'replace', path: '/label', value: requiredText(label, ['input', 'label']) });
      }
      for (const field of ['helpText', 'placeholder'] as const) {
        if (input[field] !== undefined)
          patch.push({ op: 'replace', path: `/${field}`, value: input[field] ?? '' });
      }
      const required = presentOrAbsent(input.required, ['input', 'required']);
      if (required !== undefined) patch.push({ op: 'replace', path: '/required', value: required });
      checkSomethingChanges(patch);
      const updated = await runWrite(ATTRIBUTE_INPUT, () =>
        ctx.api.patchNonEmployeeSchemaAttribute(sourceId, attributeId, patch),
      );
      ctx.loaders.clearSource(sourceId);
      return { attribute: { ...updated, nonEmployeeSourceId: sourceId } };
    },
  }),
  deleteNonEmployeeSchemaAttribute: t.field({
    type: DeleteNonEmployeeSchemaAttributePayload,
    description: 'Deletes one custom attribute (system attributes stay).',
    args: {
      input: t.arg({
        description: 'The attribute to delete.',
        type: DeleteNonEmployeeSchemaAttributeInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const { sourceId, attributeId } = attributeKey(input.id, input.sourceId);
      await runWrite(ATTRIBUTE_INPUT, () => ctx.api.deleteNonEmployeeSchemaAttribute(sourceId, attributeId));
      ctx.loaders.clearSource(sourceId);
      return {
        typename: 'NonEmployeeSchemaAttribute',
        iscIds: [attributeId],
        nodeKeys: [schemaAttributeKey(sourceId, attributeId)],
      };
    },
  }),
  deleteNonEmployeeSourceSchemaAttributes: t.field({
    type: DeleteNonEmployeeSourceSchemaAttributesPayload,
    description: 'Deletes every custom attribute of a source; the 8 system attributes stay.',
    args: {
      input: t.arg({
        description: 'The source whose custom attributes go.',
        type: DeleteNonEmployeeSourceSchemaAttributesInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const sourceId = inputId(input.sourceId, 'NonEmployeeSource', ['input', 'sourceId']);
      await runWrite(ATTRIBUTE_INPUT, () => ctx.api.deleteNonEmployeeSourceSchemaAttributes(sourceId));
      ctx.loaders.clearSource(sourceId);
      return { sourceId };
    },
  }),
}));
