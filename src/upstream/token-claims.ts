/** Who a token says it is: whether an identity acts through it, or only an API client. */
export type TokenKind = 'USER' | 'API_CLIENT' | 'UNKNOWN';

/** The claims of an ISC access token the gateway reads, decoded without verifying the signature. */
export interface TokenClaims {
  kind: TokenKind;
  identityId: string | null;
  userName: string | null;
  clientId: string | null;
  authorities: readonly string[];
  scopes: readonly string[];
  /** `exp`, when present. */
  expiresAt: Date | null;
}

const UNKNOWN: TokenClaims = {
  kind: 'UNKNOWN',
  identityId: null,
  userName: null,
  clientId: null,
  authorities: [],
  scopes: [],
  expiresAt: null,
};

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const texts = (value: unknown): string[] => {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

function payloadOf(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The claims of the tokens seen last: a client sends the same token for its token's life. */
const recent = new Map<string, TokenClaims>();
const RECENT_TOKENS = 256;

/**
 * The payload of a JWT, read without verifying it: the upstream verifies the token on every call,
 * so this only answers questions that cost no call. A token that is not a JWT is UNKNOWN.
 * Kept for the tokens seen last, frozen: they hold only what the token itself says.
 */
export function decodeTokenClaims(token: string): TokenClaims {
  const known = recent.get(token);
  if (known) return known;
  const claims = Object.freeze(readClaims(token));
  if (recent.size >= RECENT_TOKENS) recent.delete(recent.keys().next().value as string);
  recent.set(token, claims);
  return claims;
}

function readClaims(token: string): TokenClaims {
  const payload = payloadOf(token);
  if (!payload) return UNKNOWN;
  const identityId = text(payload.identity_id);
  const exp = typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp : null;
  return {
    kind: identityId ? 'USER' : 'API_CLIENT',
    identityId,
    userName: text(payload.user_name),
    clientId: text(payload.client_id),
    authorities: Object.freeze(texts(payload.authorities)),
    scopes: Object.freeze(texts(payload.scope)),
    expiresAt: exp === null ? null : new Date(exp * 1000),
  };
}
