import { REQUEST_FILTERS, REQUEST_SORTERS } from '../../upstream/wire/collections.ts';
import { listItems, parseListParams } from '../collections/index.ts';
import { jsonObjectBody } from '../http/body.ts';
import { badContent, forbidden, notFound, referenceConflict } from '../http/sandbox-error.ts';
import type { Caller, RouteDefinition } from '../http/types.ts';
import type { RequestRow } from '../store/nelm-rows.ts';
import { hasRight, isOwner, manages, requireRight, resolveRequestedFor } from './access.ts';
import { openRequest } from './approval-chain.ts';
import { NELM_VERSIONS, type NelmContext } from './nelm-context.ts';
import { parseRecordInput } from './record-input.ts';
import { checkRecordOnSource } from './record-routes.ts';
import { requestView } from './views.ts';

const OPEN = new Set(['PENDING', 'NOT_READY']);

/** Requests "for" an identity: on the sources they own or manage, or asked by them. */
export function requestsFor(ctx: NelmContext, identityId: string): RequestRow[] {
  return [...ctx.store.requests.values()].filter(
    (request) =>
      request.requesterId === identityId || manages(ctx.store.source(request.sourceId)!.row, identityId),
  );
}

function requiredRequestedFor(caller: Caller, value: string | null): string {
  if (value === null || !value.trim()) {
    throw badContent(`Query parameter 'requested-for' is required.`);
  }
  return resolveRequestedFor(caller, value)!;
}

export function createRequestRoutes(ctx: NelmContext): RouteDefinition[] {
  const base = '/non-employee-requests';
  const field = (request: RequestRow, name: string) => (request as unknown as Record<string, unknown>)[name];

  return [
    {
      method: 'POST',
      template: base,
      versions: NELM_VERSIONS,
      handler(req) {
        const parsed = parseRecordInput(jsonObjectBody(req));
        const { state, input } = checkRecordOnSource(ctx, parsed);
        // The spec: `idn:nesr:create` "or the user must own the source".
        if (!hasRight(req.caller, 'create') && !isOwner(state.row, req.caller.identityId)) throw forbidden();
        for (const other of ctx.store.requests.values()) {
          if (
            other.sourceId === state.row.id &&
            OPEN.has(other.approvalStatus) &&
            other.accountName === input.accountName
          ) {
            throw referenceConflict(
              `A request for account name '${input.accountName}' is already open on this source.`,
            );
          }
        }
        // An API client has no identity to name as requester; the source's owner stands in.
        const request = openRequest(ctx, state, input, req.caller.identityId ?? state.row.ownerId);
        return { status: 200, body: requestView(ctx.store, request) };
      },
    },
    {
      method: 'GET',
      template: base,
      versions: NELM_VERSIONS,
      handler(req) {
        const params = parseListParams(req.query, { filterable: REQUEST_FILTERS, sortable: REQUEST_SORTERS });
        const forId = requiredRequestedFor(req.caller, req.query.get('requested-for'));
        return listItems(requestsFor(ctx, forId), params, field, (request) =>
          requestView(ctx.store, request),
        );
      },
    },
    {
      method: 'GET',
      template: `${base}/summary/:requestedFor`,
      versions: NELM_VERSIONS,
      handler(req) {
        const forId = requiredRequestedFor(req.caller, req.params.requestedFor);
        const requests = requestsFor(ctx, forId);
        const count = (status: string) => requests.filter((r) => r.approvalStatus === status).length;
        let nonEmployeeCount = 0;
        for (const state of ctx.store.sources.values()) {
          if (manages(state.row, forId)) nonEmployeeCount += state.records.size;
        }
        return {
          status: 200,
          body: {
            approved: count('APPROVED'),
            rejected: count('REJECTED'),
            pending: count('PENDING'),
            nonEmployeeCount,
          },
        };
      },
    },
    {
      method: 'GET',
      template: `${base}/:id`,
      versions: NELM_VERSIONS,
      handler(req) {
        const request = ctx.store.requests.get(req.params.id);
        if (!request) throw notFound(`Non-employee request '${req.params.id}'`);
        // The spec: `idn:nesr:read`, or "the user must be the owner of the non-employee request".
        if (!hasRight(req.caller, 'read') && request.requesterId !== req.caller.identityId) throw forbidden();
        return { status: 200, body: requestView(ctx.store, request) };
      },
    },
    {
      method: 'DELETE',
      template: `${base}/:id`,
      versions: NELM_VERSIONS,
      handler(req) {
        requireRight(req.caller, 'delete');
        if (!ctx.store.removeRequest(req.params.id))
          throw notFound(`Non-employee request '${req.params.id}'`);
        return { status: 204 };
      },
    },
  ];
}
