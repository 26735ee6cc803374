import { createHash } from 'node:crypto';

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The claims of a JWT, read without verifying it (the upstream verifies; these only count and key). */
function claimsOf(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return claims !== null && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const claim = (claims: Record<string, unknown> | undefined, name: string): string | undefined => {
  const value = claims?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The `client_id` claim of a JWT. */
export function clientIdOf(token: string): string | undefined {
  return claim(claimsOf(token), 'client_id');
}

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
  const claims = claimsOf(token);
  const clientId = claim(claims, 'client_id');
  if (clientId === undefined) return `token:${hash(token)}`;
  return `principal:${hash(`${clientId}\u0000${claim(claims, 'identity_id') ?? ''}`)}`;
}
