import type { GraphQLResolveInfo } from 'graphql';
import type { ApprovalEntity, RequestEntity } from '../../loaders/entities.ts';
import { createSourceLite, REQUEST_ON_APPROVAL } from '../../loaders/partial-objects.ts';
import { f } from '../../upstream/filters.ts';
import { APPROVAL_SORTERS } from '../../upstream/wire/collections.ts';
import { ApprovalStatusEnum } from '../approval-status.ts';
import { builder } from '../builder.ts';
import { NonEmployeeApprovalConnection } from '../connections.ts';
import type { GatewayContext } from '../context.ts';
import { getPerParent, listPage, withCost } from '../cost/field-cost.ts';
import { requireUserForMe } from '../errors/user-context.ts';
import { IdentityReference } from '../identity-reference.ts';
import { parseIdArgument } from '../ids.ts';
import { resolveListConnection } from '../lists.ts';
import { createOrderByInput, ORDER_BY_DESCRIPTION, toSorters } from '../pagination/order-by.ts';
import { NonEmployeeApprovalRef, NonEmployeeRequestRef, NonEmployeeSourceRef } from '../refs.ts';
import { selectsOnly } from '../selection.ts';
import { requestOfApprovalCost, sourceOfApprovalCost } from './approval-costs.ts';

export const NonEmployeeApprovalOrder = createOrderByInput(
  'NonEmployeeApprovalOrder',
  APPROVAL_SORTERS,
  'non-employee approval items',
);

/** The approval's request: from the item itself when the selection needs no more, else loaded. */
function resolveRequest(
  approval: ApprovalEntity,
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<RequestEntity | null> | RequestEntity {
  const lite = approval.nonEmployeeRequest;
  if (lite?.id && selectsOnly(info, REQUEST_ON_APPROVAL.selectable)) {
    return { id: lite.id, requester: lite.requester, accountName: approval.accountName };
  }
  return ctx.loaders.requestOfApproval(approval);
}

builder.node(NonEmployeeApprovalRef, {
  description: "One approver's decision on one non-employee request.",
  id: { resolve: (approval) => approval.id ?? '' },
  loadWithoutCache: (id, ctx) => ctx.loaders.approval.load(id),
  fields: (t) => ({
    iscId: t.string({
      description: 'The ISC id of the approval item.',
      resolve: (approval) => approval.id ?? '',
    }),
    approver: t.field({
      description:
        'The identity (or governance group) whose decision this is; only it may approve or reject.',
      type: IdentityReference,
      nullable: true,
      resolve: (approval) => approval.approver ?? null,
    }),
    accountName: t.string({
      description: 'The account name of the requested non-employee.',
      nullable: true,
      resolve: (approval) => approval.accountName ?? null,
    }),
    approvalOrder: t.float({
      nullable: true,
      description: 'Position of this approver in the chain.',
      resolve: (approval) => approval.approvalOrder ?? null,
    }),
    approvalStatus: t.field({
      type: ApprovalStatusEnum,
      description:
        "This approver's decision: `PENDING` on their turn, `NOT_READY` before it, then `APPROVED`, `REJECTED` or `CANCELLED`.",
      resolve: (approval) => approval.approvalStatus ?? 'NOT_READY',
    }),
    comment: t.string({
      nullable: true,
      description: "The approver's comment.",
      resolve: (approval) => approval.comment ?? null,
    }),
    created: t.field({
      description: 'When the approval item was created (with its request).',
      type: 'DateTime',
      nullable: true,
      resolve: (approval) => approval.created ?? null,
    }),
    modified: t.field({
      description: 'When this approver last acted on it.',
      type: 'DateTime',
      nullable: true,
      resolve: (approval) => approval.modified ?? null,
    }),
    request: t.field({
      type: NonEmployeeRequestRef,
      nullable: true,
      description: 'The request decided on; id, accountName and requester cost no call.',
      extensions: withCost(requestOfApprovalCost),
      resolve: (approval, _args, ctx, info) => resolveRequest(approval, ctx, info),
    }),
    source: t.field({
      type: NonEmployeeSourceRef,
      nullable: true,
      extensions: withCost(sourceOfApprovalCost),
      description:
        'The non-employee source of the request, as the request embeds it (id, sourceId, name, description cost no call).',
      resolve: async (approval, _args, ctx) => {
        const embedded = approval.nonEmployeeRequest;
        if (embedded && 'nonEmployeeSource' in embedded && embedded.nonEmployeeSource?.id) {
          return createSourceLite(embedded.nonEmployeeSource);
        }
        const request = await ctx.loaders.requestOfApproval(approval);
        return request?.nonEmployeeSource?.id ? createSourceLite(request.nonEmployeeSource) : null;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  nonEmployeeApprovals: t.connection(
    {
      type: NonEmployeeApprovalRef,
      extensions: withCost(listPage('approvals')),
      description: 'Approval items of an approver (`GET /v3/non-employee-approvals`): the approvals inbox.',
      args: {
        requestedFor: t.arg.string({ description: 'Approval items of this approver; `me` for the caller.' }),
        approvalStatus: t.arg({
          description:
            'Only items in this status (`filters=approvalStatus eq`), e.g. `PENDING` for what awaits a decision.',
          type: ApprovalStatusEnum,
        }),
        orderBy: t.arg({ type: [NonEmployeeApprovalOrder], description: ORDER_BY_DESCRIPTION }),
      },
      resolve: async (_root, args, ctx, info) => {
        const requestedFor = args.requestedFor ?? undefined;
        await requireUserForMe(ctx, requestedFor, 'nonEmployeeApprovals');
        const filters = args.approvalStatus ? f.eq('approvalStatus', args.approvalStatus) : undefined;
        const sorters = toSorters(args.orderBy);
        return resolveListConnection(
          { endpoint: 'non-employee-approvals', filters, sorters, requestedFor },
          args,
          info,
          (offset, limit, count) =>
            ctx.loaders.listApprovals({ offset, limit, count, filters, sorters, requestedFor }),
        );
      },
    },
    NonEmployeeApprovalConnection,
  ),
  nonEmployeeApproval: t.field({
    type: NonEmployeeApprovalRef,
    nullable: true,
    description: 'An approval item by its global id or its ISC id.',
    extensions: withCost(getPerParent('approval')),
    args: {
      id: t.arg.id({
        description:
          "The approval item's global id (`NonEmployeeApproval.id`) or its ISC id (`GET /v3/non-employee-approvals/{id}`).",
        required: true,
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.loaders.approval.load(parseIdArgument(String(args.id), 'NonEmployeeApproval')),
  }),
}));
