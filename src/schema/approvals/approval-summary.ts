import type { NonEmployeeApprovalSummary } from '../../upstream/wire/nelm.ts';
import { builder } from '../builder.ts';
import { summaryCost, withCost } from '../cost/field-cost.ts';
import { requireUserForMe } from '../errors/user-context.ts';
import { DEFAULT_REQUESTED_FOR } from '../lists.ts';

const NonEmployeeApprovalSummaryRef = builder
  .objectRef<NonEmployeeApprovalSummary>('NonEmployeeApprovalSummary')
  .implement({
    description: 'Counts of the approval items of an approver.',
    fields: (t) => ({
      approved: t.int({
        description: 'Items this approver has approved.',
        resolve: (summary) => summary.approved ?? 0,
      }),
      pending: t.int({
        description: "Items waiting for this approver's decision.",
        resolve: (summary) => summary.pending ?? 0,
      }),
      rejected: t.int({
        description: 'Items this approver has rejected.',
        resolve: (summary) => summary.rejected ?? 0,
      }),
    }),
  });

builder.queryFields((t) => ({
  nonEmployeeApprovalSummary: t.field({
    type: NonEmployeeApprovalSummaryRef,
    extensions: withCost(summaryCost('approval-summary')),
    description:
      "Counts of an approver's approval items (`GET /v3/non-employee-approvals/summary/{requested-for}`); needs a user's token for `me`.",
    args: {
      requestedFor: t.arg.string({
        defaultValue: DEFAULT_REQUESTED_FOR,
        description: 'The approver (identity id); `me` for the caller.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const requestedFor = args.requestedFor ?? DEFAULT_REQUESTED_FOR;
      await requireUserForMe(ctx, requestedFor, 'nonEmployeeApprovalSummary');
      return (await ctx.loaders.approvalSummary.load(requestedFor)) ?? {};
    },
  }),
}));
