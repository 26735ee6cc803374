import type { GraphQLResolveInfo } from 'graphql';
import type { RequestEntity } from '../../loaders/entities.ts';
import { createSourceLite } from '../../loaders/partial-objects.ts';
import { f } from '../../upstream/filters.ts';
import { REQUEST_SORTERS } from '../../upstream/wire/collections.ts';
import type { IdentityRef } from '../../upstream/wire/nelm.ts';
import { ApprovalStatusEnum } from '../approval-status.ts';
import { builder } from '../builder.ts';
import { NonEmployeeRequestConnection } from '../connections.ts';
import type { GatewayContext } from '../context.ts';
import { getPerParent, listPage, MAX_APPROVERS, MAX_SOURCES, withCost } from '../cost/field-cost.ts';
import { customAttributesField } from '../custom-attributes/attribute-values.ts';
import { requireUserForMe } from '../errors/user-context.ts';
import { IdentityReference } from '../identity-reference.ts';
import { parseIdArgument } from '../ids.ts';
import {
  DEFAULT_REQUESTED_FOR,
  type OrderedConnectionArgs,
  resolveListConnection,
  sourceIdArgument,
} from '../lists.ts';
import type { OffsetConnection } from '../pagination/offset-connection.ts';
import { createOrderByInput, ORDER_BY_DESCRIPTION, toSorters } from '../pagination/order-by.ts';
import { personFields } from '../person-fields.ts';
import { NonEmployeeApprovalRef, NonEmployeeRequestRef, NonEmployeeSourceRef } from '../refs.ts';
import { requesterCost } from './request-costs.ts';

export const NonEmployeeRequestOrder = createOrderByInput(
  'NonEmployeeRequestOrder',
  REQUEST_SORTERS,
  'non-employee requests',
);

/** The requester travels on approval items, not on the request: borrow it from the first one. */
async function loadRequester(request: RequestEntity, ctx: GatewayContext): Promise<IdentityRef | null> {
  if (request.requester) return request.requester;
  const firstItem = request.approvalItems?.find((item) => item.id);
  if (!firstItem?.id) return null;
  const approval = await ctx.loaders.approval.load(firstItem.id);
  return approval?.nonEmployeeRequest?.requester ?? null;
}

/** A page of the requests made for `requestedFor`, of one source or of all (`sourceId` null). */
export async function resolveRequestConnection(
  args: OrderedConnectionArgs,
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  { sourceId, requestedFor }: { sourceId: string | null; requestedFor: string },
): Promise<OffsetConnection<RequestEntity>> {
  await requireUserForMe(ctx, requestedFor, sourceId === null ? 'nonEmployeeRequests' : 'requests');
  const filters = sourceId === null ? undefined : f.eq('sourceId', sourceId);
  const sorters = toSorters(args.orderBy);
  return resolveListConnection(
    { endpoint: 'non-employee-requests', filters, sorters, requestedFor },
    args,
    info,
    (offset, limit, count) =>
      ctx.loaders.listRequests({ offset, limit, count, filters, sorters, requestedFor }),
  );
}

builder.node(NonEmployeeRequestRef, {
  description: 'A request for a new non-employee record, decided by the source approvers in order.',
  id: { resolve: (request) => request.id ?? '' },
  loadWithoutCache: (id, ctx) => ctx.loaders.request.load(id),
  fields: (t) => ({
    iscId: t.string({ description: 'The ISC id of the request.', resolve: (request) => request.id ?? '' }),
    ...personFields(t),
    manager: t.string({
      description: 'The account id of the identity who will manage this non-employee.',
      nullable: true,
      resolve: (request) => request.manager ?? null,
    }),
    data: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'The raw form of `attributes`: custom attribute values as ISC stores them, strings keyed by technical name.',
      resolve: (request) => request.data ?? null,
    }),
    attributes: customAttributesField(
      t,
      (request) => ({ sourceId: request.nonEmployeeSource?.id, data: request.data }),
      'request',
    ),
    approvalStatus: t.field({
      type: ApprovalStatusEnum,
      description:
        'Where the request stands: `PENDING` until every approver has approved, then `APPROVED` (the record is created), or `REJECTED`.',
      resolve: (request) => request.approvalStatus ?? 'NOT_READY',
    }),
    comment: t.string({
      nullable: true,
      description: "The requester's comment.",
      resolve: (request) => request.comment ?? null,
    }),
    completionDate: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the last approver approved.',
      resolve: (request) => request.completionDate ?? null,
    }),
    requester: t.field({
      type: IdentityReference,
      nullable: true,
      extensions: withCost(requesterCost),
      description: 'The identity who made the request.',
      resolve: (request, _args, ctx) => loadRequester(request, ctx),
    }),
    source: t.field({
      type: NonEmployeeSourceRef,
      nullable: true,
      description: 'The source, as the request embeds it: id, sourceId, name and description cost no call.',
      resolve: (request) =>
        request.nonEmployeeSource?.id ? createSourceLite(request.nonEmployeeSource) : null,
    }),
    approvals: t.field({
      type: [NonEmployeeApprovalRef],
      description: 'One decision per approver, in approval order.',
      extensions: withCost(({ parents }) => ({ items: parents * MAX_APPROVERS })),
      resolve: (request) =>
        (request.approvalItems ?? []).map((item) => ({
          ...item,
          nonEmployeeRequest: { id: request.id, requester: request.requester },
        })),
    }),
  }),
});

builder.queryFields((t) => ({
  nonEmployeeRequests: t.connection(
    {
      type: NonEmployeeRequestRef,
      extensions: withCost(listPage('requests', ({ args }) => (args.sourceId ? 1 : MAX_SOURCES))),
      description:
        'Non-employee requests made for `requestedFor` (`GET /v3/non-employee-requests`), of one source or of all.',
      args: {
        requestedFor: t.arg.string({
          description: 'Requests made for this identity; `me` (the default) for the caller.',
        }),
        sourceId: t.arg.id({ description: 'Only requests for this non-employee source (global or ISC id).' }),
        orderBy: t.arg({ type: [NonEmployeeRequestOrder], description: ORDER_BY_DESCRIPTION }),
      },
      resolve: (_root, args, ctx, info) =>
        resolveRequestConnection(args, ctx, info, {
          sourceId: sourceIdArgument(args.sourceId),
          requestedFor: args.requestedFor ?? DEFAULT_REQUESTED_FOR,
        }),
    },
    NonEmployeeRequestConnection,
  ),
  nonEmployeeRequest: t.field({
    type: NonEmployeeRequestRef,
    nullable: true,
    description: 'A non-employee request by its global id or its ISC id.',
    extensions: withCost(getPerParent('request')),
    args: {
      id: t.arg.id({
        description:
          "The request's global id (`NonEmployeeRequest.id`) or its ISC id (`GET /v3/non-employee-requests/{id}`).",
        required: true,
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.loaders.request.load(parseIdArgument(String(args.id), 'NonEmployeeRequest')),
  }),
}));
