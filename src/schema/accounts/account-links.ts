/** The links of an account: its non-employee source, its record, its entitlements. */
import { MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { builder } from '../builder.ts';
import { listPage, recordOfAccountCost, sourceFromList, withCost } from '../cost/field-cost.ts';
import { resolveListConnection } from '../lists.ts';
import { AccountRef, NonEmployeeRecordRef, NonEmployeeSourceRef } from '../refs.ts';
import { EntitlementConnection, EntitlementRef } from './entitlement.ts';

builder.objectFields(AccountRef, (t) => ({
  nonEmployeeSource: t.field({
    type: NonEmployeeSourceRef,
    nullable: true,
    description: 'The non-employee source whose ISC source holds this account (from the one sources list).',
    extensions: withCost(sourceFromList),
    resolve: (account, _args, ctx) => ctx.loaders.sourceOfAccount(account),
  }),
  record: t.field({
    type: NonEmployeeRecordRef,
    nullable: true,
    description:
      'The non-employee record behind this account, if any. Records filter only on source, so it is found by ' +
      'binary search over the source sorted by account name: the sources list plus at most ⌈log2(pages + 1)⌉ ' +
      `pages of ${MAX_LIST_LIMIT} per account, shared by the accounts of one request and never more than ` +
      'the source has pages.',
    extensions: withCost(recordOfAccountCost),
    resolve: (account, _args, ctx) => ctx.loaders.recordOfAccount(account),
  }),
  entitlements: t.connection(
    {
      type: EntitlementRef,
      description: 'The entitlements the account holds (no call when `hasEntitlements` is false).',
      extensions: withCost(listPage('entitlements')),
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
