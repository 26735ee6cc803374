/**
 * Typed failures of the upstream (ISC) API. One base class with a stable `code` (the GraphQL
 * `extensions.code` the gateway reports) and the HTTP `status`, one subclass per kind.
 * No error ever carries a request header or a token: messages are scrubbed on the way in.
 */

/**
 * The stable codes of the gateway's errors: GraphQL `extensions.code`, the `code` of the export
 * routes' JSON errors, and `UpstreamError.code`. Written here once; everything else imports them.
 */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  LimitExceeded: 'LIMIT_EXCEEDED',
  RateLimited: 'RATE_LIMITED',
  UpstreamUnavailable: 'UPSTREAM_UNAVAILABLE',
  OutcomeUnknown: 'OUTCOME_UNKNOWN',
  UpstreamError: 'UPSTREAM_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The stable number at the head of ISC's `detailCode` (`400.1.409 Reference conflict`). */
export const DetailNumber = {
  ReferenceConflict: '400.1.409',
  LimitViolation: '400.1.4',
  /** An id in the body names nothing. */
  ReferenceNotFound: '400.1.404',
} as const;

/** `400.1.409 Reference conflict` -> `400.1.409`; null when there is no detail code. */
export const detailNumberOf = (detailCode: string | null | undefined): string | null =>
  detailCode?.trim().split(/\s+/)[0] || null;

/** Codes only typed mutation results carry (the upstream says BAD_USER_INPUT, the result VALIDATION_FAILED). */
export const ResultCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Error: 'ERROR',
  /** The token has no user (an API client) and the field needs one; found before any call. */
  UserContextRequired: 'USER_CONTEXT_REQUIRED',
} as const;

export type UpstreamErrorCode = ErrorCode;

export interface UpstreamErrorDetails {
  /** HTTP status of the answer; 0 when none came (timeout, reset, refused). */
  status: number;
  /** ISC's `detailCode`, e.g. `400.1.409 Reference conflict`. */
  detailCode?: string | null;
  trackingId?: string | null;
  /** The texts of ISC's `messages` (and `causes`), already scrubbed of tokens. */
  messages?: readonly string[];
  /** The texts of ISC's `causes` alone (a bulk upload's: one per bad line), scrubbed of tokens. */
  causes?: readonly string[];
  /**
   * The input fields ISC's messages name, in the order they are named (`email`, `data.badge`
   * as `["data", "badge"]`, `approvers[0]` as `["approvers", "0"]`).
   */
  fieldPaths?: readonly (readonly string[])[];
  /** `METHOD /path` of the call, without query string or headers. */
  request?: string;
  cause?: unknown;
}

export class UpstreamError extends Error {
  readonly code: UpstreamErrorCode = ErrorCode.UpstreamError;
  readonly status: number;
  readonly detailCode: string | null;
  /** The stable head of `detailCode` (`400.1.409`); null when ISC sent none. */
  readonly detailNumber: string | null;
  readonly trackingId: string | null;
  readonly messages: readonly string[];
  readonly causes: readonly string[];
  readonly fieldPaths: readonly (readonly string[])[];
  readonly request: string | null;
  /** Seconds to wait before trying again, from `Retry-After`; null when not rate limited or not said. */
  readonly retryAfterSeconds: number | null = null;

  constructor(message: string, details: UpstreamErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'UpstreamError';
    this.status = details.status;
    this.detailCode = details.detailCode ?? null;
    this.detailNumber = detailNumberOf(this.detailCode);
    this.trackingId = details.trackingId ?? null;
    this.messages = details.messages ?? [];
    this.causes = details.causes ?? [];
    this.fieldPaths = details.fieldPaths ?? [];
    this.request = details.request ?? null;
  }
}

export class UpstreamBadRequestError extends UpstreamError {
  override readonly code = ErrorCode.BadUserInput;
  override name = 'UpstreamBadRequestError';
}

export class UpstreamUnauthenticatedError extends UpstreamError {
  override readonly code = ErrorCode.Unauthenticated;
  override name = 'UpstreamUnauthenticatedError';
}

export class UpstreamForbiddenError extends UpstreamError {
  override readonly code = ErrorCode.Forbidden;
  override name = 'UpstreamForbiddenError';
}

export class UpstreamNotFoundError extends UpstreamError {
  override readonly code = ErrorCode.NotFound;
  override name = 'UpstreamNotFoundError';
}

/** `400.1.409 Reference conflict`, e.g. a duplicate technical name. */
export class UpstreamConflictError extends UpstreamError {
  override readonly code = ErrorCode.Conflict;
  override name = 'UpstreamConflictError';
}

/** `400.1.4 Limit violation`, e.g. an 11th custom schema attribute or a 51st source. */
export class UpstreamLimitExceededError extends UpstreamError {
  override readonly code = ErrorCode.LimitExceeded;
  override name = 'UpstreamLimitExceededError';
}

export class UpstreamRateLimitedError extends UpstreamError {
  override readonly code = ErrorCode.RateLimited;
  override name = 'UpstreamRateLimitedError';
  override readonly retryAfterSeconds: number | null;

  constructor(message: string, details: UpstreamErrorDetails & { retryAfterSeconds: number | null }) {
    super(message, details);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** 5xx, timeouts, refused or reset connections (after the retries reads get). */
export class UpstreamUnavailableError extends UpstreamError {
  override readonly code = ErrorCode.UpstreamUnavailable;
  override name = 'UpstreamUnavailableError';
}

/** A write that may have reached the upstream but got no answer: read its state before retrying. */
export class UpstreamOutcomeUnknownError extends UpstreamError {
  override readonly code = ErrorCode.OutcomeUnknown;
  override name = 'UpstreamOutcomeUnknownError';
}

export const isUpstreamError = (error: unknown): error is UpstreamError => error instanceof UpstreamError;
