import { APPROVAL_STATUSES } from '../upstream/wire/nelm.ts';
import { builder } from './builder.ts';

/** ISC's approval statuses, values as the API spells them. */
export const ApprovalStatusEnum = builder.enumType('ApprovalStatus', {
  description: 'Where a non-employee request or one approver decision stands.',
  values: APPROVAL_STATUSES,
});
