import type { RecordEntity } from '../../loaders/entities.ts';
import { NON_EMPLOYEE_RECORD_FIELDS } from '../../upstream/wire/nelm.ts';
import { builder } from '../builder.ts';
import { withCost, writeCost } from '../cost/field-cost.ts';
import { attributeWriteCost } from '../custom-attributes/attribute-costs.ts';
import { withAttributePatch, withCheckedAttributes } from '../custom-attributes/attribute-input.ts';
import { ValidationError } from '../errors/error-classes.ts';
import { type InputShape, runWrite } from '../errors/mutation-results.ts';
import { requireUserForWrite } from '../errors/user-context.ts';
import { checkSomethingChanges, inputId } from '../input-checks.ts';
import {
  nonEmployeeInputFields,
  nonEmployeePatchFields,
  toNonEmployeeBody,
  toNonEmployeePatch,
} from '../non-employee-fields.ts';
import { createBulkDeletePayload, createDeletePayload } from '../payloads.ts';
import { NonEmployeeRecordRef } from '../refs.ts';

/** The API states no maximum for a bulk delete; the gateway keeps one call's body bounded. */
export const MAX_BULK_DELETE_IDS = 1000;

const RECORD_INPUT: InputShape = {
  root: ['input'],
  fields: ['id', 'ids', 'sourceId', 'attributes', ...NON_EMPLOYEE_RECORD_FIELDS],
  readBeforeRetry:
    'nonEmployeeRecord(id) for an update or delete; for a create, the source’s records (look for its accountName)',
};
const RECORD_ID_DESCRIPTION = 'The record: its global id or its ISC id.';

const CreateNonEmployeeRecordInput = builder.inputType('CreateNonEmployeeRecordInput', {
  description:
    'A new record on a source (`POST /v3/non-employee-records`): every system field, and custom values in `data`.',
  fields: (t) => ({
    sourceId: t.id({ required: true, description: 'The source: its global id or its ISC id.' }),
    ...nonEmployeeInputFields(t),
  }),
});

const ReplaceNonEmployeeRecordInput = builder.inputType('ReplaceNonEmployeeRecordInput', {
  description: 'Every field of the record (PUT); a source owner may change only `endDate`.',
  fields: (t) => ({
    id: t.id({ required: true, description: RECORD_ID_DESCRIPTION }),
    sourceId: t.id({ required: true, description: 'The record’s source (a record cannot move).' }),
    ...nonEmployeeInputFields(t),
  }),
});

const UpdateNonEmployeeRecordInput = builder.inputType('UpdateNonEmployeeRecordInput', {
  description: 'Only the fields given change (JSON Patch); a source owner may change only `endDate`.',
  fields: (t) => ({
    id: t.id({ required: true, description: RECORD_ID_DESCRIPTION }),
    ...nonEmployeePatchFields(t),
  }),
});

const DeleteNonEmployeeRecordInput = builder.inputType('DeleteNonEmployeeRecordInput', {
  description: 'The record to delete (`DELETE /v3/non-employee-records/{id}`).',
  fields: (t) => ({ id: t.id({ required: true, description: RECORD_ID_DESCRIPTION }) }),
});

const DeleteNonEmployeeRecordsInput = builder.inputType('DeleteNonEmployeeRecordsInput', {
  description: 'The records to delete in one call (`POST /v3/non-employee-records/bulk-delete`).',
  fields: (t) => ({
    ids: t.idList({
      required: true,
      description: `1 to ${MAX_BULK_DELETE_IDS} records: global ids or ISC ids.`,
    }),
  }),
});

const recordPayload = (name: string) =>
  builder.objectRef<{ record: RecordEntity }>(name).implement({
    description: 'The record as ISC answers after the write.',
    fields: (t) => ({
      nonEmployeeRecord: t.field({
        description: 'The record as it is now.',
        type: NonEmployeeRecordRef,
        resolve: (payload) => payload.record,
      }),
    }),
  });

const CreateNonEmployeeRecordPayload = recordPayload('CreateNonEmployeeRecordPayload');
const UpdateNonEmployeeRecordPayload = recordPayload('UpdateNonEmployeeRecordPayload');
const ReplaceNonEmployeeRecordPayload = recordPayload('ReplaceNonEmployeeRecordPayload');
const DeleteNonEmployeeRecordPayload = createDeletePayload('DeleteNonEmployeeRecord', 'non-employee record');
const DeleteNonEmployeeRecordsPayload = createBulkDeletePayload(
  'DeleteNonEmployeeRecords',
  'non-employee records',
);

