import { badContent, referenceNotFound } from '../http/sandbox-error.ts';
import type { IdentityRegistry } from '../seed/identities.ts';

/** `{ id }` → the id of a known identity; a 400 otherwise. */
export function identityId(value: unknown, field: string, identities: IdentityRegistry): string {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || !id.trim())
    throw badContent(`Field '${field}' must be an object with an 'id'.`);
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
  if (!Array.isArray(value)) throw badContent(`Field '${field}' must be an array.`);
  const ids = value.map((entry, i) => identityId(entry, `${field}[${i}]`, identities));
  if (new Set(ids).size !== ids.length) throw badContent(`Field '${field}' lists an identity twice.`);
  if (ids.length > max) throw onTooMany(`A source can have at most ${max} ${field}; got ${ids.length}.`);
  return ids;
}
