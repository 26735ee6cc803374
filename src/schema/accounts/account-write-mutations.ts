import type { AccountEntity } from '../../loaders/entities.ts';
import { f } from '../../upstream/filters.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { withCost } from '../cost/field-cost.ts';
import { ValidationError } from '../errors/error-classes.ts';
import { type InputShape, runWrite } from '../errors/mutation-results.ts';
import { tryDecodeNodeId } from '../ids.ts';
import { checkData, checkSomethingChanges, requiredText } from '../input-checks.ts';
import { ACCOUNT_CHANGES } from './account-changes.ts';
import { accountTaskCost } from './account-costs.ts';
import { AccountPatchOperationInput, toAccountPatch } from './account-patch.ts';
import {
  type AccountTaskResult,
  createAccountTaskInput,
  createAccountTaskPayload,
  defineAccountTaskMutation,
  showsNewModified,
  WAIT_DESCRIPTION,
} from './account-task.ts';
import { DEFAULT_POLL, pollUntil, showsPatch, statesEndValues } from './task-polling.ts';

const WRITE_INPUT: InputShape = {
  root: ['input'],
  fields: ['id', 'sourceId', 'attributes', 'nativeIdentity', 'identityId', 'manuallyCorrelated', 'patch'],
  readBeforeRetry: 'account(id), or the source’s accounts for a create (look for its nativeIdentity)',
};

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  description: 'A new account on an ISC source (`POST /v3/accounts`), and whether to wait until it shows.',
  fields: (t) => ({
    sourceId: t.id({
      required: true,
      description:
        "The ISC source to create the account on, or a non-employee source's global id (its ISC source).",
    }),
    attributes: t.field({
      type: 'JSON',
      required: true,
      description:
        "The account's attribute values: an object of strings, as the source's account schema names them.",
    }),
    nativeIdentity: t.string({
      description:
        "The new account's native identity, to find it once created; by default `attributes.accountName` " +
        "(a non-employee source's accounts are named by account name).",
    }),
    waitForCompletion: t.boolean({ defaultValue: false, description: WAIT_DESCRIPTION }),
  }),
});

const CreateAccountPayload = createAccountTaskPayload('CreateAccount', 'create task');

/** The ISC source id: given as is, or the one behind a non-employee source's global id. */
async function targetSourceId(value: string | number, ctx: GatewayContext): Promise<string> {
  const decoded = tryDecodeNodeId(String(value));
  if (!decoded) return requiredText(String(value), ['input', 'sourceId']);
  if (decoded.typename !== 'NonEmployeeSource') {
    throw new ValidationError(
      `"input.sourceId" expects an ISC source id or a non-employee source id, not a ${decoded.typename} id.`,
      ['input', 'sourceId'],
    );
  }
  const source = await ctx.loaders.source.load(decoded.id);
  if (!source?.sourceId) {
    throw new ValidationError('That non-employee source has no ISC source to hold accounts.', [
      'input',
      'sourceId',
    ]);
  }
  return source.sourceId;
}

/** The created account, found by (source, native identity). */
const findCreated = async (ctx: GatewayContext, sourceId: string, nativeIdentity: string) =>
  (
    await ctx.api.listAccounts({
      limit: 1,
      offset: 0,
      filters: f.and(f.eq('sourceId', sourceId), f.eq('nativeIdentity', nativeIdentity)),
    })
  ).items[0] ?? null;

