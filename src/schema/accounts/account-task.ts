import { nullIfNotFound } from '../../loaders/by-id.ts';
import type { AccountEntity } from '../../loaders/entities.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { type InputShape, runWrite } from '../mutations/mutation-failures.ts';
import { AccountRef } from '../refs.ts';
import { forgetAccount } from './account-detail.ts';
import { DEFAULT_POLL, type PollOptions, pollUntil } from './task-polling.ts';

export type TaskCompletion = 'COMPLETED' | 'PENDING';

export const AccountTaskCompletionEnum = builder.enumType('AccountTaskCompletion', {
  description:
    'Whether the change an account task makes had shown on the account when the mutation answered.',
  values: {
    COMPLETED: { description: 'The change shows on the account (read back while waiting for completion).' },
    PENDING: {
      description:
        'ISC accepted the task; the change had not shown yet (not waited for, or the wait ran out).',
    },
  },
});

/** What an account task mutation answers: ISC's task id, whether it completed, the account as it stands. */
export interface AccountTaskResult {
  taskId: string | null;
  completion: TaskCompletion;
  /** The account as read while waiting (null: gone); undefined when not waited for. */
  account?: AccountEntity | null;
  /** Reads the account as it stands now, when it was not read while waiting. */
  load: () => Promise<AccountEntity | null>;
}

/** What every per-account task payload has, so one fragment reads them all. */
export const AccountTaskPayload = builder.interfaceRef<AccountTaskResult>('AccountTaskPayload').implement({
  description: 'A task ISC accepted on one account: its id, whether it completed, the account as it stands.',
  fields: (t) => ({
    taskId: t.string({
      nullable: true,
      description: 'The id of the task ISC runs the change in.',
      resolve: (result) => result.taskId,
    }),
    completion: t.field({ type: AccountTaskCompletionEnum, resolve: (result) => result.completion }),
    account: t.field({
      type: AccountRef,
      nullable: true,
      description: 'The account as it stands (null once it is gone); read fresh when selected.',
      resolve: (result) => (result.account !== undefined ? result.account : result.load()),
    }),
  }),
});

export function createAccountTaskPayload(name: string, what: string) {
  return builder.objectRef<AccountTaskResult>(`${name}Payload`).implement({
    description: `The ${what} ISC accepted.`,
    interfaces: [AccountTaskPayload],
  });
}

/** The input field every account task mutation has. */
export const WAIT_DESCRIPTION =
  'Read the account back (at most 8 times over about 9 s) until the change shows; `completion` says whether it did.';

export interface AccountTaskOptions {
  ctx: GatewayContext;
  accountId: string;
  shape: InputShape;
  submit: () => Promise<{ id?: string } | null>;
  wait: boolean | null | undefined;
  /** Whether the account read back (null: gone) shows the change. */
  done: (account: AccountEntity | null) => boolean;
  poll?: PollOptions;
}

/** Submits a task on one account, forgets what the request knew of it, and waits if asked. */
export async function runAccountTask(options: AccountTaskOptions): Promise<AccountTaskResult> {
  const { ctx, accountId } = options;
  const task = await runWrite(options.shape, options.submit);
  forgetAccount(ctx, accountId);
  const taskId = task?.id ?? null;
  const load = () => ctx.loaders.account.load(accountId);
  if (!options.wait) return { taskId, completion: 'PENDING', load };
  const outcome = await pollUntil(
    () => nullIfNotFound(ctx.api.getAccount(accountId)),
    options.done,
    options.poll ?? DEFAULT_POLL,
  );
  forgetAccount(ctx, accountId);
  if (outcome.value) ctx.loaders.account.prime(accountId, outcome.value);
  return {
    taskId,
    completion: outcome.completed ? 'COMPLETED' : 'PENDING',
    account: outcome.value,
    load,
  };
}
