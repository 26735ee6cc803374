import type { AccountEntity } from '../../loaders/entities.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { inputId } from '../mutations/input-checks.ts';
import { type InputShape, mutationErrors } from '../mutations/mutation-failures.ts';
import { createAccountTaskPayload, runAccountTask, WAIT_DESCRIPTION } from './account-task.ts';

const ACCOUNT_ID_DESCRIPTION = 'The account: its global id or its ISC id.';
const TOGGLE_INPUT: InputShape = {
  root: ['input'],
  fields: ['id', 'externalVerificationId', 'forceProvisioning', 'unlockIDNAccount'],
};

const toggleInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({
      id: t.id({ required: true, description: ACCOUNT_ID_DESCRIPTION }),
      externalVerificationId: t.string({
        description: 'If set, an external process validates that the user wants to proceed.',
      }),
      forceProvisioning: t.boolean({
        description: 'Provision to the source even when the account already reads as asked (not synced).',
      }),
      waitForCompletion: t.boolean({ defaultValue: false, description: WAIT_DESCRIPTION }),
    }),
  });

const EnableAccountInput = toggleInput('EnableAccountInput');
const DisableAccountInput = toggleInput('DisableAccountInput');

const UnlockAccountInput = builder.inputType('UnlockAccountInput', {
  fields: (t) => ({
    id: t.id({ required: true, description: ACCOUNT_ID_DESCRIPTION }),
    externalVerificationId: t.string({
      description: 'If set, an external process validates that the user wants to proceed.',
    }),
    unlockIDNAccount: t.boolean({ description: 'Also unlock the ISC account once the workflow completes.' }),
    forceProvisioning: t.boolean({
      description: 'Provision to the source even when the account is not synced.',
    }),
    waitForCompletion: t.boolean({ defaultValue: false, description: WAIT_DESCRIPTION }),
  }),
});

const idOnlyInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({
      id: t.id({ required: true, description: ACCOUNT_ID_DESCRIPTION }),
      waitForCompletion: t.boolean({ defaultValue: false, description: WAIT_DESCRIPTION }),
    }),
  });

const ReloadAccountInput = idOnlyInput('ReloadAccountInput');
const RemoveAccountInput = idOnlyInput('RemoveAccountInput');

const EnableAccountPayload = createAccountTaskPayload('EnableAccount', 'enable task');
const DisableAccountPayload = createAccountTaskPayload('DisableAccount', 'disable task');
const UnlockAccountPayload = createAccountTaskPayload('UnlockAccount', 'unlock task');
const ReloadAccountPayload = createAccountTaskPayload('ReloadAccount', 'reload task');
const RemoveAccountPayload = createAccountTaskPayload('RemoveAccount', 'remove task');

const accountId = (id: string | number) => inputId(id, 'Account', ['input', 'id']);

/** A reload shows as a new `modified`; the account as it was is read first (free when already loaded). */
async function modifiedBefore(ctx: GatewayContext, id: string, wait: boolean | null | undefined) {
  if (!wait) return undefined;
  return (await ctx.loaders.account.load(id).catch(() => null))?.modified;
}

builder.mutationFields((t) => ({
  enableAccount: t.field({
    type: EnableAccountPayload,
    description: 'Enables an account (v3 `POST /accounts/{id}/enable`).',
    args: { input: t.arg({ type: EnableAccountInput, required: true }) },
    errors: mutationErrors('EnableAccount'),
    resolve: (_root, { input }, ctx) => {
      const id = accountId(input.id);
      const body = {
        externalVerificationId: input.externalVerificationId ?? undefined,
        forceProvisioning: input.forceProvisioning ?? undefined,
      };
      return runAccountTask({
        ctx,
        accountId: id,
        shape: TOGGLE_INPUT,
        submit: () => ctx.api.enableAccount(id, body),
        wait: input.waitForCompletion,
        done: (account) => account?.disabled === false,
      });
    },
  }),
  disableAccount: t.field({
    type: DisableAccountPayload,
    description: 'Disables an account (v3 `POST /accounts/{id}/disable`).',
    args: { input: t.arg({ type: DisableAccountInput, required: true }) },
    errors: mutationErrors('DisableAccount'),
    resolve: (_root, { input }, ctx) => {
      const id = accountId(input.id);
      const body = {
        externalVerificationId: input.externalVerificationId ?? undefined,
        forceProvisioning: input.forceProvisioning ?? undefined,
      };
      return runAccountTask({
        ctx,
        accountId: id,
        shape: TOGGLE_INPUT,
        submit: () => ctx.api.disableAccount(id, body),
        wait: input.waitForCompletion,
        done: (account) => account?.disabled === true,
      });
    },
  }),
  unlockAccount: t.field({
    type: UnlockAccountPayload,
    description: 'Unlocks an account (v3 `POST /accounts/{id}/unlock`).',
    args: { input: t.arg({ type: UnlockAccountInput, required: true }) },
    errors: mutationErrors('UnlockAccount'),
    resolve: (_root, { input }, ctx) => {
      const id = accountId(input.id);
      const body = {
        externalVerificationId: input.externalVerificationId ?? undefined,
        unlockIDNAccount: input.unlockIDNAccount ?? undefined,
        forceProvisioning: input.forceProvisioning ?? undefined,
      };
      return runAccountTask({
        ctx,
        accountId: id,
        shape: TOGGLE_INPUT,
        submit: () => ctx.api.unlockAccount(id, body),
        wait: input.waitForCompletion,
        done: (account) => account?.locked === false,
      });
    },
  }),
  reloadAccount: t.field({
    type: ReloadAccountPayload,
    description: 'Reads the account again from its source (v3 `POST /accounts/{id}/reload`).',
    args: { input: t.arg({ type: ReloadAccountInput, required: true }) },
    errors: mutationErrors('ReloadAccount'),
    resolve: async (_root, { input }, ctx) => {
      const id = accountId(input.id);
      const before = await modifiedBefore(ctx, id, input.waitForCompletion);
      return runAccountTask({
        ctx,
        accountId: id,
        shape: TOGGLE_INPUT,
        submit: () => ctx.api.submitReloadAccount(id),
        wait: input.waitForCompletion,
        done: (account: AccountEntity | null) => account !== null && account.modified !== before,
      });
    },
  }),
  removeAccount: t.field({
    type: RemoveAccountPayload,
    description:
      'Removes the account from ISC without deprovisioning it on its source (beta `POST /accounts/{id}/remove`).',
    args: { input: t.arg({ type: RemoveAccountInput, required: true }) },
    errors: mutationErrors('RemoveAccount'),
    resolve: (_root, { input }, ctx) => {
      const id = accountId(input.id);
      return runAccountTask({
        ctx,
        accountId: id,
        shape: TOGGLE_INPUT,
        submit: () => ctx.api.deleteAccountAsync(id),
        wait: input.waitForCompletion,
        done: (account) => account === null,
      });
    },
  }),
}));
