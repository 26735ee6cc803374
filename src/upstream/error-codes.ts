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
} as const;
