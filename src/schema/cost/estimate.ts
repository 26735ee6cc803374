import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  typeFromAST,
} from 'graphql';
import { getArgumentValues, getDirectiveValues } from 'graphql/execution/values.js';
import type { PlannedCall } from '../../loaders/call-plan.ts';
import { ALL_SOURCES_CALL, type CostFunction, type CostInput, SOURCE_TYPENAME } from './field-cost.ts';

/** The upstream calls an operation will make at most, and why where that depends on data. */
export interface CostEstimate {
  estimatedCalls: number;
  /** Notes on the figures that are worst cases. */
  bounds: string[];
  /** Calls of a query whose inputs are known before execution: started with the root's (none for mutations). */
  plan: PlannedCall[];
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  calls: Map<string, number>;
  bounds: Set<string>;
  rights: ReadonlySet<string> | null;
  plan: Map<string, PlannedCall>;
}

/**
 * Walks the operation with fragments, aliases, `@include`/`@skip` and variables resolved, asks
 * each field's cost function (the `cost` extension beside its resolver) and merges what batches:
 * call groups with one key count once.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  rawVariables: Record<string, unknown> = {},
  /** The caller's rights (the token's `authorities`), where the token shows them. */
  rights: ReadonlySet<string> | null = null,
): CostEstimate {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { estimatedCalls: 0, bounds: [], plan: [] };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  // Variables that do not coerce fail the operation before any call: execution says why.
  if (coerced.errors) return { estimatedCalls: 0, bounds: [], plan: [] };
  const walk: Walk = {
    schema,
    fragments,
    variables: coerced.coerced ?? {},
    calls: new Map(),
    bounds: new Set(),
    rights,
    plan: new Map(),
  };
  // A subscription's fields cost per event: the calls one poll makes.
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const top = { parents: 1, sources: 0, path: '', parentField: '', parentArgs: {}, sourcesPath: null };
  if (root) visit(walk, root, operation.selectionSet, top);
  let estimatedCalls = 0;
  for (const calls of walk.calls.values()) estimatedCalls += calls;
  return { estimatedCalls, bounds: [...walk.bounds], plan: planOf(walk, operation.operation) };
}

/**
 * A query's calls that can start with the root's: the one sources list whenever a field will
 * read it, unless a root list of sources is selected (its page primes the sources that fields
 * read, so the list may never be needed), and what the cost functions planned. A write's
 * reads wait for the write.
 */
function planOf(walk: Walk, operation: string): PlannedCall[] {
  if (operation !== 'query') return [];
  const keys = [...walk.calls.keys()];
  const listsSources = keys.some((key) => key.startsWith('sources@'));
  const plan = [...walk.plan.values()];
  if (walk.calls.has(ALL_SOURCES_CALL) && !listsSources) plan.unshift({ kind: 'all-sources' });
  return plan;
}

interface Level {
  parents: number;
  sources: number;
  path: string;
  parentField: string;
  parentArgs: Record<string, unknown>;
  sourcesPath: string | null;
}

