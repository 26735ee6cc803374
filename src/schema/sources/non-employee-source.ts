import { SOURCE_SORTERS } from '../../upstream/wire/collections.ts';
import { builder } from '../builder.ts';
import {
  NonEmployeeRecordConnection,
  NonEmployeeRequestConnection,
  NonEmployeeSourceConnection,
} from '../connections.ts';
import { costsNothing, listOfSource, listPage, sourceFromList, withCost } from '../cost/field-cost.ts';
import { requireUserForMe } from '../errors/user-context.ts';
import { IdentityReference } from '../identity-reference.ts';
import { parseIdArgument } from '../ids.ts';
import { DEFAULT_REQUESTED_FOR, resolveListConnection } from '../lists.ts';
import { createOrderByInput, ORDER_BY_DESCRIPTION, toSorters } from '../pagination/order-by.ts';
import { NonEmployeeRecordOrder, resolveRecordConnection } from '../records/non-employee-record.ts';
import {
  NonEmployeeRecordRef,
  NonEmployeeRequestRef,
  NonEmployeeSchemaAttributeRef,
  NonEmployeeSourceRef,
} from '../refs.ts';
import { NonEmployeeRequestOrder, resolveRequestConnection } from '../requests/non-employee-request.ts';
import { selectsPath } from '../selection.ts';
import { fullSourceField, schemaAttributesCost, sourceCountCost } from './source-costs.ts';

export const NonEmployeeSourceOrder = createOrderByInput(
  'NonEmployeeSourceOrder',
  SOURCE_SORTERS,
  'non-employee sources',
);

builder.node(NonEmployeeSourceRef, {
  description: 'A non-employee source: groups non-employees and owns the ISC source their accounts live on.',
  id: { resolve: (source) => source.id ?? '' },
  loadWithoutCache: (id, ctx) => ctx.loaders.source.load(id),
  fields: (t) => ({
    iscId: t.string({
      description: 'The ISC id of the non-employee source.',
      resolve: (source) => source.id ?? '',
    }),
    name: t.string({
      description: 'The source\'s name, e.g. "Retail contractors".',
      extensions: costsNothing('lite sources embed it'),
      resolve: async (source, _args, ctx) => (await ctx.loaders.sourceField(source, 'name')) ?? '',
    }),
    description: t.string({
      description: 'What the source is for.',
      nullable: true,
      extensions: costsNothing('lite sources embed it'),
      resolve: (source, _args, ctx) => ctx.loaders.sourceField(source, 'description'),
    }),
    sourceId: t.string({
      nullable: true,
      extensions: costsNothing('lite sources embed it'),
      description: 'The ISC source the accounts of this source live on.',
      resolve: (source, _args, ctx) => ctx.loaders.sourceField(source, 'sourceId'),
    }),
    approvers: t.field({
      type: [IdentityReference],
      extensions: withCost(fullSourceField),
      description: 'Up to 3 approvers, in approval order.',
      resolve: async (source, _args, ctx) => (await ctx.loaders.fullSource(source)).approvers ?? [],
    }),
    accountManagers: t.field({
      description: "Up to 10 identities who manage the source's non-employees and their requests.",
      type: [IdentityReference],
      extensions: withCost(fullSourceField),
      resolve: async (source, _args, ctx) => (await ctx.loaders.fullSource(source)).accountManagers ?? [],
    }),
    created: t.field({
      description: 'When the source was created.',
      type: 'DateTime',
      nullable: true,
      extensions: withCost(fullSourceField),
      resolve: async (source, _args, ctx) => (await ctx.loaders.fullSource(source)).created ?? null,
    }),
    modified: t.field({
      description: 'When the source was last changed.',
      type: 'DateTime',
      nullable: true,
      extensions: withCost(fullSourceField),
      resolve: async (source, _args, ctx) => (await ctx.loaders.fullSource(source)).modified ?? null,
    }),
    nonEmployeeCount: t.int({
      extensions: withCost(sourceCountCost),
      description: 'Records on this source (one list call answers it for every source of the operation).',
      resolve: (source, _args, ctx) =>
        'nonEmployeeCount' in source && typeof source.nonEmployeeCount === 'number'
          ? source.nonEmployeeCount
          : ctx.loaders.nonEmployeeCount(source.id ?? ''),
    }),
    schemaAttributes: t.field({
      type: [NonEmployeeSchemaAttributeRef],
      extensions: withCost(schemaAttributesCost),
      description: 'The 8 system attributes first, then up to 10 custom ones.',
      resolve: (source, _args, ctx) => ctx.loaders.schemaAttributes.load(source.id ?? ''),
    }),
    records: t.connection(
      {
        type: NonEmployeeRecordRef,
        extensions: withCost(listOfSource('records')),
        description: 'The records on this source (`GET /v3/non-employee-records`, `filters=sourceId eq`).',
        args: {
          orderBy: t.arg({ type: [NonEmployeeRecordOrder], description: ORDER_BY_DESCRIPTION }),
        },
        resolve: (source, args, ctx, info) => resolveRecordConnection(args, ctx, info, source.id ?? ''),
      },
      NonEmployeeRecordConnection,
    ),
    requests: t.connection(
      {
        type: NonEmployeeRequestRef,
        description: 'Requests for this source made for the caller (`requested-for=me`).',
        extensions: withCost(listOfSource('requests')),
        args: {
          orderBy: t.arg({ type: [NonEmployeeRequestOrder], description: ORDER_BY_DESCRIPTION }),
        },
        resolve: (source, args, ctx, info) =>
          resolveRequestConnection(args, ctx, info, {
            sourceId: source.id ?? '',
            requestedFor: DEFAULT_REQUESTED_FOR,
          }),
      },
      NonEmployeeRequestConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  nonEmployeeSources: t.connection(
    {
      type: NonEmployeeSourceRef,
      extensions: withCost(listPage('sources')),
      description: 'The non-employee sources of the org, at most 50 (`GET /v3/non-employee-sources`).',
      args: {
        requestedFor: t.arg.string({ description: 'Sources for this identity; `me` for the caller.' }),
        orderBy: t.arg({ type: [NonEmployeeSourceOrder], description: ORDER_BY_DESCRIPTION }),
      },
      resolve: async (_root, args, ctx, info) => {
        const sorters = toSorters(args.orderBy);
        const requestedFor = args.requestedFor ?? undefined;
        await requireUserForMe(ctx, requestedFor, 'nonEmployeeSources');
        // Counts ride on the same call, asked only when a node selects them.
        const nonEmployeeCount = selectsPath(info, ['edges', 'node', 'nonEmployeeCount']);
        return resolveListConnection(
          { endpoint: 'non-employee-sources', sorters, requestedFor },
          args,
          info,
          (offset, limit, count) =>
            ctx.loaders.listSources({ offset, limit, count, sorters, requestedFor, nonEmployeeCount }),
        );
      },
    },
    NonEmployeeSourceConnection,
  ),
  nonEmployeeSource: t.field({
    type: NonEmployeeSourceRef,
    nullable: true,
    description: 'A non-employee source by its global id or its ISC id.',
    extensions: withCost(sourceFromList),
    args: {
      id: t.arg.id({
        description:
          "The source's global id (`NonEmployeeSource.id`) or its ISC id (`GET /v3/non-employee-sources/{id}`).",
        required: true,
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.loaders.source.load(parseIdArgument(String(args.id), 'NonEmployeeSource')),
  }),
}));
