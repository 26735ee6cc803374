import type { GraphQLResolveInfo } from 'graphql';
import type { RecordEntity } from '../../loaders/entities.ts';
import { f } from '../../upstream/filters.ts';
import { MAX_LIST_LIMIT, RECORD_SORTERS } from '../../upstream/wire/collections.ts';
import { accountDetailFor } from '../accounts/account-detail.ts';
import { builder } from '../builder.ts';
import { NonEmployeeRecordConnection } from '../connections.ts';
import type { GatewayContext } from '../context.ts';
import {
  accountOfRecordCost,
  getPerParent,
  listPage,
  MAX_SOURCES,
  sourceFromList,
  withCost,
} from '../cost/field-cost.ts';
import { customAttributesField } from '../custom-attributes/attribute-values.ts';
import { parseIdArgument } from '../ids.ts';
import { type OrderedConnectionArgs, resolveListConnection, sourceIdArgument } from '../lists.ts';
import type { OffsetConnection } from '../pagination/offset-connection.ts';
import { createOrderByInput, ORDER_BY_DESCRIPTION, toSorters } from '../pagination/order-by.ts';
import { personFields } from '../person-fields.ts';
import { AccountRef, NonEmployeeRecordRef, NonEmployeeSourceRef } from '../refs.ts';

export const NonEmployeeRecordOrder = createOrderByInput(
  'NonEmployeeRecordOrder',
  RECORD_SORTERS,
  'non-employee records',
);

/** A page of the records of one source, or of every source the caller may list (`sourceId` null). */
export function resolveRecordConnection(
  args: OrderedConnectionArgs,
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  sourceId: string | null,
): Promise<OffsetConnection<RecordEntity>> {
  const filters = sourceId === null ? undefined : f.eq('sourceId', sourceId);
  const sorters = toSorters(args.orderBy);
  return resolveListConnection(
    { endpoint: 'non-employee-records', filters, sorters },
    args,
    info,
    (offset, limit, count) => ctx.loaders.listRecords({ offset, limit, count, filters, sorters }),
  );
}

builder.node(NonEmployeeRecordRef, {
  description: 'One non-employee on a source.',
  id: { resolve: (record) => record.id ?? '' },
  loadWithoutCache: (id, ctx) => ctx.loaders.record.load(id),
  fields: (t) => ({
    iscId: t.string({ description: 'The ISC id of the record.', resolve: (record) => record.id ?? '' }),
    ...personFields(t),
    manager: t.string({
      nullable: true,
      description: 'The account id of the identity who manages this non-employee.',
      resolve: (record) => record.manager ?? null,
    }),
    sourceId: t.string({
      nullable: true,
      description: 'The ISC id of the non-employee source.',
      resolve: (record) => record.sourceId ?? null,
    }),
    data: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'The raw form of `attributes`: custom attribute values as ISC stores them, strings keyed by technical name.',
      resolve: (record) => record.data ?? null,
    }),
    attributes: customAttributesField(
      t,
      (record) => ({ sourceId: record.sourceId, data: record.data }),
      'record',
    ),
    source: t.field({
      type: NonEmployeeSourceRef,
      nullable: true,
      extensions: withCost(sourceFromList),
      description:
        'The non-employee source the record is on (read from the one sources list, `GET /v3/non-employee-sources`).',
      resolve: (record, _args, ctx) => (record.sourceId ? ctx.loaders.source.load(record.sourceId) : null),
    }),
    account: t.field({
      type: AccountRef,
      nullable: true,
      extensions: withCost(accountOfRecordCost),
      description:
        "The record's account: on the source's ISC source, under the record's account name; null when there is " +
        `none yet. The accounts of a whole page are one call per ${MAX_LIST_LIMIT}.`,
      resolve: (record, _args, ctx, info) => ctx.loaders.accountOfRecord(record, accountDetailFor(info)),
    }),
  }),
});

builder.queryFields((t) => ({
  nonEmployeeRecords: t.connection(
    {
      type: NonEmployeeRecordRef,
      extensions: withCost(listPage('records', ({ args }) => (args.sourceId ? 1 : MAX_SOURCES))),
      description:
        'Non-employee records the caller may see, of one source or of all (`GET /v3/non-employee-records`, `filters=sourceId eq`).',
      args: {
        sourceId: t.arg.id({ description: 'Only records of this non-employee source (global or ISC id).' }),
        orderBy: t.arg({ type: [NonEmployeeRecordOrder], description: ORDER_BY_DESCRIPTION }),
      },
      resolve: (_root, args, ctx, info) =>
        resolveRecordConnection(args, ctx, info, sourceIdArgument(args.sourceId)),
    },
    NonEmployeeRecordConnection,
  ),
  nonEmployeeRecord: t.field({
    type: NonEmployeeRecordRef,
    nullable: true,
    description: 'A non-employee record by its global id or its ISC id.',
    extensions: withCost(getPerParent('record')),
    args: {
      id: t.arg.id({
        description:
          "The record's global id (`NonEmployeeRecord.id`) or its ISC id (`GET /v3/non-employee-records/{id}`).",
        required: true,
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.loaders.record.load(parseIdArgument(String(args.id), 'NonEmployeeRecord')),
  }),
}));
