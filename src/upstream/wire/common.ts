/** Wire shapes shared by every ISC API. */

/** The versions a tenant serves the NELM paths under; accounts answer under v3 and beta. */
export const API_VERSIONS = ['v3', 'beta', 'v2024', 'v2025'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export type LocaleOrigin = 'DEFAULT' | 'REQUEST' | null;

export interface ErrorMessageDto {
  locale?: string | null;
  localeOrigin?: LocaleOrigin;
  text?: string;
}

/** The body of 400/403/404/429/500 answers. */
export interface ErrorResponseDto {
  detailCode?: string;
  trackingId?: string;
  messages?: ErrorMessageDto[];
  causes?: ErrorMessageDto[];
}

/** The body of a 401 answer. */
export interface UnauthorizedBody {
  error: string;
}

/** One RFC 6902 operation. */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  from?: string;
  value?: unknown;
}

/** `POST /oauth/token` answer. */
export interface OAuthTokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  scope?: string;
  tenant_id?: string;
  identity_id?: string;
  jti?: string;
}
