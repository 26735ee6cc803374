import { randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { OAuthTokenResponse } from '../../upstream/wire/common.ts';
import { unauthorized } from '../http/sandbox-error.ts';
import type { Caller } from '../http/types.ts';
import type { DemoClient, Identity } from '../seed/identities.ts';

export const SANDBOX_TENANT_ID = 'sandbox-tenant';

export interface TokenService {
  /** A token of `client`; a personal access token's acts as `identity`. */
  issue(client: DemoClient, identity: Identity | undefined): Promise<OAuthTokenResponse>;
  /** The caller behind an `Authorization` header, or a 401 SandboxError. */
  authenticate(authorization: string | undefined): Promise<Caller>;
}

/** Issues and checks HS256 bearer JWTs shaped like a tenant's, signed with a per-process secret. */
export function createTokenService(options: { ttlSeconds: number; now?: () => number }): TokenService {
  const secret = new Uint8Array(randomBytes(32));
  const nowSeconds = () => Math.floor((options.now?.() ?? Date.now()) / 1000);

  return {
    async issue(client, identity) {
      const jti = randomUUID();
      const iat = nowSeconds();
      const scope = client.scopes.join(' ');
      // An API client's token has no user: no identity_id or user_name claim.
      const user = identity ? { identity_id: identity.id, user_name: identity.alias } : {};
      const accessToken = await new SignJWT({
        tenant_id: SANDBOX_TENANT_ID,
        pod: 'sandbox',
        org: 'sandbox',
        ...user,
        strong_auth: false,
        authorities: [...client.rights],
        client_id: client.clientId,
        scope: [...client.scopes],
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
        ...(identity ? { identity_id: identity.id } : {}),
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
        const { identity_id: identityId, client_id: clientId, authorities, scope, jti } = payload;
        if (
          (identityId !== undefined && typeof identityId !== 'string') ||
          typeof clientId !== 'string' ||
          typeof jti !== 'string'
        ) {
          throw unauthorized('JWT validation failed: JWT is missing required claims');
        }
        const strings = (value: unknown) =>
          Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : [];
        return {
          identityId,
          clientId,
          rights: new Set(strings(authorities)),
          scopes: new Set(strings(scope)),
          tokenId: jti,
        };
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
