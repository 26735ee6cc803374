import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { createAccountRecordFinder } from '../../loaders/account-records.ts';
import type { AccountEntity, AccountKey, RecordEntity, SourceEntity } from '../../loaders/entities.ts';
import { ALL_SOURCES_PARAMS } from '../../loaders/sources.ts';
import type { AccountDetailLevel } from '../../upstream/wire/accounts.ts';
import { MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { resolveListConnection } from '../lists.ts';
import { AccountRef, NonEmployeeRecordRef, NonEmployeeSourceRef } from '../refs.ts';
import { accountDetailFor } from './account-detail.ts';
import { EntitlementConnection, EntitlementRef } from './entitlement.ts';

/** The record's account: on its source's ISC source, under its account name; null when there is none. */
export async function loadAccountOfRecord(
  record: RecordEntity,
  ctx: GatewayContext,
  detailLevel: AccountDetailLevel,
): Promise<AccountEntity | null> {
  if (!record.sourceId || !record.accountName) return null;
  const source = await ctx.loaders.source.load(record.sourceId);
  if (!source?.sourceId) return null;
  return ctx.loaders.accountByNativeIdentity.load({
    sourceId: source.sourceId,
    nativeIdentity: record.accountName,
    detailLevel,
  });
}

const allSources = async (ctx: GatewayContext): Promise<SourceEntity[]> =>
  (await ctx.loaders.listSources(ALL_SOURCES_PARAMS)).items;

const recordOfAccount = createContextCache(
  (ctx: GatewayContext) =>
    new DataLoader<AccountKey, RecordEntity | null, string>(
      createAccountRecordFinder({
        listAllSources: () => allSources(ctx),
        listRecords: (params) => ctx.loaders.listRecords(params),
      }),
      // No cache of its own: the records pages it reads are memoised, and forgotten after record writes.
      { cache: false },
    ),
);

builder.objectField(NonEmployeeRecordRef, 'account', (t) =>
  t.field({
    type: AccountRef,
    nullable: true,
    description:
      "The record's account: on the source's ISC source, under the record's account name; null when there is " +
      `none yet. The accounts of a whole page are one call per ${MAX_LIST_LIMIT}.`,
    resolve: (record, _args, ctx, info) => loadAccountOfRecord(record, ctx, accountDetailFor(info)),
  }),
);

builder.objectFields(AccountRef, (t) => ({
  nonEmployeeSource: t.field({
    type: NonEmployeeSourceRef,
    nullable: true,
    description: 'The non-employee source whose ISC source holds this account (from the one sources list).',
    resolve: async (account, _args, ctx) => {
      if (!account.sourceId) return null;
      return (await allSources(ctx)).find((source) => source.sourceId === account.sourceId) ?? null;
    },
  }),
  record: t.field({
    type: NonEmployeeRecordRef,
    nullable: true,
    description:
      'The non-employee record behind this account, if any. Records filter only on source, so it is found by ' +
      'binary search over the source sorted by account name: the sources list plus at most ⌈log2(pages + 1)⌉ ' +
      `pages of ${MAX_LIST_LIMIT} per account, shared by the accounts of one request and never more than ` +
      'the source has pages.',
    resolve: (account, _args, ctx) =>
      account.sourceId
        ? recordOfAccount(ctx).load({ sourceId: account.sourceId, nativeIdentity: account.nativeIdentity })
        : null,
  }),
  entitlements: t.connection(
    {
      type: EntitlementRef,
      description: 'The entitlements the account holds (no call when `hasEntitlements` is false).',
      resolve: (account, args, ctx, info) => {
        const accountId = account.id ?? '';
        return resolveListConnection(
          { endpoint: `accounts/${accountId}/entitlements`, sorters: [] },
          args,
          info,
          async (offset, limit, count) =>
            account.hasEntitlements === false || !accountId
              ? { items: [], totalCount: 0 }
              : ctx.loaders.listAccountEntitlements(accountId, { offset, limit, count }),
        );
      },
    },
    EntitlementConnection,
  ),
}));
