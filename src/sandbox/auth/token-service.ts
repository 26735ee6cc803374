import { randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { OAuthTokenResponse } from '../../upstream/wire/common.ts';
import { unauthorized } from '../http/sandbox-error.ts';
import type { Caller } from '../http/types.ts';
import type { Identity } from '../seed/identities.ts';

export const SANDBOX_TENANT_ID = 'sandbox-tenant';

export interface TokenService {
  issue(identity: Identity, clientId: string): Promise<OAuthTokenResponse>;
  /** The caller behind an `Authorization` header, or a 401 SandboxError. */
  authenticate(authorization: string | undefined): Promise<Caller>;
}

/** Issues and checks HS256 bearer JWTs shaped like a tenant's, signed with a per-process secret. */
export function createTokenService(options: { ttlSeconds: number; now?: () => number }): TokenService {
  const secret = new Uint8Array(randomBytes(32));
  const nowSeconds = () => Math.floor((options.now?.() ?? Date.now()) / 1000);

  return {
    async issue(identity, clientId) {
      const jti = randomUUID();
      const iat = nowSeconds();
      const scope = 'sp:scopes:all';
      const accessToken = await new SignJWT({
        tenant_id: SANDBOX_TENANT_ID,
        pod: 'sandbox',
        org: 'sandbox',
        identity_id: identity.id,
        user_name: identity.alias,
        strong_auth: false,
        authorities: [...identity.rights],
        client_id: clientId,
        scope: [scope],
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt(iat)
        .setExpirationTime(iat + options.ttlSeconds)
        .setJti(jti)
        .sign(secret);
      return {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: options.ttlSeconds,
        scope,
        tenant_id: SANDBOX_TENANT_ID,
        identity_id: identity.id,
        jti,
      };
    },

    async authenticate(authorization) {
      const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
      if (!match) throw unauthorized('JWT validation failed: JWT is missing');
      try {
        const { payload } = await jwtVerify(match[1], secret, {
          algorithms: ['HS256'],
          currentDate: new Date(nowSeconds() * 1000),
        });
        const { identity_id: identityId, client_id: clientId, authorities, jti } = payload;
        if (typeof identityId !== 'string' || typeof clientId !== 'string' || typeof jti !== 'string') {
          throw unauthorized('JWT validation failed: JWT is missing required claims');
        }
        const rights = Array.isArray(authorities) ? authorities.filter((a) => typeof a === 'string') : [];
        return { identityId, clientId, rights: new Set(rights), tokenId: jti };
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw unauthorized('JWT validation failed: JWT is expired');
        if (error instanceof errors.JWSSignatureVerificationFailed) {
          throw unauthorized('JWT validation failed: JWT signature does not match');
        }
        if (error instanceof errors.JOSEError) throw unauthorized('JWT validation failed: JWT is malformed');
        throw error;
      }
    },
  };
}
