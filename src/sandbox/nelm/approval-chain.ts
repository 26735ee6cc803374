import { MAX_COMMENT_LENGTH } from '../../upstream/wire/nelm-limits.ts';
import { badContent, forbidden, notFound } from '../http/sandbox-error.ts';
import type { Caller } from '../http/types.ts';
import type { ApprovalRow, RequestRow } from '../store/nelm-rows.ts';
import type { SourceState } from '../store/nelm-store.ts';
import type { NelmContext } from './nelm-context.ts';
import type { RecordInput } from './record-input.ts';
import { checkRecordOnSource, newRecordRow } from './record-routes.ts';

export const NOT_THE_APPROVER = 'The current user must be the requested approver';

/** Opens a request: one item per approver in order, the first PENDING, the others NOT_READY. */
export function openRequest(
  ctx: NelmContext,
  state: SourceState,
  input: RecordInput,
  requesterId: string,
): RequestRow {
  const at = ctx.now();
  const { sourceId: _sourceId, ...fields } = input;
  const request: RequestRow = {
    id: ctx.newId(),
    sourceId: state.row.id,
    requesterId,
    ...fields,
    approvalStatus: 'PENDING',
    approvalIds: [],
    created: at,
    modified: at,
  };
  const items: ApprovalRow[] = state.row.approverIds.map((approverId, i) => ({
    id: ctx.newId(),
    requestId: request.id,
    approverId,
    approvalOrder: i + 1,
    approvalStatus: i === 0 ? 'PENDING' : 'NOT_READY',
    created: at,
    modified: at,
  }));
  request.approvalIds = items.map((item) => item.id);
  ctx.store.addRequest(request, items);
  // A source without approvers has nobody to wait for.
  if (items.length === 0) complete(ctx, request, at);
  return request;
}

/** The last approval: the request is APPROVED and its record is created on the source. */
function complete(ctx: NelmContext, request: RequestRow, at: number): void {
  const custom = new Set(ctx.store.source(request.sourceId)!.row.attributes.map((a) => a.technicalName));
  // Values of attributes deleted while the request waited are dropped, not a reason to refuse the approval.
  const data = Object.fromEntries(Object.entries(request.data).filter(([name]) => custom.has(name)));
  const { state, input } = checkRecordOnSource(ctx, { ...request, data });
  ctx.store.addRecord(state, newRecordRow(ctx, input));
  request.approvalStatus = 'APPROVED';
  request.completionDate = at;
  request.modified = at;
}

function checkComment(comment: unknown, required: boolean): string | undefined {
  if (comment === undefined || comment === null || (typeof comment === 'string' && !comment.trim())) {
    if (required) throw badContent(`Field 'comment' is required to reject a request.`);
    return undefined;
  }
  if (typeof comment !== 'string') throw badContent(`Field 'comment' must be a string.`);
  if (comment.length > MAX_COMMENT_LENGTH) {
    throw badContent(`Field 'comment' must be at most ${MAX_COMMENT_LENGTH} characters.`);
  }
  return comment;
}

/** The item and its request, once the caller is known to be its approver and it is waiting on them. */
function decidable(
  ctx: NelmContext,
  itemId: string,
  caller: Caller,
): { item: ApprovalRow; request: RequestRow } {
  const item = ctx.store.approvals.get(itemId);
  if (!item) throw notFound(`Non-employee approval item '${itemId}'`);
  if (item.approverId !== caller.identityId) throw forbidden(NOT_THE_APPROVER);
  const request = ctx.store.requests.get(item.requestId)!;
  if (item.approvalStatus !== 'PENDING' || request.approvalStatus !== 'PENDING') {
    throw badContent(
      `Approval item ${item.id} is ${item.approvalStatus} (request ${request.approvalStatus}); only a PENDING item can be decided.`,
    );
  }
  return { item, request };
}

/** Approves one item and hands the request to the next approver, or completes it. */
export function approve(ctx: NelmContext, itemId: string, caller: Caller, comment: unknown) {
  const text = checkComment(comment, false);
  const { item, request } = decidable(ctx, itemId, caller);
  const items = ctx.store.itemsOf(request);
  const next = items.find(
    (other) => other.approvalOrder > item.approvalOrder && other.approvalStatus === 'NOT_READY',
  );
  const at = ctx.now();
  // Complete first: it can still fail (the account name got taken, the source is full) and must leave no trace.
  if (!next) complete(ctx, request, at);
  item.approvalStatus = 'APPROVED';
  item.comment = text;
  item.modified = at;
  if (next) {
    next.approvalStatus = 'PENDING';
    next.modified = at;
    request.modified = at;
  }
  return { item, request };
}

/** Rejects: the request ends REJECTED, the approvers after this one are CANCELLED. */
export function reject(ctx: NelmContext, itemId: string, caller: Caller, comment: unknown) {
  const text = checkComment(comment, true);
  const { item, request } = decidable(ctx, itemId, caller);
  const at = ctx.now();
  item.approvalStatus = 'REJECTED';
  item.comment = text;
  item.modified = at;
  for (const other of ctx.store.itemsOf(request)) {
    if (other.approvalStatus === 'NOT_READY') {
      other.approvalStatus = 'CANCELLED';
      other.modified = at;
    }
  }
  request.approvalStatus = 'REJECTED';
  request.comment = text;
  request.modified = at;
  return { item, request };
}
