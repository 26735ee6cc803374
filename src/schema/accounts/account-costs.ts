import { MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { type CostFunction, type CostInput, MAX_SOURCES, pageSize } from '../cost/field-cost.ts';
import { DEFAULT_POLL } from './task-polling.ts';

const waits = (input: Parameters<CostFunction>[0]) =>
  (input.args.input as { waitForCompletion?: boolean } | undefined)?.waitForCompletion === true;

/** The account read to plan the task, the task, and the reads that show it (every poll when waiting). */
export const accountTaskCost: CostFunction = (input) => ({
  calls: { [`account-task@${input.path}`]: 2 + (waits(input) ? DEFAULT_POLL.attempts : 1) },
  bounds: 'account task: a read to plan it, and up to one read per poll while waiting',
});

/** The task, then the accounts of the identities (one read per 250), at every poll when waiting. */
export const identityTaskCost: CostFunction = (input) => {
  const ids = (input.args.input as { identityIds?: unknown[] } | undefined)?.identityIds?.length ?? 1;
  const reads = Math.max(1, Math.ceil(ids / MAX_LIST_LIMIT));
  return {
    calls: { [`identity-task@${input.path}`]: 1 + reads * (waits(input) ? DEFAULT_POLL.attempts : 1) },
    bounds: 'identity accounts task: up to one accounts read per poll while waiting',
  };
};

/** The ISC sources a page of accounts spans: those its `sourceId` filter names, else up to one per account. */
export function accountSources({ args, parents }: CostInput): number {
  const filter = args.sourceId as { eq?: unknown; in?: unknown[] } | undefined;
  if (filter?.eq != null) return 1;
  if (Array.isArray(filter?.in)) return filter.in.length;
  return Math.min(parents * pageSize(args), MAX_SOURCES);
}
