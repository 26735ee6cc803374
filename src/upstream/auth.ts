/**
 * The gateway's own token (OAuth2 client credentials at `POST {baseUrl}/oauth/token`), used
 * only where a service account is configured and allowed. Cached until shortly before it
 * expires; concurrent callers share one refresh. Neither the secret nor the token is ever
 * put in an error or a log.
 */
import type { Dispatcher } from 'undici';
import { defaultOf, SETTINGS } from '../config-settings.ts';
import { createUpstreamErrorFromFailure, createUpstreamErrorFromResponse } from './error-response.ts';
import { UpstreamError } from './errors.ts';
import { redactSecrets } from './redact.ts';
import type { OAuthTokenResponse } from './wire/common.ts';

export interface ClientCredentialsOptions {
  /** Tenant API root, e.g. `https://acme.api.identitynow.com`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  dispatcher: Dispatcher;
  /** Refresh this long before `expires_in` runs out. @default as `UPSTREAM_TOKEN_REFRESH_MARGIN_SECONDS` */
  refreshMarginSeconds?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

export interface TokenProvider {
  /** A valid access token, fetched at most once at a time. */
  getToken(): Promise<string>;
  /** Drops the cached token (after a 401), so the next call fetches a new one. */
  invalidate(): void;
}

interface CachedToken {
  value: string;
  /** When to stop using it: expiry minus the margin. */
  refreshAt: number;
}

const TOKEN_CALL = 'POST /oauth/token';

export const createClientCredentialsTokenProvider = (options: ClientCredentialsOptions): TokenProvider => {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginSeconds ?? defaultOf(SETTINGS.upstream.tokenRefreshMarginSeconds);
  const base = new URL(options.baseUrl);
  const path = `${base.pathname.replace(/\/+$/, '')}/oauth/token`;
  const secrets = [options.clientSecret];
  let cached: CachedToken | null = null;
  let pending: Promise<CachedToken> | null = null;

  const fetchToken = async (): Promise<CachedToken> => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    });
    let answer: Dispatcher.ResponseData;
    try {
      answer = await options.dispatcher.request({
        origin: base.origin,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
      });
    } catch (error) {
      const failure = createUpstreamErrorFromFailure(error, TOKEN_CALL, secrets);
      if (failure) throw failure;
      const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
      throw new UpstreamError(`${TOKEN_CALL} failed: ${message}`, { status: 0, request: TOKEN_CALL });
    }
    const text = await answer.body.text();
    if (answer.statusCode !== 200) {
      throw createUpstreamErrorFromResponse({
        status: answer.statusCode,
        headers: answer.headers,
        body: text,
        request: TOKEN_CALL,
        secrets,
      });
    }
    let token: Partial<OAuthTokenResponse> = {};
    try {
      token = JSON.parse(text) as Partial<OAuthTokenResponse>;
    } catch {
      // Reported below as a token answer without a token.
    }
    if (typeof token.access_token !== 'string' || token.access_token === '') {
      throw new UpstreamError(`${TOKEN_CALL} answered without an access token`, {
        status: answer.statusCode,
        request: TOKEN_CALL,
      });
    }
    const lifetimeMs =
      (typeof token.expires_in === 'number' && token.expires_in > 0 ? token.expires_in : 0) * 1000;
    // A margin longer than half the lifetime would make every call refresh.
    const marginMs = Math.min(margin * 1000, lifetimeMs / 2);
    return { value: token.access_token, refreshAt: now() + lifetimeMs - marginMs };
  };

  return {
    async getToken() {
      if (cached && now() < cached.refreshAt) return cached.value;
      pending ??= fetchToken()
        .then((token) => {
          cached = token;
          return token;
        })
        .finally(() => {
          pending = null;
        });
      return (await pending).value;
    },
    invalidate() {
      cached = null;
    },
  };
};
