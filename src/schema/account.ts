import { builder } from './builder.ts';
import { parseIdArgument } from './ids.ts';
import { AccountRef, NonEmployeeRecordRef } from './refs.ts';

builder.node(AccountRef, {
  description: "An identity's account on an ISC source.",
  id: { resolve: (account) => account.id ?? '' },
  loadWithoutCache: (id, ctx) => ctx.loaders.account.load(id),
  fields: (t) => ({
    iscId: t.string({ description: 'The ISC id of the account.', resolve: (account) => account.id ?? '' }),
    nativeIdentity: t.exposeString('nativeIdentity'),
    name: t.string({ nullable: true, resolve: (account) => account.name ?? null }),
    disabled: t.exposeBoolean('disabled'),
    locked: t.exposeBoolean('locked'),
    sourceId: t.string({ nullable: true, resolve: (account) => account.sourceId ?? null }),
    identityId: t.string({ nullable: true, resolve: (account) => account.identityId ?? null }),
    created: t.field({ type: 'DateTime', nullable: true, resolve: (account) => account.created ?? null }),
    modified: t.field({ type: 'DateTime', nullable: true, resolve: (account) => account.modified ?? null }),
  }),
});

builder.objectField(NonEmployeeRecordRef, 'account', (t) =>
  t.field({
    type: AccountRef,
    nullable: true,
    description: "The record's account: on the source's ISC source, under the record's account name.",
    resolve: async (record, _args, ctx) => {
      if (!record.sourceId || !record.accountName) return null;
      const source = await ctx.loaders.source.load(record.sourceId);
      if (!source?.sourceId) return null;
      return ctx.loaders.accountByNativeIdentity.load({
        sourceId: source.sourceId,
        nativeIdentity: record.accountName,
      });
    },
  }),
);

builder.queryField('account', (t) =>
  t.field({
    type: AccountRef,
    nullable: true,
    description: 'An account by its global id or its ISC id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.loaders.account.load(parseIdArgument(String(args.id), 'Account')),
  }),
);
