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
    type: t.exposeString('type'),
    method: t.exposeString('method'),
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
    name: t.string({ nullable: true, resolve: (account) => account.name ?? null }),
    nativeIdentity: t.exposeString('nativeIdentity', {
      description: "The account's id on its source (a non-employee's: the record's account name).",
    }),
    sourceId: t.string({
      nullable: true,
      description: 'The ISC source the account is on.',
      resolve: (account) => account.sourceId ?? null,
    }),
    sourceName: t.string({ nullable: true, resolve: (account) => account.sourceName ?? null }),
    identityId: t.string({
      nullable: true,
      description: 'The identity the account belongs to; null when uncorrelated.',
      resolve: (account) => account.identityId ?? null,
    }),
    disabled: t.exposeBoolean('disabled'),
    locked: t.exposeBoolean('locked'),
    authoritative: t.boolean({
      description: 'Whether the account is on an authoritative source.',
      resolve: (account) => account.authoritative ?? false,
    }),
    systemAccount: t.boolean({ resolve: (account) => account.systemAccount ?? false }),
    uncorrelated: t.boolean({
      description: 'Whether the account belongs to no identity.',
      resolve: (account) => account.uncorrelated ?? false,
    }),
    manuallyCorrelated: t.boolean({ resolve: (account) => account.manuallyCorrelated ?? false }),
    hasEntitlements: t.boolean({ resolve: (account) => account.hasEntitlements ?? false }),
    created: t.field({ type: 'DateTime', nullable: true, resolve: (account) => account.created ?? null }),
    modified: t.field({ type: 'DateTime', nullable: true, resolve: (account) => account.modified ?? null }),
    attributes: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The attributes the source holds for the account.',
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.attributes),
    }),
    origin: t.field({
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
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.cloudLifecycleState),
    }),
    identityState: t.string({
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.identityState),
    }),
    connectionType: t.string({
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.connectionType),
    }),
    isMachine: t.boolean({
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.isMachine),
    }),
    recommendation: t.field({
      type: AccountRecommendation,
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.recommendation),
    }),
    description: t.string({
      nullable: true,
      extensions: FROM_FULL,
      resolve: fromFull((account) => account.description),
    }),
    uuid: t.string({ nullable: true, extensions: FROM_FULL, resolve: fromFull((account) => account.uuid) }),
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
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.account.load(parseIdArgument(String(args.id), 'Account')),
  }),
);
