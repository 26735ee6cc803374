import type { RequestEntity } from '../../loaders/entities.ts';
import { NON_EMPLOYEE_RECORD_FIELDS } from '../../upstream/wire/nelm.ts';
import { builder } from '../builder.ts';
import { withCost, writeCost } from '../cost/field-cost.ts';
import { attributeWriteCost } from '../custom-attributes/attribute-costs.ts';
import { withCheckedAttributes } from '../custom-attributes/attribute-input.ts';
import { type InputShape, runWrite } from '../errors/mutation-results.ts';
import { inputId } from '../input-checks.ts';
import { nonEmployeeInputFields, toNonEmployeeBody } from '../non-employee-fields.ts';
import { createDeletePayload } from '../payloads.ts';
import { NonEmployeeRequestRef } from '../refs.ts';

const REQUEST_INPUT: InputShape = {
  root: ['input'],
  fields: ['id', 'sourceId', 'attributes', ...NON_EMPLOYEE_RECORD_FIELDS],
  readBeforeRetry:
    'nonEmployeeRequest(id) for a delete; for a create, nonEmployeeRequests(sourceId) (look for its accountName)',
};

const CreateNonEmployeeRequestInput = builder.inputType('CreateNonEmployeeRequestInput', {
  description: 'A new non-employee, to be decided by the source approvers in order.',
  fields: (t) => ({
    sourceId: t.id({ required: true, description: 'The source: its global id or its ISC id.' }),
    ...nonEmployeeInputFields(t),
  }),
});

const DeleteNonEmployeeRequestInput = builder.inputType('DeleteNonEmployeeRequestInput', {
  description: 'The request to delete (`DELETE /v3/non-employee-requests/{id}`).',
  fields: (t) => ({ id: t.id({ required: true, description: 'The request: its global id or its ISC id.' }) }),
});

const CreateNonEmployeeRequestPayload = builder
  .objectRef<{ request: RequestEntity }>('CreateNonEmployeeRequestPayload')
  .implement({
    description: 'The request as ISC created it (`POST /v3/non-employee-requests`).',
    fields: (t) => ({
      nonEmployeeRequest: t.field({
        type: NonEmployeeRequestRef,
        description: 'PENDING on its first approver (APPROVED at once when the source has no approvers).',
        resolve: (payload) => payload.request,
      }),
    }),
  });

const DeleteNonEmployeeRequestPayload = createDeletePayload(
  'DeleteNonEmployeeRequest',
  'non-employee request',
);

builder.mutationFields((t) => ({
  createNonEmployeeRequest: t.field({
    type: CreateNonEmployeeRequestPayload,
    description: 'Asks for a new non-employee record on a source.',
    args: {
      input: t.arg({
        description: 'The non-employee to ask for.',
        type: CreateNonEmployeeRequestInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(attributeWriteCost()),
    resolve: async (_root, { input }, ctx) => {
      const sourceId = inputId(input.sourceId, 'NonEmployeeSource', ['input', 'sourceId']);
      const body = await withCheckedAttributes(ctx, input, toNonEmployeeBody(input, sourceId), REQUEST_INPUT);
      const created = await runWrite(REQUEST_INPUT, () => ctx.api.createNonEmployeeRequest(body));
      if (created.id) ctx.loaders.replaceRequest(created.id, created);
      return { request: created };
    },
  }),
  deleteNonEmployeeRequest: t.field({
    type: DeleteNonEmployeeRequestPayload,
    description: 'Deletes a request and its approval items.',
    args: {
      input: t.arg({
        description: 'The request to delete.',
        type: DeleteNonEmployeeRequestInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const id = inputId(input.id, 'NonEmployeeRequest', ['input', 'id']);
      await runWrite(REQUEST_INPUT, () => ctx.api.deleteNonEmployeeRequest(id), [input.id]);
      ctx.loaders.clearRequest(id);
      return { typename: 'NonEmployeeRequest', iscIds: [id] };
    },
  }),
}));
