import { createHash } from 'node:crypto';
import { decodeTokenClaims } from './token-claims.ts';

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The `client_id` claim of a JWT, read without verifying it (the upstream verifies; this only counts). */
export const clientIdOf = (token: string): string | undefined =>
  decodeTokenClaims(token).clientId ?? undefined;
/**
 * What the throttle counts under: ISC limits each `client_id`, so every token of one client shares
 * a key. A token that is not a JWT counts on its own. Only hashes are kept, never a token.
 */
export function throttleKeyOf(token: string): string {
  const clientId = clientIdOf(token);
  return clientId === undefined ? `token:${hash(token)}` : `client:${hash(clientId)}`;
}

/**
 * Who a cached read belongs to: ISC answers by the caller's rights, so the client and the identity
 * of a JWT (a token that is not one, by itself), hashed.
 */
export function principalKeyOf(token: string): string {
  const { clientId, identityId } = decodeTokenClaims(token);
  if (!clientId) return `token:${hash(token)}`;
  return `principal:${hash(`${clientId}\u0000${identityId ?? ''}`)}`;
}
