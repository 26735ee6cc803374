import { REQUEST_ON_APPROVAL } from '../../loaders/partial-objects.ts';
import { type CostFunction, requestOfApprovalReads } from '../cost/field-cost.ts';

/** Approval, request and source fields both read the same request loader: one key, counted once. */
const requestGets = requestOfApprovalReads(
  'request-of-approval',
  'one get per distinct request among the approvals',
);

/** Nothing when the item's own fields answer the selection, else one get per distinct request. */
export const requestOfApprovalCost: CostFunction = (input) =>
  input.selectsOnly(REQUEST_ON_APPROVAL.selectable) ? { items: input.parents } : requestGets(input);

/** The source is embedded in the approval item (with detail) or in its request. */
export const sourceOfApprovalCost: CostFunction = (input) => ({
  ...requestGets(input),
  bounds: 'NonEmployeeApproval.source: a request read when the item does not embed its source',
  sources: Math.min(input.parents, 50),
});
