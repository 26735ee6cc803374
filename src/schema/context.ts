import type { Loaders } from '../loaders/index.ts';
import type { UpstreamApi } from '../upstream/api.ts';
import type { CallMeter } from '../upstream/metered-throttle.ts';
import type { TokenClaims } from '../upstream/token-claims.ts';

/**
 * Who the upstream calls of this request act as: the caller's own bearer token, the gateway's
 * service account (where configured and allowed), or nobody (every upstream field fails
 * UNAUTHENTICATED).
 */
export interface CallerInfo {
  kind: 'bearer' | 'service' | 'anonymous';
  /** The claims of the token the calls use, decoded without verifying (UNKNOWN for anonymous). */
  claims(): Promise<TokenClaims>;
}

/** Created per GraphQL request; nothing in it outlives the request or is shared with another. */
export interface GatewayContext {
  api: UpstreamApi;
  loaders: Loaders;
  caller: CallerInfo;
  /** What this request has spent upstream so far. */
  meter: CallMeter;
  /** The token its calls go with, for a look at its client's window; null without one. */
  throttleToken(): Promise<string | null>;
}
