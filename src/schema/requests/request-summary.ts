import type { NonEmployeeRequestSummary } from '../../upstream/wire/nelm.ts';
import { builder } from '../builder.ts';
import { summaryCost, withCost } from '../cost/field-cost.ts';
import { requireUserForMe } from '../errors/user-context.ts';
import { DEFAULT_REQUESTED_FOR } from '../lists.ts';

const NonEmployeeRequestSummaryRef = builder
  .objectRef<NonEmployeeRequestSummary>('NonEmployeeRequestSummary')
  .implement({
    description: 'Counts of the requests an account manager handles.',
    fields: (t) => ({
      approved: t.int({ description: 'Requests approved.', resolve: (summary) => summary.approved ?? 0 }),
      rejected: t.int({ description: 'Requests rejected.', resolve: (summary) => summary.rejected ?? 0 }),
      pending: t.int({
        description: 'Requests waiting for a decision.',
        resolve: (summary) => summary.pending ?? 0,
      }),
      nonEmployeeCount: t.int({
        description: 'Non-employees on the sources this account manager manages.',
        resolve: (summary) => summary.nonEmployeeCount ?? 0,
      }),
    }),
  });

builder.queryFields((t) => ({
  nonEmployeeRequestSummary: t.field({
    type: NonEmployeeRequestSummaryRef,
    extensions: withCost(summaryCost('request-summary')),
    description:
      "Counts of the requests an account manager handles (`GET /v3/non-employee-requests/summary/{requested-for}`); needs a user's token for `me`.",
    args: {
      requestedFor: t.arg.string({
        defaultValue: DEFAULT_REQUESTED_FOR,
        description: 'The account manager (identity id); `me` for the caller.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const requestedFor = args.requestedFor ?? DEFAULT_REQUESTED_FOR;
      await requireUserForMe(ctx, requestedFor, 'nonEmployeeRequestSummary');
      return (await ctx.loaders.requestSummary.load(requestedFor)) ?? {};
    },
  }),
}));
