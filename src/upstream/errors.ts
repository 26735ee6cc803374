/**
 * Typed failures of the upstream (ISC) API. One base class with a stable `code` (the GraphQL
 * `extensions.code` the gateway reports) and the HTTP `status`, one subclass per kind.
 * No error ever carries a request header or a token: messages are scrubbed on the way in.
 */

export type UpstreamErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LIMIT_EXCEEDED'
  | 'RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_ERROR';

export interface UpstreamErrorDetails {
  /** HTTP status of the answer; 0 when none came (timeout, reset, refused). */
  status: number;
  /** ISC's `detailCode`, e.g. `400.1.409 Reference conflict`. */
  detailCode?: string | null;
  trackingId?: string | null;
  /** The texts of ISC's `messages` (and `causes`), already scrubbed of tokens. */
  messages?: readonly string[];
  /** `METHOD /path` of the call, without query string or headers. */
  request?: string;
  cause?: unknown;
}

export class UpstreamError extends Error {
  readonly code: UpstreamErrorCode = 'UPSTREAM_ERROR';
  readonly status: number;
  readonly detailCode: string | null;
  readonly trackingId: string | null;
  readonly messages: readonly string[];
  readonly request: string | null;

  constructor(message: string, details: UpstreamErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'UpstreamError';
    this.status = details.status;
    this.detailCode = details.detailCode ?? null;
    this.trackingId = details.trackingId ?? null;
    this.messages = details.messages ?? [];
    this.request = details.request ?? null;
  }
}

export class UpstreamBadRequestError extends UpstreamError {
  override readonly code = 'BAD_USER_INPUT';
  override name = 'UpstreamBadRequestError';
}

export class UpstreamUnauthenticatedError extends UpstreamError {
  override readonly code = 'UNAUTHENTICATED';
  override name = 'UpstreamUnauthenticatedError';
}

export class UpstreamForbiddenError extends UpstreamError {
  override readonly code = 'FORBIDDEN';
  override name = 'UpstreamForbiddenError';
}

export class UpstreamNotFoundError extends UpstreamError {
  override readonly code = 'NOT_FOUND';
  override name = 'UpstreamNotFoundError';
}

/** `400.1.409 Reference conflict`, e.g. a duplicate technical name. */
export class UpstreamConflictError extends UpstreamError {
  override readonly code = 'CONFLICT';
  override name = 'UpstreamConflictError';
}

/** `400.1.4 Limit violation`, e.g. an 11th custom schema attribute or a 51st source. */
export class UpstreamLimitExceededError extends UpstreamError {
  override readonly code = 'LIMIT_EXCEEDED';
  override name = 'UpstreamLimitExceededError';
}

export class UpstreamRateLimitedError extends UpstreamError {
  override readonly code = 'RATE_LIMITED';
  override name = 'UpstreamRateLimitedError';
  /** From `Retry-After`; null when the answer did not say. */
  readonly retryAfterSeconds: number | null;

  constructor(message: string, details: UpstreamErrorDetails & { retryAfterSeconds: number | null }) {
    super(message, details);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** 5xx, timeouts, refused or reset connections (after the retries reads get). */
export class UpstreamUnavailableError extends UpstreamError {
  override readonly code = 'UPSTREAM_UNAVAILABLE';
  override name = 'UpstreamUnavailableError';
}

export const isUpstreamError = (error: unknown): error is UpstreamError => error instanceof UpstreamError;
