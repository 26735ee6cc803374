import type { InputShape } from '../errors/mutation-results.ts';
import { ACCOUNT_CHANGES } from './account-changes.ts';
import { createAccountTaskInput, defineAccountTaskMutation, showsNewModified } from './account-task.ts';

const STATE_INPUT: InputShape = {
  root: ['input'],
  fields: ['id', 'externalVerificationId', 'forceProvisioning', 'unlockIDNAccount'],
  readBeforeRetry: 'account(id): its disabled and locked state',
};

const EXTERNAL_VERIFICATION = 'If set, an external process validates that the user wants to proceed.';
const FORCE_TOGGLE = 'Provision to the source even when the account already reads as asked (not synced).';

interface ToggleFields {
  externalVerificationId?: string | null;
  forceProvisioning?: boolean | null;
}

const toggleInput = (name: string) =>
  createAccountTaskInput(name, (t) => ({
    externalVerificationId: t.string({ description: EXTERNAL_VERIFICATION }),
    forceProvisioning: t.boolean({ description: FORCE_TOGGLE }),
  }));

const toggleBody = (input: ToggleFields) => ({
  externalVerificationId: input.externalVerificationId ?? undefined,
  forceProvisioning: input.forceProvisioning ?? undefined,
});

defineAccountTaskMutation('enableAccount', {
  input: toggleInput('EnableAccountInput'),
  description: 'Enables an account (v3 `POST /accounts/{id}/enable`).',
  what: 'enable task',
  shape: STATE_INPUT,
  plan: (id, input, ctx) => ({
    submit: () => ctx.api.enableAccount(id, toggleBody(input)),
    done: ACCOUNT_CHANGES.ENABLED.shows,
  }),
});

defineAccountTaskMutation('disableAccount', {
  input: toggleInput('DisableAccountInput'),
  description: 'Disables an account (v3 `POST /accounts/{id}/disable`).',
  what: 'disable task',
  shape: STATE_INPUT,
  plan: (id, input, ctx) => ({
    submit: () => ctx.api.disableAccount(id, toggleBody(input)),
    done: ACCOUNT_CHANGES.DISABLED.shows,
  }),
});

defineAccountTaskMutation('unlockAccount', {
  input: createAccountTaskInput('UnlockAccountInput', (t) => ({
    externalVerificationId: t.string({ description: EXTERNAL_VERIFICATION }),
    unlockIDNAccount: t.boolean({ description: 'Also unlock the ISC account once the workflow completes.' }),
    forceProvisioning: t.boolean({
      description: 'Provision to the source even when the account is not synced.',
    }),
  })),
  description: 'Unlocks an account (v3 `POST /accounts/{id}/unlock`).',
  what: 'unlock task',
  shape: STATE_INPUT,
  plan: (id, input, ctx) => ({
    submit: () =>
      ctx.api.unlockAccount(id, {
        ...toggleBody(input),
        unlockIDNAccount: input.unlockIDNAccount ?? undefined,
      }),
    done: ACCOUNT_CHANGES.UNLOCKED.shows,
  }),
});

defineAccountTaskMutation('reloadAccount', {
  input: createAccountTaskInput('ReloadAccountInput', () => ({})),
  description: 'Reads the account again from its source (v3 `POST /accounts/{id}/reload`).',
  what: 'reload task',
  shape: STATE_INPUT,
  plan: async (id, input, ctx) => ({
    submit: () => ctx.api.submitReloadAccount(id),
    done: await showsNewModified(ctx, id, input.waitForCompletion),
  }),
});

defineAccountTaskMutation('removeAccount', {
  input: createAccountTaskInput('RemoveAccountInput', () => ({})),
  description:
    'Removes the account from ISC without deprovisioning it on its source (beta `POST /accounts/{id}/remove`).',
  what: 'remove task',
  shape: STATE_INPUT,
  plan: (id, _input, ctx) => ({
    submit: () => ctx.api.deleteAccountAsync(id),
    done: ACCOUNT_CHANGES.REMOVED.shows,
  }),
});
