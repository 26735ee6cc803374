import { decodeLookupNodeId } from '../node-lookups.ts';
import { ALL_SOURCES_CALL, type CostFunction, costsNothing, MAX_SOURCES } from './field-cost.ts';

/** A global id encodes its parent's type and id: no call. */
export const NODE_ID_EXTENSIONS = costsNothing('a global id encodes the parent');

/**
 * `node`/`nodes`: each global id names its type. Sources come from the one sources list, a
 * schema attribute from its source's list, the others are one get per distinct id. An id the
 * lookup refuses (BAD_USER_INPUT at its path) makes no call, so it counts none.
 */
export const nodesCost: CostFunction = (input) => {
  const raw = input.args.ids ?? [input.args.id];
  const ids = [...new Set((Array.isArray(raw) ? raw : [raw]).map(String))];
  const items: Record<string, number> = {};
  const calls: Record<string, number> = {};
  const attributeSources = new Set<string>();
  let looked = 0;
  for (const value of ids) {
    const decoded = decodeLookupNodeId(value);
    if (!decoded) continue;
    looked += 1;
    items[decoded.typename] = (items[decoded.typename] ?? 0) + 1;
    if (decoded.typename === 'NonEmployeeSource') calls[ALL_SOURCES_CALL] = 1;
    else if (decoded.typename === 'NonEmployeeSchemaAttribute')
      attributeSources.add(decoded.id.split(':')[0]);
    else
      calls[`node:${decoded.typename}@${input.path}`] =
        (calls[`node:${decoded.typename}@${input.path}`] ?? 0) + 1;
  }
  if (attributeSources.size > 0) calls[`schema-attributes@${input.path}`] = attributeSources.size;
  return { calls, items, sources: Math.min(looked, MAX_SOURCES) };
};
