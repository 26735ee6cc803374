import type { GraphQLError } from 'graphql';
import { createBadUserInputError } from './errors/bad-user-input.ts';
import { type DecodedNodeId, tryDecodeNodeId } from './ids.ts';
import { isIscId } from './input-bounds.ts';

/**
 * `node` and `nodes` treat every string alike, as GitHub's API does: one that cannot be a global id
 * of ours (not base64 of `<Type>:<ISC id>`, "" included) is a BAD_USER_INPUT error at its own path,
 * so `nodes` still answers its other ids; a well-formed id of nothing is null without an error.
 */
const INVALID = '';

/** The id `node` and `nodes` look up, or null for a string they refuse (the cost estimate counts only these). */
export function decodeLookupNodeId(value: string): DecodedNodeId | null {
  const decoded = tryDecodeNodeId(value);
  // A global id carries ISC ids (a schema attribute's joins its source's and its own).
  return decoded?.id.split(/[:/]/).every(isIscId) ? decoded : null;
}

/** The relay plugin's `decodeGlobalID`: never throws, so `nodes` can answer each id on its own. */
export function decodeNodeIdOrMark(value: string): DecodedNodeId {
  return decodeLookupNodeId(value) ?? { typename: INVALID, id: value };
}

function invalidNodeIdError(id: DecodedNodeId | null): GraphQLError | null {
  if (id === null || id.typename !== INVALID) return null;
  const shown = id.id.length > 80 ? `${id.id.slice(0, 77)}...` : id.id;
  return createBadUserInputError(
    `"${shown}" is not a valid node id (a global id, as an \`id\` field gives it).`,
    {
      argumentName: 'id',
    },
  );
}

/** `node(id)`: the plugin's resolution, after refusing an id that cannot be one. */
export function resolveNodeLookup<T>(id: DecodedNodeId, resolveNode: () => T): T {
  const error = invalidNodeIdError(id);
  if (error) throw error;
  return resolveNode();
}

/**
 * `nodes(ids)`: the plugin resolves the well-formed ids (it skips null slots, so the bad ones are
 * blanked in the list it reads) and each bad id answers its own error, which GraphQL nulls in place.
 */
export async function resolveNodeListLookup(
  ids: (DecodedNodeId | null)[],
  resolveNodes: () => Promise<unknown[]>,
): Promise<unknown[]> {
  const errors = ids.map(invalidNodeIdError);
  errors.forEach((error, index) => {
    if (error) ids[index] = null;
  });
  const nodes = await resolveNodes();
  return nodes.map((node, index) => errors[index] ?? node);
}
