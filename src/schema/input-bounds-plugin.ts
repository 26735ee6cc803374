import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { createBadUserInputError } from './errors/bad-user-input.ts';
import { ValidationError } from './errors/error-classes.ts';
import { findBoundViolation } from './input-bounds-check.ts';

/**
 * Holds every argument of every field to the bounds of `input-bounds.ts` before its resolver
 * runs, so no oversized value reaches an upstream call. A field with typed errors (a mutation)
 * answers `ValidationError` with the path; any other field a `BAD_USER_INPUT` error.
 */
export class InputBoundsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    const typed = Boolean(fieldConfig.extensions?.pothosErrors);
    return (parent, args, context, info) => {
      const definitions = info.parentType.getFields()[info.fieldName]?.args ?? [];
      const violation = findBoundViolation(args as Record<string, unknown>, definitions);
      if (violation) {
        if (typed) throw new ValidationError(violation.message, violation.path);
        throw createBadUserInputError(violation.message, { argumentPath: violation.path });
      }
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      inputBounds: InputBoundsPlugin<Types>;
    }
  }
}

export const INPUT_BOUNDS_PLUGIN = 'inputBounds';

SchemaBuilder.registerPlugin(INPUT_BOUNDS_PLUGIN, InputBoundsPlugin);
