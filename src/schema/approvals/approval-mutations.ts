import type { ApprovalEntity } from '../../loaders/entities.ts';
import type { NonEmployeeApprovalItem } from '../../upstream/wire/nelm.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { requestOfApprovalReads, withCost, writeCost } from '../cost/field-cost.ts';
import { type InputShape, runWrite } from '../errors/mutation-results.ts';
import { requireUserForWrite } from '../errors/user-context.ts';
import { checkComment, inputId, requiredComment } from '../input-checks.ts';
import { NonEmployeeApprovalRef, NonEmployeeRequestRef } from '../refs.ts';

const DECISION_INPUT: InputShape = {
  root: ['input'],
  fields: ['id', 'comment'],
  readBeforeRetry: 'nonEmployeeApproval(id): its approvalStatus says whether the decision was recorded',
};
const APPROVAL_ID_DESCRIPTION = 'The approval item: its global id or its ISC id.';

const ApproveNonEmployeeRequestInput = builder.inputType('ApproveNonEmployeeRequestInput', {
  description:
    'The approval item to approve (`POST /v3/non-employee-approvals/{id}/approve`), as its approver.',
  fields: (t) => ({
    id: t.id({ required: true, description: APPROVAL_ID_DESCRIPTION }),
    comment: t.string({ description: 'Optional, at most 4000 characters.' }),
  }),
});

const RejectNonEmployeeRequestInput = builder.inputType('RejectNonEmployeeRequestInput', {
  description:
    'The approval item to reject (`POST /v3/non-employee-approvals/{id}/reject`), as its approver, and why.',
  fields: (t) => ({
    id: t.id({ required: true, description: APPROVAL_ID_DESCRIPTION }),
    comment: t.string({ required: true, description: 'Why: required, at most 4000 characters.' }),
  }),
});

const decisionPayload = (name: string, verb: string) =>
  builder.objectRef<{ approval: NonEmployeeApprovalItem }>(name).implement({
    description: 'The decided approval item, and the request as it stands after the decision.',
    fields: (t) => ({
      approval: t.field({
        type: NonEmployeeApprovalRef,
        description: `The approval item, ${verb}.`,
        resolve: (payload): ApprovalEntity => payload.approval,
      }),
      request: t.field({
        type: NonEmployeeRequestRef,
        nullable: true,
        description: 'The request as it stands after the decision (read again when selected).',
        extensions: withCost(requestOfApprovalReads('request-after-write')),
        // The decision moved the request's status: it is read again (its cache was cleared).
        resolve: (payload, _args, ctx) => ctx.loaders.requestOfApproval(payload.approval),
      }),
    }),
  });

const ApproveNonEmployeeRequestPayload = decisionPayload('ApproveNonEmployeeRequestPayload', 'APPROVED');
const RejectNonEmployeeRequestPayload = decisionPayload('RejectNonEmployeeRequestPayload', 'REJECTED');

/** A decision moves the request, its other items, summaries and (on the last approval) the records. */
function forgetDecided(id: string, decided: NonEmployeeApprovalItem, ctx: GatewayContext): void {
  if (decided.nonEmployeeRequest?.id) ctx.loaders.clearRequest(decided.nonEmployeeRequest.id);
  // After clearRequest, which forgets every approval item.
  ctx.loaders.replaceApproval(id, decided);
}

builder.mutationFields((t) => ({
  approveNonEmployeeRequest: t.field({
    type: ApproveNonEmployeeRequestPayload,
    description:
      'Approves as the requested approver: the next approver is notified, or, after the last one, the record is created.',
    args: {
      input: t.arg({
        description: 'The approval item, and an optional comment.',
        type: ApproveNonEmployeeRequestInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const id = inputId(input.id, 'NonEmployeeApproval', ['input', 'id']);
      const comment = checkComment(input.comment, ['input', 'comment']);
      await requireUserForWrite(ctx, 'approving');
      const decided = await runWrite(DECISION_INPUT, () => ctx.api.approveNonEmployeeRequest(id, comment), [
        input.id,
      ]);
      forgetDecided(id, decided, ctx);
      return { approval: decided };
    },
  }),
  rejectNonEmployeeRequest: t.field({
    type: RejectNonEmployeeRequestPayload,
    description: 'Rejects as the requested approver, with a comment: the request ends REJECTED.',
    args: {
      input: t.arg({
        description: 'The approval item, and the required comment.',
        type: RejectNonEmployeeRequestInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, { input }, ctx) => {
      const id = inputId(input.id, 'NonEmployeeApproval', ['input', 'id']);
      const comment = requiredComment(input.comment, ['input', 'comment']);
      await requireUserForWrite(ctx, 'rejecting');
      const decided = await runWrite(DECISION_INPUT, () => ctx.api.rejectNonEmployeeRequest(id, comment), [
        input.id,
      ]);
      forgetDecided(id, decided, ctx);
      return { approval: decided };
    },
  }),
}));
