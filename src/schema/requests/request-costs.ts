import { type CostFunction, getPerParent } from '../cost/field-cost.ts';

/** An approval's request carries its requester; a request read alone borrows it from its first approval item. */
export const requesterCost: CostFunction = (input) =>
  input.parentField === 'NonEmployeeApproval.request'
    ? {}
    : getPerParent('approval', 'requester: one approval item read per request that lacks it')(input);
