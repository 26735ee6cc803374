import type { InputFieldMap, InputObjectRef } from '@pothos/core';
import { nullIfNotFound } from '../../loaders/by-id.ts';
import type { AccountEntity } from '../../loaders/entities.ts';
import { type BuilderTypes, builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { withCost } from '../cost/field-cost.ts';
import { type InputShape, runWrite } from '../errors/mutation-results.ts';
import { inputId } from '../input-checks.ts';
import { AccountRef } from '../refs.ts';
import { accountTaskCost } from './account-costs.ts';
import { DEFAULT_POLL, pollUntil } from './task-polling.ts';

type InputFields = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>;

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
    completion: t.field({
      type: AccountTaskCompletionEnum,
      description: 'Whether the change showed on the account before the mutation answered.',
      resolve: (result) => result.completion,
    }),
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

/** What every account task input carries besides its own fields. */
interface AccountTaskInput {
  id: string | number;
  waitForCompletion?: boolean | null;
}

/** `<name>`: the account's id, the fields given, and `waitForCompletion`. */
export function createAccountTaskInput<Fields extends InputFieldMap>(
  name: string,
  fields: (t: InputFields) => Fields,
  description?: string,
) {
  return builder.inputType(name, {
    description: description ?? 'The account the task runs on, and whether to wait until its change shows.',
    fields: (t) => ({
      id: t.id({ required: true, description: 'The account: its global id or its ISC id.' }),
      ...fields(t),
      waitForCompletion: t.boolean({ defaultValue: false, description: WAIT_DESCRIPTION }),
    }),
  });
}

/** How one task is sent, and how its change shows on the account read back (null: gone). */
interface AccountTaskPlan {
  submit: () => Promise<{ id?: string } | null>;
  done: (account: AccountEntity | null) => boolean;
}

/** A change with no value to look for (a reload, a move) shows as a new `modified`, read before it is sent. */
export async function showsNewModified(
  ctx: GatewayContext,
  accountId: string,
  wait: boolean | null | undefined,
): Promise<AccountTaskPlan['done']> {
  const before = wait ? (await ctx.loaders.account.load(accountId).catch(() => null))?.modified : undefined;
  return (account) => account !== null && account.modified !== before;
}

interface AccountTaskMutation<Input extends AccountTaskInput> {
  input: InputObjectRef<BuilderTypes, Input>;
  description: string;
  /** What the payload says ISC accepted, e.g. `enable task`. */
  what: string;
  /** The input's fields, to place ISC's validation messages. */
  shape: InputShape;
  plan: (accountId: string, input: Input, ctx: GatewayContext) => AccountTaskPlan | Promise<AccountTaskPlan>;
}

/** `<field>(input)`: a task on the account the input names, answering `<Field>Payload` or a typed failure. */
export function defineAccountTaskMutation<Input extends AccountTaskInput>(
  field: string,
  mutation: AccountTaskMutation<Input>,
): void {
  const name = field[0].toUpperCase() + field.slice(1);
  const Payload = createAccountTaskPayload(name, mutation.what);
  builder.mutationField(field, (t) =>
    t.field({
      type: Payload,
      description: mutation.description,
      args: {
        input: t.arg({
          type: mutation.input,
          required: true,
          description: 'The account, and what the task needs.',
        }),
      },
      errors: {},
      extensions: withCost(accountTaskCost),
      resolve: async (_root, args, ctx) => {
        // The shape Pothos infers for a generic input ref stays unresolved; the ref says it is Input.
        const { input } = args as { input: Input };
        const accountId = inputId(input.id, 'Account', ['input', 'id']);
        const plan = await mutation.plan(accountId, input, ctx);
        return runAccountTask(ctx, accountId, input.waitForCompletion, mutation.shape, plan);
      },
    }),
  );
}

/** Submits a task on one account, forgets what the request knew of it, and waits if asked. */
async function runAccountTask(
  ctx: GatewayContext,
  accountId: string,
  wait: boolean | null | undefined,
  shape: InputShape,
  plan: AccountTaskPlan,
): Promise<AccountTaskResult> {
  const task = await runWrite(shape, plan.submit);
  ctx.loaders.clearAccount(accountId);
  const taskId = task?.id ?? null;
  const load = () => ctx.loaders.account.load(accountId);
  if (!wait) return { taskId, completion: 'PENDING', load };
  const outcome = await pollUntil(
    () => nullIfNotFound(ctx.api.getAccount(accountId)),
    plan.done,
    DEFAULT_POLL,
  );
  ctx.loaders.clearAccount(accountId);
  if (outcome.value) ctx.loaders.account.prime(accountId, outcome.value);
  return {
    taskId,
    completion: outcome.completed ? 'COMPLETED' : 'PENDING',
    account: outcome.value,
    load,
  };
}
