/** Who a token says it is: whether an identity acts through it, or only an API client. */
export type TokenKind = 'USER' | 'API_CLIENT' | 'UNKNOWN';

/** The claims of an ISC access token the gateway reads, decoded without verifying the signature. */
export interface TokenClaims {
  kind: TokenKind;
  identityId: string | null;
  userName: string | null;
  clientId: string | null;
  authorities: string[];
  scopes: string[];
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

/**
 * The payload of a JWT, read without verifying it: the upstream verifies the token on every call,
 * so this only answers questions that cost no call. A token that is not a JWT is UNKNOWN.
 */
export function decodeTokenClaims(token: string): TokenClaims {
  const payload = payloadOf(token);
  if (!payload) return UNKNOWN;
  const identityId = text(payload.identity_id);
  const exp = typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp : null;
  return {
    kind: identityId ? 'USER' : 'API_CLIENT',
    identityId,
    userName: text(payload.user_name),
    clientId: text(payload.client_id),
    authorities: texts(payload.authorities),
    scopes: texts(payload.scope),
    expiresAt: exp === null ? null : new Date(exp * 1000),
  };
}
