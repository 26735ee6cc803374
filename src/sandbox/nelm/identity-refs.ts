import { badRequest, SandboxError } from '../http/sandbox-error.ts';
import type { IdentityRegistry } from '../seed/identities.ts';

const BAD_CONTENT = '400.1 Bad Request Content';

export const referenceNotFound = (message: string) =>
  new SandboxError(400, '400.1.404 Referenced object not found', message);

/** `{ id }` → the id of a known identity; a 400 otherwise. */
export function identityId(value: unknown, field: string, identities: IdentityRegistry): string {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || !id.trim())
    throw badRequest(`Field '${field}' must be an object with an 'id'.`, BAD_CONTENT);
  if (!identities.byId(id)) throw referenceNotFound(`Identity '${id}' in '${field}' was not found.`);
  return id;
}

/** A list of `{ id }` identity references, distinct, known, at most `max`. */
export function identityIdList(
  value: unknown,
  field: string,
  max: number,
  identities: IdentityRegistry,
  onTooMany: (message: string) => Error,
): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`Field '${field}' must be an array.`, BAD_CONTENT);
  const ids = value.map((entry, i) => identityId(entry, `${field}[${i}]`, identities));
  if (new Set(ids).size !== ids.length)
    throw badRequest(`Field '${field}' lists an identity twice.`, BAD_CONTENT);
  if (ids.length > max) throw onTooMany(`A source can have at most ${max} ${field}; got ${ids.length}.`);
  return ids;
}
