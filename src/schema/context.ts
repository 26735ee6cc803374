import type { Loaders } from '../loaders/index.ts';
import type { UpstreamApi } from '../upstream/api.ts';
import type { CallMeter } from '../upstream/metered-throttle.ts';
import type { TokenClaims } from '../upstream/token-claims.ts';
import type { SharedPoller } from './live/shared-poller.ts';
import type { SubscriptionLimits } from './live/subscription-limits.ts';

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
  /** What subscriptions need; shared by the gateway's requests, never their data. */
  live: LiveContext;
  /** Stops the request's upstream calls once a failed field has nulled its whole answer. */
  abandon(): void;
}

export interface LiveContext {
  /** One poll per principal and subject, shared by its subscribers. */
  poller: SharedPoller;
  limits: SubscriptionLimits;
  /** The request's API client without the per-request call budget or the read cache: polls read fresh. */
  api(): UpstreamApi;
  /** Aborts when the client leaves, at the subscription's longest duration, and once it is answered. */
  signal: AbortSignal;
  /** The client connection the request came on (null in process), for the per-connection limit. */
  connection: object | null;
}
