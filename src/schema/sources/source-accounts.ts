import type { AccountEntity } from '../../loaders/entities.ts';
import { f } from '../../upstream/filters.ts';
import { AccountOrder, accountFilterArgs, toAccountFilter } from '../accounts/account-filters.ts';
import { resolveAccounts } from '../accounts/account-list.ts';
import { builder } from '../builder.ts';
import { AccountConnection } from '../connections.ts';
import { listPage, withCost } from '../cost/field-cost.ts';
import { resolveListConnection } from '../lists.ts';
import { ORDER_BY_DESCRIPTION, toSorters } from '../pagination/order-by.ts';
import { AccountRef, NonEmployeeSourceRef } from '../refs.ts';

builder.objectField(NonEmployeeSourceRef, 'accounts', (t) =>
  t.connection(
    {
      type: AccountRef,
      description: "The accounts on this source's ISC source (`sourceId eq ...`), filtered as `accounts` is.",
      extensions: withCost(listPage('accounts')),
      args: {
        ...accountFilterArgs(t.arg, { sourceId: false }),
        orderBy: t.arg({ type: [AccountOrder], description: ORDER_BY_DESCRIPTION }),
      },
      resolve: async (source, args, ctx, info) => {
        const iscSourceId = await ctx.loaders.sourceField(source, 'sourceId');
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