async function createAccount(
  input: {
    sourceId: string | number;
    attributes?: unknown;
    nativeIdentity?: string | null;
    waitForCompletion?: boolean | null;
  },
  ctx: GatewayContext,
): Promise<AccountTaskResult> {
  const sourceId = await targetSourceId(input.sourceId, ctx);
  const attributes = checkData(input.attributes, ['input', 'attributes'], 'attribute name');
  if (attributes.sourceId !== undefined && attributes.sourceId !== sourceId) {
    throw new ValidationError('"input.attributes.sourceId" differs from "input.sourceId".', [
      'input',
      'attributes',
      'sourceId',
    ]);
  }
  const nativeIdentity = input.nativeIdentity ?? attributes.accountName ?? null;
  const task = await runWrite(WRITE_INPUT, () =>
    ctx.api.createAccount({ attributes: { ...attributes, sourceId } }),
  );
  ctx.loaders.accountByNativeIdentity.clearAll();
  const load = async (): Promise<AccountEntity | null> =>
    nativeIdentity === null ? null : ctx.loaders.accountByNativeIdentity.load({ sourceId, nativeIdentity });
  if (!input.waitForCompletion || nativeIdentity === null)
    return { taskId: task.id, completion: 'PENDING', load };
  const outcome = await pollUntil(
    () => findCreated(ctx, sourceId, nativeIdentity),
    (found) => found !== null,
    DEFAULT_POLL,
  );
  if (outcome.value?.id) ctx.loaders.clearAccount(outcome.value.id);
  return {
    taskId: task.id,
    completion: outcome.completed ? 'COMPLETED' : 'PENDING',
    account: outcome.value,
    load,
  };
}

builder.mutationFields((t) => ({
  createAccount: t.field({
    type: CreateAccountPayload,
    description: 'Creates an account on an ISC source (v3 `POST /accounts`).',
    args: {
      input: t.arg({
        description: 'The source and the attributes of the new account.',
        type: CreateAccountInput,
        required: true,
      }),
    },
    errors: {},
    extensions: withCost(accountTaskCost),
    resolve: (_root, { input }, ctx) => createAccount(input, ctx),
  }),
}));

defineAccountTaskMutation('updateAccount', {
  input: createAccountTaskInput(
    'UpdateAccountInput',
    (t) => ({
      identityId: t.string({
        description: 'Moves the account to this identity; an explicit null uncorrelates it.',
      }),
      manuallyCorrelated: t.boolean({
        description: "Whether the account's tie to its identity was made by hand.",
      }),
      attributes: t.field({
        type: 'JSON',
        description: 'Attribute values to set (flat-file sources only); a null value removes the attribute.',
      }),
      patch: t.field({
        type: [AccountPatchOperationInput],
        description: 'Further JSON Patch operations, as the API takes them.',
      }),
    }),
    'The changes, sent as one JSON Patch: the typed fields first, then `patch`.',
  ),
  description:
    "Changes an account's correlation or (flat-file sources) attributes (v3 `PATCH /accounts/{id}`).",
  what: 'update task',
  shape: WRITE_INPUT,
  plan: async (id, input, ctx) => {
    const patch = toAccountPatch(input);
    checkSomethingChanges(patch);
    return {
      submit: () => ctx.api.updateAccount(id, patch),
      // Patches that state no end value (move, copy, test) show as a new `modified`.
      done: statesEndValues(patch)
        ? (account) => account !== null && showsPatch(account, patch)
        : await showsNewModified(ctx, id, input.waitForCompletion),
    };
  },
});

defineAccountTaskMutation('deleteAccount', {
  input: createAccountTaskInput('DeleteAccountInput', () => ({})),
  description: 'Deletes the account, on its source too (v3 `DELETE /accounts/{id}`; flat-file sources).',
  what: 'delete task',
  shape: WRITE_INPUT,
  plan: (id, _input, ctx) => ({
    submit: () => ctx.api.deleteAccount(id),
    done: ACCOUNT_CHANGES.REMOVED.shows,
  }),
});

defineAccountTaskMutation('replaceAccount', {
  input: createAccountTaskInput(
    'ReplaceAccountInput',
    (t) => ({
      attributes: t.field({
        type: 'JSON',
        required: true,
        description:
          'Every attribute value of the account (flat-file sources): the ones left out are dropped.',
      }),
    }),
    'The whole attribute set, sent as the body of `PUT /accounts/{id}`.',
  ),
  description: "Replaces an account's attributes as a whole (v3 `PUT /accounts/{id}`; flat-file sources).",
  what: 'replace task',
  shape: WRITE_INPUT,
  plan: (id, input, ctx) => {
    const attributes = checkData(input.attributes, ['input', 'attributes'], 'attribute name');
    return {
      submit: () => ctx.api.putAccount(id, { attributes }),
      // The whole set, not only the values given: those may have been there before the task ran.
      done: (account) =>
        account !== null && showsPatch(account, [{ op: 'replace', path: '/attributes', value: attributes }]),
    };
  },
});
