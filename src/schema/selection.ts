import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected at `path` below the current field (e.g. `['edges', 'node']`),
 * through fragments and inline fragments, so a resolver asks upstream only for what the query uses.
 */
export function selectedFieldNames(
  info: GraphQLResolveInfo,
  path: readonly string[] = [],
): ReadonlySet<string> {
  // Every item of a list shares its field nodes: the walk is made once per field and path.
  let byPath = walked.get(info.fieldNodes);
  if (!byPath) {
    byPath = new Map();
    walked.set(info.fieldNodes, byPath);
  }
  const key = path.join('.');
  let names = byPath.get(key);
  if (!names) {
    names = walk(info, path);
    byPath.set(key, names);
  }
  return names;
}

const walked = new WeakMap<GraphQLResolveInfo['fieldNodes'], Map<string, ReadonlySet<string>>>();

function walk(info: GraphQLResolveInfo, path: readonly string[]): ReadonlySet<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, rest: readonly string[]) => {
    if (!set) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (rest.length === 0) names.add(selection.name.value);
        else if (selection.name.value === rest[0]) visit(selection.selectionSet, rest.slice(1));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, rest);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet, rest);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, path);
  return names;
}

/** Whether the selection reaches `path`, e.g. `['totalCount']` or `['edges', 'node', 'nonEmployeeCount']`. */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  if (path.length === 0) return true;
  return selectedFieldNames(info, path.slice(0, -1)).has(path[path.length - 1]);
}

/** Whether every field selected at `path` is one of `fields`. */
export function selectsOnly(
  info: GraphQLResolveInfo,
  fields: ReadonlySet<string>,
  path: readonly string[] = [],
) {
  for (const name of selectedFieldNames(info, path)) if (!fields.has(name)) return false;
  return true;
}
