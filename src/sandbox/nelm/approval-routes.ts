import { APPROVAL_FILTERS, APPROVAL_SORTERS } from '../../upstream/wire/collections.ts';
import { booleanParam, listItems, parseListParams } from '../collections/index.ts';
import { jsonObjectBody } from '../http/body.ts';
import { forbidden, notFound } from '../http/sandbox-error.ts';
import type { RouteDefinition } from '../http/types.ts';
import type { ApprovalRow } from '../store/nelm-rows.ts';
import { hasRight, resolveRequestedFor } from './access.ts';
import { approve, reject } from './approval-chain.ts';
import { NELM_VERSIONS, type NelmContext } from './nelm-context.ts';
import { approvalDetailView, approvalItemView } from './views.ts';

export function createApprovalRoutes(ctx: NelmContext): RouteDefinition[] {
  const base = '/non-employee-approvals';
  const field = (item: ApprovalRow, name: string) => (item as unknown as Record<string, unknown>)[name];
  const requestOf = (item: ApprovalRow) => ctx.store.requests.get(item.requestId)!;

  return [
    {
      method: 'GET',
      template: base,
      versions: NELM_VERSIONS,
      handler(req) {
        const params = parseListParams(req.query, {
          filterable: APPROVAL_FILTERS,
          sortable: APPROVAL_SORTERS,
        });
        const forId = resolveRequestedFor(req.caller, req.query.get('requested-for'));
        let items = [...ctx.store.approvals.values()];
        if (forId !== undefined) items = items.filter((item) => item.approverId === forId);
        return listItems(items, params, field, (item) => approvalItemView(item, requestOf(item)));
      },
    },
    {
      method: 'GET',
      template: `${base}/summary/:requestedFor`,
      versions: NELM_VERSIONS,
      handler(req) {
        const forId = resolveRequestedFor(req.caller, req.params.requestedFor) ?? req.caller.identityId;
        const mine = [...ctx.store.approvals.values()].filter((item) => item.approverId === forId);
        const count = (status: string) => mine.filter((item) => item.approvalStatus === status).length;
        return {
          status: 200,
          body: { approved: count('APPROVED'), pending: count('PENDING'), rejected: count('REJECTED') },
        };
      },
    },
    {
      method: 'GET',
      template: `${base}/:id`,
      versions: NELM_VERSIONS,
      handler(req) {
        const item = ctx.store.approvals.get(req.params.id);
        if (!item) throw notFound(`Non-employee approval item '${req.params.id}'`);
        if (!hasRight(req.caller, 'read') && item.approverId !== req.caller.identityId) throw forbidden();
        const detail = booleanParam(req.query, 'include-detail', true);
        const request = requestOf(item);
        return {
          status: 200,
          body: detail
            ? approvalDetailView(ctx.store, item, request, req.version)
            : approvalItemView(item, request),
        };
      },
    },
    {
      method: 'POST',
      template: `${base}/:id/approve`,
      versions: NELM_VERSIONS,
      handler(req) {
        const body = req.body.length ? jsonObjectBody(req) : {};
        const { item, request } = approve(ctx, req.params.id, req.caller, body.comment);
        return { status: 200, body: approvalItemView(item, request) };
      },
    },
    {
      method: 'POST',
      template: `${base}/:id/reject`,
      versions: NELM_VERSIONS,
      handler(req) {
        const body = jsonObjectBody(req);
        const { item, request } = reject(ctx, req.params.id, req.caller, body.comment);
        return { status: 200, body: approvalItemView(item, request) };
      },
    },
  ];
}
