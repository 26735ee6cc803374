import type { GraphQLResolveInfo } from 'graphql';
import type { AccountEntity } from '../../loaders/entities.ts';
import type { Sorter } from '../../upstream/api.ts';
import { type FilterExpression, f } from '../../upstream/filters.ts';
import { builder } from '../builder.ts';
import { AccountConnection } from '../connections.ts';
import type { GatewayContext } from '../context.ts';
import { resolveListConnection } from '../lists.ts';
import type { ConnectionArgs } from '../pagination/offset-connection.ts';
import { toSorters } from '../pagination/order-by.ts';
import { AccountRef, NonEmployeeSourceRef } from '../refs.ts';
import { sourceLiteField } from '../source-lite.ts';
import { accountDetailFor } from './account-detail.ts';
import { AccountOrder, accountFilterArgs, toAccountFilter } from './account-filters.ts';

/** A page of `GET /v3/accounts`: SLIM when the nodes' selection needs nothing more. */
function resolveAccounts(
  filters: FilterExpression | undefined,
  sorters: readonly Sorter[],
  args: ConnectionArgs,
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
) {
  const detailLevel = accountDetailFor(info, ['edges', 'node']);
  return resolveListConnection(
    { endpoint: 'accounts', filters, sorters },
    args,
    info,
    (offset, limit, count) =>
      ctx.loaders.listAccounts({ offset, limit, count, filters, sorters, detailLevel }),
  );
}

builder.queryField('accounts', (t) =>
  t.connection(
    {
      type: AccountRef,
      description:
        'Accounts on any ISC source, filtered as the Accounts API allows (every condition given must hold).',
      args: { ...accountFilterArgs(t.arg, { sourceId: true }), orderBy: t.arg({ type: [AccountOrder] }) },
      resolve: (_root, args, ctx, info) =>
        resolveAccounts(toAccountFilter(args), toSorters(args.orderBy), args, ctx, info),
    },
    AccountConnection,
  ),
);

builder.objectField(NonEmployeeSourceRef, 'accounts', (t) =>
  t.connection(
    {
      type: AccountRef,
      description: "The accounts on this source's ISC source (`sourceId eq ...`), filtered as `accounts` is.",
      args: { ...accountFilterArgs(t.arg, { sourceId: false }), orderBy: t.arg({ type: [AccountOrder] }) },
      resolve: async (source, args, ctx, info) => {
        const iscSourceId = await sourceLiteField(source, 'sourceId', ctx);
        // No ISC source yet: an empty list, whose arguments are still checked like any other's.
        if (!iscSourceId) {
          return resolveListConnection({ endpoint: 'accounts', sorters: [] }, args, info, async () => ({
            items: [] as AccountEntity[],
            totalCount: 0,
          }));
        }
        const filters = toAccountFilter(args, [f.eq('sourceId', iscSourceId)]);
        return resolveAccounts(filters, toSorters(args.orderBy), args, ctx, info);
      },
    },
    AccountConnection,
  ),
);
