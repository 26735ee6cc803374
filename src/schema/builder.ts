import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { DateResolver, JSONResolver } from 'graphql-scalars';
import type { GatewayContext } from './context.ts';
import { withCost } from './cost/field-cost.ts';
import { NODE_ID_EXTENSIONS, nodesCost } from './cost/node-costs.ts';
import { DateTimeScalar } from './date-time-scalar.ts';
import { MUTATION_ERROR_TYPES } from './errors/error-classes.ts';
import { decodeNodeId, encodeNodeId } from './ids.ts';
import { INPUT_BOUNDS_PLUGIN } from './input-bounds-plugin.ts';

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
  // Errors first: it wraps the bounds check, so a mutation's ValidationError becomes its result.
  plugins: [ErrorsPlugin, INPUT_BOUNDS_PLUGIN, RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    // Malformed global ids are the caller's mistake: a BAD_USER_INPUT error, not a masked one.
    decodeGlobalID: (globalID) => decodeNodeId(globalID),
    encodeGlobalID: (typename, id) => encodeNodeId(typename, id),
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    brandLoadedObjects: true,
    idFieldOptions: { extensions: NODE_ID_EXTENSIONS },
    nodeQueryOptions: { extensions: withCost(nodesCost) },
    nodesQueryOptions: { extensions: withCost(nodesCost) },
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

builder.queryType({});

builder.mutationType({
  description: 'Every write of the NELM API. Expected failures come back as typed results (`... on Error`).',
});

builder.subscriptionType({
  description:
    'Long-running work, watched over Server-Sent Events (`Accept: text/event-stream`): the gateway polls ISC for the caller, one poll per principal and subject.',
});

/** The builder's resolved types, for helpers that take Pothos field or input builders. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
