import type { APPROVAL_STATUSES } from '../upstream/wire/nelm.ts';
import { builder } from './builder.ts';

/** ISC's approval statuses, values as the API spells them. */
export const ApprovalStatusEnum = builder.enumType('ApprovalStatus', {
  description: 'Where a non-employee request or one approver decision stands.',
  values: {
    APPROVED: {
      value: 'APPROVED',
      description:
        'Approved: by this approver, or (a request) by the last approver in order, so the record exists.',
    },
    REJECTED: { value: 'REJECTED', description: 'Rejected with a comment; a rejection ends the request.' },
    PENDING: {
      value: 'PENDING',
      description: 'Waiting for a decision: the approver whose turn it is can approve or reject.',
    },
    NOT_READY: {
      value: 'NOT_READY',
      description: 'An approver later in order, not yet asked (the ones before have not approved).',
    },
    CANCELLED: {
      value: 'CANCELLED',
      description: 'No longer asked: an approver before this one rejected the request.',
    },
  } as const satisfies Record<(typeof APPROVAL_STATUSES)[number], unknown>,
});
