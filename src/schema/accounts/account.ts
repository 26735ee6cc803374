import type { AccountEntity } from '../../loaders/entities.ts';
import type { Recommendation } from '../../upstream/wire/accounts.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { costsNothing, getPerParent, withCost } from '../cost/field-cost.ts';
import { parseIdArgument } from '../ids.ts';
import { AccountRef } from '../refs.ts';
import { AccountOriginEnum } from './account-filters.ts';
import { IscReference } from './isc-reference.ts';

const AccountRecommendation = builder.objectRef<Recommendation>('AccountRecommendation').implement({
  description: 'What ISC recommends the account is: a human or machine account, and how it knows.',
  fields: (t) => ({
    type: t.exposeString('type', { description: '`HUMAN` or `MACHINE`.' }),
    method: t.exposeString('method', {
      description:
        'How ISC came to it: `DISCOVERY` (suggested by AI), `SOURCE` (its source is flagged as holding machine accounts) or `CRITERIA` (it meets classification criteria).',
    }),
  }),
});

/** Lists and joins read FULL whenever a FULL-only field is selected; `account(id)` always does. */
const FROM_FULL = costsNothing('accounts are read FULL wherever a FULL-only field is selected');

/** A field only a FULL answer carries: read from the account, fetched FULL once if it was read SLIM. */
const fromFull =
  <T>(pick: (account: AccountEntity) => T | undefined) =>
  async (account: AccountEntity, _args: object, ctx: GatewayContext): Promise<T | null> =>
    pick(await ctx.loaders.fullAccountOf(account)) ?? null;

builder.node(AccountRef, {
  description: "An identity's account on an ISC source (a non-employee's lives on its source's ISC source).",
  id: { resolve: (account) => account.id ?? '' },
  loadWithoutCache: (id, ctx) => ctx.loaders.account.load(id),
  fields: (t) => ({
    iscId: t.string({ description: 'The ISC id of the account.', resolve: (account) => account.id ?? '' }),
    name: t.string({
      description: "The account's name on its source (often the same as `nativeIdentity`).",
      nullable: true,
      resolve: (account) => account.name ?? null,
    }),
    nativeIdentity: t.exposeString('nativeIdentity', {
      description: "The account's id on its source (a non-employee's: the record's account name).",
    }),
    sourceId: t.string({
      nullable: true,
      description: 'The ISC source the account is on.',
      resolve: (account) => account.sourceId ?? null,
    }),
    sourceName: t.string({
      description: 'The name of the ISC source the account is on.',
      nullable: true,
      resolve: (account) => account.sourceName ?? null,
    }),
    identityId: t.string({
      nullable: true,
      description: 'The identity the account belongs to; null when uncorrelated.',
      resolve: (account) => account.identityId ?? null,
    }),
    disabled: t.exposeBoolean('disabled', {
      description:
        'Whether the account is disabled on its source (`disableAccount`/`enableAccount` change it).',
    }),
    locked: t.exposeBoolean('locked', {
      description: 'Whether the account is locked on its source (`unlockAccount` clears it).',
    }),
    authoritative: t.boolean({
      description: 'Whether the account is on an authoritative source.',
      resolve: (account) => account.authoritative ?? false,
    }),
    systemAccount: t.boolean({
      description:
        'Whether it is a user account within ISC itself rather than an account from a source system.',
      resolve: (account) => account.systemAccount ?? false,
    }),
    uncorrelated: t.boolean({
      description: 'Whether the account belongs to no identity.',
      resolve: (account) => account.uncorrelated ?? false,
    }),
    manuallyCorrelated: t.boolean({
      description: 'Whether an admin tied the account to its identity by hand.',
      resolve: (account) => account.manuallyCorrelated ?? false,
    }),
    hasEntitlements: t.boolean({
      description: 'Whether the account holds any entitlement.',
      resolve: (account) => account.hasEntitlements ?? false,
    }),
    created: t.field({
      description: 'When the account was first aggregated into ISC.',
      type: 'DateTime',
      nullable: true,
      resolve: (account) => account.created ?? null,
    }),
    modified: t.field({
      description: 'When ISC last changed the account.',
      type: 'DateTime',
      nullable: true,
      resolve: (account) => account.modified ?? null,
    }),
    attributes: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The attributes the source holds for the account.',
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.attributes),
    }),
    origin: t.field({
      description: 'How the account came to ISC: aggregated from its source, or provisioned by ISC.',
      type: AccountOriginEnum,
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.origin),
    }),
    identity: t.field({
      type: IscReference,
      nullable: true,
      description: 'The identity the account belongs to.',
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.identity),
    }),
    sourceOwner: t.field({
      type: IscReference,
      nullable: true,
      description: "The owner of the account's source.",
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.sourceOwner),
    }),
    ownerIdentity: t.field({
      type: IscReference,
      nullable: true,
      description: 'The owner of a machine account.',
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.ownerIdentity),
    }),
    cloudLifecycleState: t.string({
      description: 'The lifecycle state of the identity the account is correlated to, e.g. `active`.',
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.cloudLifecycleState),
    }),
    identityState: t.string({
      description: 'The state of the identity the account is correlated to, e.g. `ACTIVE`.',
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.identityState),
    }),
    connectionType: t.string({
      description: "The connection type of the account's source, e.g. `direct`.",
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.connectionType),
    }),
    isMachine: t.boolean({
      description: 'Whether it is a machine account.',
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.isMachine),
    }),
    recommendation: t.field({
      description: "ISC's recommendation of what kind of account this is.",
      type: AccountRecommendation,
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.recommendation),
    }),
    description: t.string({
      description: "The account's description.",
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.description),
    }),
    uuid: t.string({
      description:
        "The account's unique id as its account schema determines it, e.g. `{b0dce506-d6d4-44d2-8a32-d9a5b21fb175}`.",
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.uuid),
    }),
    features: t.string({
      nullable: true,
      description: 'What the source supports, e.g. `ENABLE, UNLOCK, PROVISIONING`.',
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.features),
    }),
  }),
});

builder.queryField('account', (t) =>
  t.field({
    type: AccountRef,
    nullable: true,
    description: 'An account by its global id or its ISC id.',
    extensions: withCost(getPerParent('account')),
    args: {
      id: t.arg.id({
        description: "The account's global id (`Account.id`) or its ISC id (`GET /v3/accounts/{id}`).",
        required: true,
      }),
    },
    resolve: (_root, args, ctx) => ctx.loaders.account.load(parseIdArgument(String(args.id), 'Account')),
  }),
);