function visit(walk: Walk, type: GraphQLObjectType, selectionSet: SelectionSetNode, level: Level): void {
  const sourcesPath = type.name === SOURCE_TYPENAME ? level.path : level.sourcesPath;
  for (const [responseKey, nodes] of collectFields(walk, type, selectionSet)) {
    const field = type.getFields()[nodes[0].name.value];
    if (!field) continue;
    const cost = field.extensions?.cost as CostFunction | undefined;
    const args = argumentsOf(field, nodes[0], walk.variables);
    const input: CostInput = {
      args,
      parentArgs: level.parentArgs,
      parents: level.parents,
      sources: level.sources,
      path: level.path,
      parentField: level.parentField,
      selects: (path) => selectsPath(walk, getNamedType(field.type), nodes, path),
      selectsOnly: (fields) =>
        childNames(walk, getNamedType(field.type), nodes).every((name) => fields.has(name)),
      rights: walk.rights,
      sourcesPath,
    };
    const result = cost?.(input) ?? {};
    for (const [key, calls] of Object.entries(result.calls ?? {})) {
      if (calls > 0) walk.calls.set(key, Math.max(walk.calls.get(key) ?? 0, calls));
    }
    if (result.bounds) walk.bounds.add(result.bounds);
    for (const call of result.plan ?? []) walk.plan.set(JSON.stringify(call), call);
    const named = getNamedType(field.type);
    const child = {
      sources: result.sources ?? level.sources,
      path: `${level.path}/${responseKey}`,
      // Edges and nodes pass through: a node's parent is the list that read it.
      parentField: cost ? `${type.name}.${field.name}` : level.parentField,
      parentArgs: cost ? args : level.parentArgs,
      // Below a field that reads anew the owners are unknown, unless its items are the sources' own.
      sourcesPath: !cost || result.ofParentSources ? sourcesPath : null,
    };
    const items = result.items ?? level.parents;
    for (const node of nodes) {
      if (!node.selectionSet) continue;
      if (isObjectType(named)) {
        visit(walk, named, node.selectionSet, { ...child, parents: typeof items === 'number' ? items : 0 });
      } else if (isAbstractType(named)) {
        for (const possible of walk.schema.getPossibleTypes(named)) {
          const count = typeof items === 'number' ? items : (items[possible.name] ?? 0);
          if (count > 0) visit(walk, possible, node.selectionSet, { ...child, parents: count });
        }
      }
    }
  }
}

/** The field's arguments; an argument that does not coerce fails the field before it calls: none then. */
function argumentsOf(
  field: Parameters<typeof getArgumentValues>[0],
  node: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

/** Fields by response key, as execution collects them for `type`. */
function collectFields(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  into = new Map<string, FieldNode[]>(),
  seen = new Set<string>(),
): Map<string, FieldNode[]> {
  for (const selection of selectionSet.selections) {
    if (!included(walk, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (appliesTo(walk, type, selection.typeCondition?.name.value)) {
        collectFields(walk, type, selection.selectionSet, into, seen);
      }
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (seen.has(name) || !fragment) continue;
      seen.add(name);
      if (appliesTo(walk, type, fragment.typeCondition.name.value)) {
        collectFields(walk, type, fragment.selectionSet, into, seen);
      }
    }
  }
  return into;
}

function included(walk: Walk, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.if !== false;
}

function appliesTo(walk: Walk, type: GraphQLObjectType, condition: string | undefined): boolean {
  if (!condition || condition === type.name) return true;
  const conditionType = typeFromAST(walk.schema, {
    kind: Kind.NAMED_TYPE,
    name: { kind: Kind.NAME, value: condition },
  });
  return !!conditionType && isAbstractType(conditionType) && walk.schema.isSubType(conditionType, type);
}

/** The names of the fields selected under `nodes`, on every possible type. */
function childNames(
  walk: Walk,
  type: ReturnType<typeof getNamedType>,
  nodes: readonly FieldNode[],
): string[] {
  const types = isObjectType(type) ? [type] : isAbstractType(type) ? walk.schema.getPossibleTypes(type) : [];
  const names: string[] = [];
  for (const objectType of types) {
    for (const node of nodes) {
      if (!node.selectionSet) continue;
      for (const children of collectFields(walk, objectType, node.selectionSet).values()) {
        names.push(children[0].name.value);
      }
    }
  }
  return names;
}

/** Whether the selection of `nodes` (of `type`) reaches `path`, on any possible type. */
function selectsPath(
  walk: Walk,
  type: ReturnType<typeof getNamedType>,
  nodes: readonly FieldNode[],
  path: readonly string[],
): boolean {
  if (path.length === 0) return true;
  const types = isObjectType(type) ? [type] : isAbstractType(type) ? walk.schema.getPossibleTypes(type) : [];
  for (const objectType of types) {
    for (const node of nodes) {
      if (!node.selectionSet) continue;
      for (const children of collectFields(walk, objectType, node.selectionSet).values()) {
        if (children[0].name.value !== path[0]) continue;
        const field = objectType.getFields()[path[0]];
        if (field && selectsPath(walk, getNamedType(field.type), children, path.slice(1))) return true;
      }
    }
  }
  return false;
}
