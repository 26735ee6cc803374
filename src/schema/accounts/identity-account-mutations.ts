import type { AccountEntity } from '../../loaders/entities.ts';
import { f } from '../../upstream/filters.ts';
import type { BulkIdentitiesAccountsResponse } from '../../upstream/wire/accounts.ts';
import { MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { withCost } from '../cost/field-cost.ts';
import { ValidationError } from '../errors/error-classes.ts';
import { type InputShape, runWrite } from '../errors/mutation-results.ts';
import { identityId } from '../input-checks.ts';
import { AccountRef } from '../refs.ts';
import { identityTaskCost } from './account-costs.ts';
import { AccountTaskCompletionEnum, type TaskCompletion, WAIT_DESCRIPTION } from './account-task.ts';
import { DEFAULT_POLL, pollUntil } from './task-polling.ts';

/** Identities per bulk call: while waiting, their accounts are read `identityId in (...)`, a page's worth at a time. */
const MAX_IDENTITIES = MAX_LIST_LIMIT;
const IDENTITY_INPUT: InputShape = {
  root: ['input'],
  fields: ['identityId', 'identityIds'],
  readBeforeRetry: 'accounts(identityId): their disabled state',
};

type AccountsByIdentity = Map<string, AccountEntity[]>;

/** Every account of these identities: `identityId in (...)`, paged until a page is not full. */
async function accountsOf(ctx: GatewayContext, identityIds: readonly string[]): Promise<AccountsByIdentity> {
  const byIdentity: AccountsByIdentity = new Map(identityIds.map((id) => [id, []]));
  for (let start = 0; start < identityIds.length; start += MAX_IDENTITIES) {
    const chunk = identityIds.slice(start, start + MAX_IDENTITIES);
    const filters = chunk.length === 1 ? f.eq('identityId', chunk[0]) : f.in('identityId', chunk);
    for (let offset = 0; ; offset += MAX_LIST_LIMIT) {
      const page = await ctx.loaders.listAccounts({
        limit: MAX_LIST_LIMIT,
        offset,
        filters,
        detailLevel: 'FULL',
      });
      for (const account of page.items) {
        if (account.identityId) byIdentity.get(account.identityId)?.push(account);
      }
      if (page.items.length < MAX_LIST_LIMIT) break;
    }
  }
  return byIdentity;
}

const allShow = (byIdentity: AccountsByIdentity, disabled: boolean) =>
  [...byIdentity.values()].every((accounts) => accounts.every((account) => account.disabled === disabled));

interface IdentityToggle {
  completion: TaskCompletion;
  /** The accounts as read while waiting, or read once when first selected. */
  accounts: () => Promise<AccountsByIdentity>;
}

/** Waits (if asked) until every account of the identities reads as `disabled`. */
async function settle(
  ctx: GatewayContext,
  identityIds: string[],
  disabled: boolean,
  wait: boolean | null | undefined,
): Promise<IdentityToggle> {
  ctx.loaders.clearAccounts();
  let read: Promise<AccountsByIdentity> | undefined;
  const lazy = () => {
    read ??= accountsOf(ctx, identityIds);
    return read;
  };
  if (!wait || identityIds.length === 0) return { completion: 'PENDING', accounts: lazy };
  const outcome = await pollUntil(
    () => accountsOf(ctx, identityIds),
    (found) => allShow(found, disabled),
    DEFAULT_POLL,
  );
  const seen = outcome.value;
  return {
    completion: outcome.completed ? 'COMPLETED' : 'PENDING',
    accounts: seen ? async () => seen : lazy,
  };
}

type SingleToggle = IdentityToggle & { taskId: string | null; identityId: string };

/** What both single-identity payloads have, so one fragment reads either. */
const IdentityAccountsTaskPayload = builder
  .interfaceRef<SingleToggle>('IdentityAccountsTaskPayload')
  .implement({
    description: 'A task ISC accepted for every account of one identity.',
    fields: (t) => ({
      taskId: t.string({
        description: 'The id of the task ISC runs the change in.',
        nullable: true,
        resolve: (payload) => payload.taskId,
      }),
      identityId: t.exposeString('identityId', { description: 'The ISC identity whose accounts change.' }),
      completion: t.field({
        description: 'Whether every account of the identity showed the change before the mutation answered.',
        type: AccountTaskCompletionEnum,
        resolve: (payload) => payload.completion,
      }),
      accounts: t.field({
        type: [AccountRef],
        description: "The identity's accounts as they stand.",
        resolve: async (payload) => (await payload.accounts()).get(payload.identityId) ?? [],
      }),
    }),
  });

const singlePayload = (name: string) =>
  builder.objectRef<SingleToggle>(`${name}Payload`).implement({
    description: 'The task ISC accepted for every account of the identity.',
    interfaces: [IdentityAccountsTaskPayload],
  });

/** A 2xx entry of the 207 answer: ISC took the identity's task. */
const isAccepted = (entry: BulkIdentitiesAccountsResponse) =>
  (entry.statusCode ?? 0) >= 200 && (entry.statusCode ?? 0) < 300;

interface IdentityResult {
  entry: BulkIdentitiesAccountsResponse;
  toggle: IdentityToggle;
}

const IdentityAccountsResult = builder.objectRef<IdentityResult>('IdentityAccountsResult').implement({
  description: "One identity's entry of the 207 answer.",
  fields: (t) => ({
    identityId: t.string({
      description: 'The ISC identity this entry is about.',
      resolve: ({ entry }) => entry.id ?? '',
    }),
    statusCode: t.int({
      description: '202 when accepted; otherwise why not (404: no such identity).',
      resolve: ({ entry }) => entry.statusCode ?? 0,
    }),
    accepted: t.boolean({
      description: "Whether ISC took the identity's task (a 2xx `statusCode`).",
      resolve: ({ entry }) => isAccepted(entry),
    }),
    message: t.string({
      description: 'Why ISC did not take it, when it did not.',
      nullable: true,
      resolve: ({ entry }) => entry.message ?? null,
    }),
    accounts: t.field({
      type: [AccountRef],
      description: "The identity's accounts as they stand (none when not accepted).",
      resolve: async ({ entry, toggle }) => (entry.id ? ((await toggle.accounts()).get(entry.id) ?? []) : []),
    }),
  }),
});

const bulkPayload = (name: string) =>
  builder.objectRef<{ results: IdentityResult[]; completion: TaskCompletion }>(`${name}Payload`).implement({
    description: 'What ISC answered for each identity (207 Multi-Status).',
    fields: (t) => ({
      completion: t.field({
        type: AccountTaskCompletionEnum,
        description: 'COMPLETED when every account of every accepted identity shows the change.',
        resolve: (payload) => payload.completion,
      }),
      results: t.field({
        description: 'One entry per identity asked, in the order ISC answered.',
        type: [IdentityAccountsResult],
        resolve: (payload) => payload.results,
      }),
    }),
  });

const singleInput = (name: string) =>
  builder.inputType(name, {
    description:
      'One identity whose accounts all change (beta `POST /identities-accounts/{id}/enable|disable`).',
    fields: (t) => ({
      identityId: t.string({ required: true, description: 'The ISC identity id.' }),
      waitForCompletion: t.boolean({ defaultValue: false, description: WAIT_DESCRIPTION }),
    }),
  });

const bulkInput = (name: string) =>
  builder.inputType(name, {
    description: 'Identities whose accounts all change (beta `POST /identities-accounts/enable|disable`).',
    fields: (t) => ({
      identityIds: t.stringList({ required: true, description: `1 to ${MAX_IDENTITIES} ISC identity ids.` }),
      waitForCompletion: t.boolean({ defaultValue: false, description: WAIT_DESCRIPTION }),
    }),
  });

function checkedIdentityIds(values: readonly string[]): string[] {
  const path = ['input', 'identityIds'];
  if (values.length === 0) throw new ValidationError('Give at least one identity id.', path);
  if (values.length > MAX_IDENTITIES) {
    throw new ValidationError(`Give at most ${MAX_IDENTITIES} identity ids per call.`, path);
  }
  return [...new Set(values.map((value, index) => identityId(value, [...path, String(index)])))];
}

for (const action of ['enable', 'disable'] as const) {
  const Verb = action === 'enable' ? 'Enable' : 'Disable';
  const disabled = action === 'disable';
  const SinglePayload = singlePayload(`${Verb}AccountsForIdentity`);
  const BulkPayload = bulkPayload(`${Verb}AccountsForIdentities`);
  const SingleInput = singleInput(`${Verb}AccountsForIdentityInput`);
  const BulkInput = bulkInput(`${Verb}AccountsForIdentitiesInput`);

  builder.mutationFields((t) => ({
    [`${action}AccountsForIdentity`]: t.field({
      type: SinglePayload,
      description: `${Verb}s every account of one identity (beta \`POST /identities-accounts/{id}/${action}\`).`,
      args: {
        input: t.arg({
          description: 'The identity, and whether to wait until its accounts show the change.',
          type: SingleInput,
          required: true,
        }),
      },
      errors: {},
      extensions: withCost(identityTaskCost),
      resolve: async (_root, { input }, ctx) => {
        const id = identityId(input.identityId, ['input', 'identityId']);
        const task = await runWrite(IDENTITY_INPUT, () =>
          disabled ? ctx.api.disableAccountForIdentity(id) : ctx.api.enableAccountForIdentity(id),
        );
        const toggle = await settle(ctx, [id], disabled, input.waitForCompletion);
        return { ...toggle, taskId: task?.id ?? null, identityId: id };
      },
    }),
    [`${action}AccountsForIdentities`]: t.field({
      type: BulkPayload,
      description:
        `${Verb}s every account of each identity (beta \`POST /identities-accounts/${action}\`); ` +
        'each identity has its own result.',
      args: {
        input: t.arg({
          description: 'The identities, and whether to wait until their accounts show the change.',
          type: BulkInput,
          required: true,
        }),
      },
      errors: {},
      extensions: withCost(identityTaskCost),
      resolve: async (_root, { input }, ctx) => {
        const ids = checkedIdentityIds(input.identityIds);
        const entries = await runWrite(IDENTITY_INPUT, () =>
          disabled ? ctx.api.disableAccountsForIdentities(ids) : ctx.api.enableAccountsForIdentities(ids),
        );
        const accepted = new Set(entries.filter(isAccepted).flatMap((entry) => (entry.id ? [entry.id] : [])));
        const toggle = await settle(ctx, [...accepted], disabled, input.waitForCompletion);
        const rejected: IdentityToggle = { completion: 'PENDING', accounts: async () => new Map() };
        return {
          completion: toggle.completion,
          results: entries.map((entry) => ({
            entry,
            toggle: entry.id && accepted.has(entry.id) ? toggle : rejected,
          })),
        };
      },
    }),
  }));
}
