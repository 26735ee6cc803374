import { createHash } from 'node:crypto';

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The `client_id` claim of a JWT, read without verifying it (the upstream verifies; this only counts). */
export function clientIdOf(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    const clientId = (claims as { client_id?: unknown } | null)?.client_id;
    return typeof clientId === 'string' && clientId !== '' ? clientId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the throttle counts under: ISC limits each `client_id`, so every token of one client shares
 * a key. A token that is not a JWT counts on its own. Only hashes are kept, never a token.
 */
export function throttleKeyOf(token: string): string {
  const clientId = clientIdOf(token);
  return clientId === undefined ? `token:${hash(token)}` : `client:${hash(clientId)}`;
}
