import { MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import type { CostFunction } from '../cost/field-cost.ts';
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
