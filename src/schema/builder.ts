import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { DateResolver, JSONResolver } from 'graphql-scalars';
import type { GatewayContext } from './context.ts';
import { withCost } from './cost/field-cost.ts';
import { NODE_ID_EXTENSIONS, nodesCost } from './cost/node-costs.ts';
import { DateTimeScalar } from './date-time-scalar.ts';
import { MUTATION_ERROR_TYPES } from './errors/error-classes.ts';
import { encodeNodeId } from './ids.ts';
import { INPUT_BOUNDS_PLUGIN } from './input-bounds-plugin.ts';
import { decodeNodeIdOrMark, resolveNodeListLookup, resolveNodeLookup } from './node-lookups.ts';
import { NULLED_ANSWER_PLUGIN } from './nulled-answer-plugin.ts';

export interface GatewaySchemaTypes {
  Context: GatewayContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    Date: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    /** Input only: a file of a GraphQL multipart request. */
    File: { Input: File; Output: never };
  };
  Connection: { totalCount: number | null };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

export const builder = new SchemaBuilder<GatewaySchemaTypes>({
  // The first wraps the others. The nulled answer sees every failure, the bounds check's too;
  // errors then wraps the bounds check, so a mutation's ValidationError becomes its result.
  plugins: [NULLED_ANSWER_PLUGIN, ErrorsPlugin, INPUT_BOUNDS_PLUGIN, RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    // Malformed global ids are the caller's mistake: a BAD_USER_INPUT error, not a masked one.
    decodeGlobalID: (globalID) => decodeNodeIdOrMark(globalID),
    encodeGlobalID: (typename, id) => encodeNodeId(typename, id),
    cursorType: 'String',
    edgesFieldOptions: {
      nullable: false,
      description: 'The items of this page, each with its cursor, in list order.',
    },
    nodeFieldOptions: { nullable: false, description: 'The item at this position of the list.' },
    cursorFieldOptions: {
      description: 'Opaque position of this item: pass it as `after` or `before` to page from here.',
    },
    pageInfoFieldOptions: {
      description: 'Where this page sits in the whole list, and the cursors to page on.',
    },
    hasNextPageFieldOptions: {
      description: 'Whether items follow this page (ask again with `after: endCursor`).',
    },
    hasPreviousPageFieldOptions: {
      description: 'Whether items come before this page (ask again with `before: startCursor`).',
    },
    startCursorFieldOptions: {
      description: 'The cursor of the first item of this page; null when the page is empty.',
    },
    endCursorFieldOptions: {
      description: 'The cursor of the last item of this page; null when the page is empty.',
    },
    firstArgOptions: {
      description: 'Items from the start (or after `after`): 1..250, default 50 (one ISC page holds 250).',
    },
    afterArgOptions: { description: 'Cursor of the item the page starts after (an `endCursor`).' },
    lastArgOptions: { description: 'Items from the end (or before `before`): 1..250; not with `first`.' },
    beforeArgOptions: { description: 'Cursor of the item the page ends before (a `startCursor`).' },
    nodeTypeOptions: {
      description: 'An object with a Relay global id: any of them can be fetched again with `node(id:)`.',
    },
    pageInfoTypeOptions: {
      description: 'Relay paging state of a connection page (ISC lists are paged by offset underneath).',
    },
    brandLoadedObjects: true,
    idFieldOptions: {
      extensions: NODE_ID_EXTENSIONS,
      description:
        'Relay global id (base64 of type and ISC id): pass it to `node(id:)` or to any `id:` argument.',
    },
    nodeQueryOptions: {
      extensions: withCost(nodesCost),
      description:
        'Any object by its global id; null when nothing has that id. A string that is not a global id is a `BAD_USER_INPUT` error.',
      args: { id: { description: 'A Relay global id, as any `id` field answers it.' } },
      resolve: (_root, args, _ctx, _info, resolveNode) =>
        resolveNodeLookup(args.id, () => resolveNode(args.id)),
    },
    nodesQueryOptions: {
      extensions: withCost(nodesCost),
      description:
        'Objects by global id, in the order given: null in the slot of an id nothing has, and of a string that is not a global id (with a `BAD_USER_INPUT` error at that slot).',
      args: { ids: { description: 'Relay global ids, as `id` fields answer them.' } },
      resolve: (_root, args, _ctx, _info, resolveNodes) =>
        resolveNodeListLookup(args.ids, () => resolveNodes(args.ids)),
    },
  },
  // Every mutation with `errors: {}` answers `<Mutation>Result = <Payload> | <each typed failure>`.
  errors: {
    defaultTypes: MUTATION_ERROR_TYPES,
    directResult: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${fieldName[0].toUpperCase()}${fieldName.slice(1)}Result`,
      description: 'The payload of the mutation, or why it could not be done.',
    },
  },
});

builder.addScalarType('DateTime', DateTimeScalar);
builder.addScalarType('Date', DateResolver);
builder.addScalarType('JSON', JSONResolver);

builder.queryType({
  description:
    "Reads of ISC's Non-Employee Lifecycle Management (sources, schema, records, requests, approvals) and Accounts APIs.",
});

builder.mutationType({
  description: 'Every write of the NELM API. Expected failures come back as typed results (`... on Error`).',
});

builder.subscriptionType({
  description:
    'Long-running work, watched over Server-Sent Events (`Accept: text/event-stream`): the gateway polls ISC for the caller, one poll per principal and subject.',
});

/** The builder's resolved types, for helpers that take Pothos field or input builders. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
