import { nullIfNotFound } from '../../loaders/by-id.ts';
import type { AccountEntity } from '../../loaders/entities.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { withCost } from '../cost/field-cost.ts';
import { parseIdArgument } from '../ids.ts';
import { eventValue, followSubject, type LiveEvent } from '../live/follow-subject.ts';
import { perPoll } from '../live/poll-cost.ts';
import { AccountRef } from '../refs.ts';
import { ACCOUNT_CHANGES, AccountChangeEnum, type AccountChangeName } from './account-changes.ts';
import { AccountTaskCompletionEnum, type TaskCompletion } from './account-task.ts';

interface AccountTaskUpdate {
  completion: TaskCompletion;
  account: AccountEntity | null;
}

/** How long `accountTask` follows by default before it answers PENDING and ends. */
const DEFAULT_BOUND_MS = 30_000;

const UpdateRef = builder.objectRef<AccountTaskUpdate>('AccountTaskUpdate').implement({
  description:
    'The account as an account task changes it: one event per change read, the last COMPLETED or PENDING.',
  fields: (t) => ({
    completion: t.field({
      type: AccountTaskCompletionEnum,
      description:
        'COMPLETED once the change shows (the last event); PENDING before, and when the bound passed.',
      resolve: (update) => update.completion,
    }),
    account: t.field({
      type: AccountRef,
      nullable: true,
      description: 'The account as read (null once it is gone).',
      resolve: (update) => update.account,
    }),
  }),
});

/** What a change of the account looks like to a watcher: its state, and `modified` for everything else. */
const stateOf = (account: AccountEntity | null) =>
  account ? `${account.disabled}:${account.locked}:${account.modified ?? ''}` : 'gone';

builder.subscriptionField('accountTask', (t) =>
  t.field({
    type: UpdateRef,
    description:
      'Follows an account after an account task (e.g. `disableAccount`) until `until` shows on it or `boundMs` passes: an event per change read, the last COMPLETED (or PENDING when the bound passed).',
    args: {
      accountId: t.arg.id({ required: true, description: 'The account: its global id or its ISC id.' }),
      until: t.arg({ type: AccountChangeEnum, required: true, description: 'The change to wait for.' }),
      boundMs: t.arg.int({
        defaultValue: DEFAULT_BOUND_MS,
        description:
          'How long to follow before the last event answers PENDING (at most `SUBSCRIPTION_MAX_DURATION_MS`, which ends it with TIMEOUT).',
      }),
    },
    extensions: withCost(perPoll('account-task', 1)),
    subscribe: (_root, args, ctx) =>
      followAccount(ctx, args.accountId, args.until, args.boundMs ?? DEFAULT_BOUND_MS),
    resolve: (event: LiveEvent<AccountTaskUpdate>) => eventValue(event),
  }),
);

async function* followAccount(
  ctx: GatewayContext,
  rawId: string | number,
  until: AccountChangeName,
  boundMs: number,
): AsyncGenerator<LiveEvent<AccountTaskUpdate>> {
  const accountId = parseIdArgument(String(rawId), 'Account', 'accountId');
  const shows = ACCOUNT_CHANGES[until].shows;
  const bound = AbortSignal.timeout(Math.max(0, boundMs));
  let last: AccountEntity | null = null;
  const events = followSubject(ctx, {
    subject: `account:${accountId}`,
    read: (api) => nullIfNotFound(api.getAccount(accountId)),
    done: shows,
    changeKey: stateOf,
    bound,
  });
  for await (const event of events) {
    if ('error' in event) {
      yield event;
      return;
    }
    last = event.value;
    const completed = shows(event.value);
    yield { value: { completion: completed ? 'COMPLETED' : 'PENDING', account: event.value } };
    if (completed) return;
  }
  if (bound.aborted && !ctx.live.signal.aborted) yield { value: { completion: 'PENDING', account: last } };
}