builder.mutationFields((t) => ({
  createNonEmployeeRecord: t.field({
    type: CreateNonEmployeeRecordPayload,
    description: 'Creates a record directly on a source (no approval), and its account.',
    args: {
      input: t.arg({
        description: 'The record to create.',
        type: CreateNonEmployeeRecordInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(attributeWriteCost()),
    resolve: async (_root, { input }, ctx) => {
      const sourceId = inputId(input.sourceId, 'NonEmployeeSource', ['input', 'sourceId']);
      const body = await withCheckedAttributes(ctx, input, toNonEmployeeBody(input, sourceId), RECORD_INPUT);
      const created = await runWrite(RECORD_INPUT, () => ctx.api.createNonEmployeeRecord(body));
      if (created.id) ctx.loaders.replaceRecord(created.id, created);
      return { record: created };
    },
  }),
  updateNonEmployeeRecord: t.field({
    type: UpdateNonEmployeeRecordPayload,
    description: 'Changes the fields given of a record (JSON Patch).',
    args: {
      input: t.arg({
        description: 'The record and the fields to change.',
        type: UpdateNonEmployeeRecordInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(attributeWriteCost(true)),
    resolve: async (_root, { input }, ctx) => {
      const id = inputId(input.id, 'NonEmployeeRecord', ['input', 'id']);
      const given = toNonEmployeePatch(input);
      checkSomethingChanges([...given, ...(input.attributes ?? [])]);
      await requireUserForWrite(ctx, 'updating a record');
      const patch = await withAttributePatch(ctx, input, id, given, RECORD_INPUT);
      const updated = await runWrite(RECORD_INPUT, () => ctx.api.patchNonEmployeeRecord(id, patch), [
        input.id,
      ]);
      ctx.loaders.replaceRecord(id, updated);
      return { record: updated };
    },
  }),
  replaceNonEmployeeRecord: t.field({
    type: ReplaceNonEmployeeRecordPayload,
    description: 'Replaces every field of a record (PUT).',
    args: {
      input: t.arg({
        description: 'The record and every field it is to have.',
        type: ReplaceNonEmployeeRecordInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(attributeWriteCost()),
    resolve: async (_root, { input }, ctx) => {
      const id = inputId(input.id, 'NonEmployeeRecord', ['input', 'id']);
      const sourceId = inputId(input.sourceId, 'NonEmployeeSource', ['input', 'sourceId']);
      const given = toNonEmployeeBody(input, sourceId);
      await requireUserForWrite(ctx, 'replacing a record');
      const body = await withCheckedAttributes(ctx, input, given, RECORD_INPUT);
      const replaced = await runWrite(RECORD_INPUT, () => ctx.api.updateNonEmployeeRecord(id, body), [
        input.id,
      ]);
      ctx.loaders.replaceRecord(id, replaced);
      return { record: replaced };
    },
  }),
  deleteNonEmployeeRecord: t.field({
    type: DeleteNonEmployeeRecordPayload,
    description: 'Deletes one record.',
    args: {
      input: t.arg({
        description: 'The record to delete.',
        type: DeleteNonEmployeeRecordInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const id = inputId(input.id, 'NonEmployeeRecord', ['input', 'id']);
      await runWrite(RECORD_INPUT, () => ctx.api.deleteNonEmployeeRecord(id), [input.id]);
      ctx.loaders.clearRecord(id);
      return { typename: 'NonEmployeeRecord', iscIds: [id] };
    },
  }),
  deleteNonEmployeeRecords: t.field({
    type: DeleteNonEmployeeRecordsPayload,
    description: `Deletes up to ${MAX_BULK_DELETE_IDS} records in one call; all or none (an unknown id deletes nothing).`,
    args: {
      input: t.arg({
        description: 'The records to delete.',
        type: DeleteNonEmployeeRecordsInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      if (input.ids.length === 0) throw new ValidationError('Give at least one record id.', ['input', 'ids']);
      if (input.ids.length > MAX_BULK_DELETE_IDS) {
        throw new ValidationError(`Give at most ${MAX_BULK_DELETE_IDS} record ids per call.`, [
          'input',
          'ids',
        ]);
      }
      const ids = [
        ...new Set(
          input.ids.map((id, index) => inputId(id, 'NonEmployeeRecord', ['input', 'ids', String(index)])),
        ),
      ];
      await runWrite(RECORD_INPUT, () => ctx.api.deleteNonEmployeeRecordsInBulk(ids), input.ids);
      for (const id of ids) ctx.loaders.clearRecord(id);
      return { typename: 'NonEmployeeRecord', iscIds: ids };
    },
  }),
}));
