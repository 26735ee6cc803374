import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLType,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionNode,
} from 'graphql';
import { isPromise } from 'graphql-yoga';

interface Selected {
  node: FieldNode;
  /** The type condition of the fragment it sits in, if any. */
  on: string | null;
}

/** The fields selected under `key` in `selections`, through fragments. */
function fieldsAt(
  selections: readonly SelectionNode[],
  key: string,
  fragments: Record<string, FragmentDefinitionNode>,
  on: string | null = null,
  found: Selected[] = [],
): Selected[] {
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      if ((selection.alias ?? selection.name).value === key) found.push({ node: selection, on });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = selection.typeCondition?.name.value ?? on;
      fieldsAt(selection.selectionSet.selections, key, fragments, inner, found);
    } else {
      const fragment = fragments[selection.name.value];
      if (fragment)
        fieldsAt(fragment.selectionSet.selections, key, fragments, fragment.typeCondition.name.value, found);
    }
  }
  return found;
}

/**
 * Whether an error at this field nulls the whole answer: the field, every field above it and
 * every list item on the way are non-null, so the null climbs to `data`. Read off the path's
 * keys and the document alone: graphql-jit's paths carry no type names.
 */
export function nullsTheAnswer(info: GraphQLResolveInfo): boolean {
  const keys: (string | number)[] = [];
  for (let path: GraphQLResolveInfo['path'] | undefined = info.path; path; path = path.prev) {
    keys.unshift(path.key);
  }
  let selections: readonly SelectionNode[] = info.operation.selectionSet.selections;
  let type: GraphQLType | null | undefined = info.schema.getRootType(info.operation.operation);
  for (const key of keys) {
    if (typeof key === 'number') {
      const list: GraphQLType | null | undefined = type && isNonNullType(type) ? type.ofType : type;
      if (!list || !isListType(list) || !isNonNullType(list.ofType)) return false;
      type = list.ofType;
      continue;
    }
    const found = fieldsAt(selections, key, info.fragments);
    const first = found[0];
    if (!first || !type) return false;
    const named: GraphQLNamedType = getNamedType(type);
    // Under an interface or a union, the field is the fragment's type's (or the interface's own).
    const owner: GraphQLNamedType = isObjectType(named)
      ? named
      : (info.schema.getType(first.on ?? '') ?? named);
    const field: GraphQLField<unknown, unknown> | null | undefined =
      isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[first.node.name.value] : null;
    if (!field || !isNonNullType(field.type)) return false;
    type = field.type;
    selections = found.flatMap((one) => one.node.selectionSet?.selections ?? []);
  }
  return true;
}

/** What a query's context offers this plugin. */
interface AbandonableContext {
  /** Stops the request's upstream calls: its answer is settled and nothing that loads after is read. */
  abandon?: () => void;
}

/** A field failed: when that nulls the whole answer of a query, its calls stop. */
function failed(error: unknown, context: unknown, info: GraphQLResolveInfo): never {
  if (info.operation.operation === 'query' && nullsTheAnswer(info)) {
    (context as AbandonableContext).abandon?.();
  }
  throw error;
}

/**
 * When a failed non-null field nulls a query's whole answer, its request stops calling upstream
 * at once. graphql-js answers such a query at the failure; the compiled executor (graphql-jit)
 * runs every field to its end first, and the calls they start would be spent for nothing.
 * Only fields that can fail are wrapped: non-null ones that take arguments or call upstream.
 */
export class NulledAnswerPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const canFail = Object.keys(fieldConfig.args).length > 0 || fieldConfig.extensions?.cost !== undefined;
    if (fieldConfig.type.nullable || !canFail) return resolver;
    return (parent, args, context, info) => {
      let result: unknown;
      try {
        result = resolver(parent, args, context, info);
      } catch (error) {
        return failed(error, context, info);
      }
      if (!isPromise(result)) return result;
      return result.catch((error: unknown) => failed(error, context, info));
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      nulledAnswer: NulledAnswerPlugin<Types>;
    }
  }
}

export const NULLED_ANSWER_PLUGIN = 'nulledAnswer';

SchemaBuilder.registerPlugin(NULLED_ANSWER_PLUGIN, NulledAnswerPlugin);
