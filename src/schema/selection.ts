import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Whether the current field's selection reaches `path` (e.g. `['totalCount']` or
 * `['edges', 'node', 'nonEmployeeCount']`), through fragments and inline fragments, so a
 * resolver asks upstream for costly extras only when the query uses them.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => reaches(node.selectionSet, path, info));
}

function reaches(
  set: SelectionSetNode | undefined,
  path: readonly string[],
  info: GraphQLResolveInfo,
): boolean {
  if (!set) return false;
  if (path.length === 0) return true;
  const [head, ...rest] = path;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (
        selection.name.value === head &&
        (rest.length === 0 || reaches(selection.selectionSet, rest, info))
      ) {
        return true;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (reaches(selection.selectionSet, path, info)) return true;
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment && reaches(fragment.selectionSet, path, info)) return true;
    }
  }
  return false;
}
