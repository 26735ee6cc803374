import type { SourceEntity } from '../../loaders/entities.ts';
import type { JsonPatchOperation } from '../../upstream/wire/common.ts';
import type { IdnUserRef } from '../../upstream/wire/nelm.ts';
import { MAX_ACCOUNT_MANAGERS, MAX_APPROVERS } from '../../upstream/wire/nelm-limits.ts';
import { builder } from '../builder.ts';
import { withCost, writeCost } from '../cost/field-cost.ts';
import { type InputShape, runWrite } from '../errors/mutation-results.ts';
import {
  checkSomethingChanges,
  identityId,
  identityIds,
  inputId,
  presentOrAbsent,
  requiredText,
} from '../input-checks.ts';
import { createDeletePayload } from '../payloads.ts';
import { NonEmployeeSourceRef } from '../refs.ts';

const SOURCE_INPUT: InputShape = {
  root: ['input'],
  fields: ['id', 'name', 'description', 'owner', 'managementWorkgroup', 'approvers', 'accountManagers'],
  readBeforeRetry:
    'nonEmployeeSource(id) for an update or delete; for a create, nonEmployeeSources (look for its name)',
};

const userRefs = (ids: string[]): IdnUserRef[] => ids.map((id) => ({ id }));

const CreateNonEmployeeSourceInput = builder.inputType('CreateNonEmployeeSourceInput', {
  description:
    'A new non-employee source (`POST /v3/non-employee-sources`); ISC creates its ISC source and 8 system attributes with it.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Unique in the org.' }),
    description: t.string({ description: 'What the source is for.', required: true }),
    owner: t.id({ required: true, description: 'The identity id of the owner.' }),
    managementWorkgroup: t.string({ description: 'The workgroup of the source sub-admins.' }),
    approvers: t.idList({ description: `Up to ${MAX_APPROVERS} identity ids, in approval order.` }),
    accountManagers: t.idList({ description: `Up to ${MAX_ACCOUNT_MANAGERS} identity ids.` }),
  }),
});

const UpdateNonEmployeeSourceInput = builder.inputType('UpdateNonEmployeeSourceInput', {
  description: 'Only the fields given change (ISC patches name, description, approvers, accountManagers).',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The source: its global id or its ISC id.' }),
    name: t.string({ description: 'A new name, unique in the org (not blank, not null).' }),
    description: t.string({ description: 'A new description.' }),
    approvers: t.idList({ description: `Up to ${MAX_APPROVERS} identity ids, in approval order.` }),
    accountManagers: t.idList({ description: `Up to ${MAX_ACCOUNT_MANAGERS} identity ids.` }),
  }),
});

const DeleteNonEmployeeSourceInput = builder.inputType('DeleteNonEmployeeSourceInput', {
  description: 'The source to delete (`DELETE /v3/non-employee-sources/{id}`).',
  fields: (t) => ({ id: t.id({ required: true, description: 'The source: its global id or its ISC id.' }) }),
});

const CreateNonEmployeeSourcePayload = builder
  .objectRef<{ source: SourceEntity; cloudExternalId: string | null }>('CreateNonEmployeeSourcePayload')
  .implement({
    description: 'The source ISC created.',
    fields: (t) => ({
      nonEmployeeSource: t.field({
        type: NonEmployeeSourceRef,
        description: 'The new source.',
        resolve: (payload) => payload.source,
      }),
      cloudExternalId: t.string({
        nullable: true,
        description: 'The external id ISC gave the new source.',
        resolve: (payload) => payload.cloudExternalId,
      }),
    }),
  });

const UpdateNonEmployeeSourcePayload = builder
  .objectRef<{ source: SourceEntity }>('UpdateNonEmployeeSourcePayload')
  .implement({
    description: 'The source as ISC answers after the patch (`PATCH /v3/non-employee-sources/{id}`).',
    fields: (t) => ({
      nonEmployeeSource: t.field({
        type: NonEmployeeSourceRef,
        description: 'The source as it is now.',
        resolve: (payload) => payload.source,
      }),
    }),
  });

const DeleteNonEmployeeSourcePayload = createDeletePayload('DeleteNonEmployeeSource', 'non-employee source');

builder.mutationFields((t) => ({
  createNonEmployeeSource: t.field({
    type: CreateNonEmployeeSourcePayload,
    description: 'Creates a non-employee source (at most 50 per org), with its 8 system attributes.',
    args: {
      input: t.arg({
        description: 'The source to create.',
        type: CreateNonEmployeeSourceInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const body = {
        name: requiredText(input.name, ['input', 'name']),
        description: input.description,
        owner: { id: identityId(input.owner, ['input', 'owner']) },
        ...(input.managementWorkgroup == null ? {} : { managementWorkgroup: input.managementWorkgroup }),
        approvers: userRefs(identityIds(input.approvers ?? [], MAX_APPROVERS, ['input', 'approvers'])),
        accountManagers: userRefs(
          identityIds(input.accountManagers ?? [], MAX_ACCOUNT_MANAGERS, ['input', 'accountManagers']),
        ),
      };
      const created = await runWrite(SOURCE_INPUT, () => ctx.api.createNonEmployeeSource(body));
      if (created.id) ctx.loaders.replaceSource(created.id, created);
      return { source: created, cloudExternalId: created.cloudExternalId ?? null };
    },
  }),
  updateNonEmployeeSource: t.field({
    type: UpdateNonEmployeeSourcePayload,
    description: 'Changes a source with a JSON Patch of the fields given.',
    args: {
      input: t.arg({
        description: 'The source and the fields to change.',
        type: UpdateNonEmployeeSourceInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const id = inputId(input.id, 'NonEmployeeSource', ['input', 'id']);
      const patch: JsonPatchOperation[] = [];
      const name = presentOrAbsent(input.name, ['input', 'name']);
      if (name !== undefined)
        patch.push({ op: 'replace', path: '/name', value: requiredText(name, ['input', 'name']) });
      const description = presentOrAbsent(input.description, ['input', 'description']);
      if (description !== undefined) patch.push({ op: 'replace', path: '/description', value: description });
      for (const [field, max] of [
        ['approvers', MAX_APPROVERS],
        ['accountManagers', MAX_ACCOUNT_MANAGERS],
      ] as const) {
        const ids = input[field];
        if (ids === undefined) continue;
        // null empties the list, as an empty list does.
        const refs = identityIds(ids ?? [], max, ['input', field]).map((ref) => ({
          type: 'IDENTITY',
          id: ref,
        }));
        patch.push({ op: 'replace', path: `/${field}`, value: refs });
      }
      checkSomethingChanges(patch);
      const updated = await runWrite(SOURCE_INPUT, () => ctx.api.patchNonEmployeeSource(id, patch), [
        input.id,
      ]);
      ctx.loaders.replaceSource(id, updated);
      return { source: updated };
    },
  }),
  deleteNonEmployeeSource: t.field({
    type: DeleteNonEmployeeSourcePayload,
    description: 'Deletes a source with its schema, records and requests.',
    args: {
      input: t.arg({
        description: 'The source to delete.',
        type: DeleteNonEmployeeSourceInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const id = inputId(input.id, 'NonEmployeeSource', ['input', 'id']);
      await runWrite(SOURCE_INPUT, () => ctx.api.deleteNonEmployeeSource(id), [input.id]);
      // Its records, requests, approvals and every count went with it.
      ctx.loaders.clearAll();
      return { typename: 'NonEmployeeSource', iscIds: [id] };
    },
  }),
}));
