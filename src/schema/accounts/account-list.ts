import type { GraphQLResolveInfo } from 'graphql';
import type { Sorter } from '../../upstream/api.ts';
import type { FilterExpression } from '../../upstream/filters.ts';
import { builder } from '../builder.ts';
import { AccountConnection } from '../connections.ts';
import type { GatewayContext } from '../context.ts';
import { listPage, withCost } from '../cost/field-cost.ts';
import { resolveListConnection } from '../lists.ts';
import type { ConnectionArgs } from '../pagination/offset-connection.ts';
import { ORDER_BY_DESCRIPTION, toSorters } from '../pagination/order-by.ts';
import { AccountRef } from '../refs.ts';
import { accountSources } from './account-costs.ts';
import { accountDetailFor } from './account-detail.ts';
import { AccountOrder, accountFilterArgs, toAccountFilter } from './account-filters.ts';

/** A page of `GET /v3/accounts`: SLIM when the nodes' selection needs nothing more. */
export function resolveAccounts(
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
      extensions: withCost(listPage('accounts', accountSources)),
      args: {
        ...accountFilterArgs(t.arg, { sourceId: true }),
        orderBy: t.arg({ type: [AccountOrder], description: ORDER_BY_DESCRIPTION }),
      },
      resolve: (_root, args, ctx, info) =>
        resolveAccounts(toAccountFilter(args), toSorters(args.orderBy), args, ctx, info),
    },
    AccountConnection,
  ),
);
