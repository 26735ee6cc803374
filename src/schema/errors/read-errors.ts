import type { GraphQLError, GraphQLErrorExtensions } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { ErrorCode, isUpstreamError, type UpstreamErrorCode } from '../../upstream/errors.ts';
import { FilterCompileError } from '../../upstream/filters.ts';

export interface ReadErrorKind {
  /** The HTTP status a plain-HTTP route (the CSV exports) answers for this code. */
  httpStatus: number;
  /** Logged once as an upstream outage, not only reported to the caller. */
  outage: boolean;
}

/** Code -> how a failed read is reported: GraphQL errors carry the code, HTTP routes this status. */
export const READ_ERRORS: Record<UpstreamErrorCode, ReadErrorKind> = {
  [ErrorCode.BadUserInput]: { httpStatus: 400, outage: false },
  [ErrorCode.Unauthenticated]: { httpStatus: 401, outage: false },
  [ErrorCode.Forbidden]: { httpStatus: 403, outage: false },
  [ErrorCode.NotFound]: { httpStatus: 404, outage: false },
  [ErrorCode.Conflict]: { httpStatus: 409, outage: false },
  [ErrorCode.LimitExceeded]: { httpStatus: 400, outage: false },
  [ErrorCode.RateLimited]: { httpStatus: 429, outage: false },
  [ErrorCode.UpstreamUnavailable]: { httpStatus: 502, outage: true },
  [ErrorCode.OutcomeUnknown]: { httpStatus: 502, outage: true },
  [ErrorCode.UpstreamError]: { httpStatus: 502, outage: true },
};

/**
 * An expected failure (upstream answer, refused filter) as a readable GraphQL error with
 * `extensions: { code, trackingId, status }`, keeping the location of the field that failed;
 * null for anything else.
 */
export function toReadableError(error: unknown): GraphQLError | null {
  const located = isGraphQLErrorLike(error) ? error : null;
  const original = located?.originalError ?? error;
  const where = {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
  };
  if (isUpstreamError(original)) {
    const extensions: GraphQLErrorExtensions = {
      code: original.code,
      trackingId: original.trackingId,
      ...(original.status > 0 ? { status: original.status } : {}),
      ...(original.detailCode ? { detailCode: original.detailCode } : {}),
      ...(original.causes.length > 0 ? { causes: original.causes } : {}),
      ...(original.code === ErrorCode.RateLimited ? { retryAfter: original.retryAfterSeconds } : {}),
    };
    return createGraphQLError(original.message, { ...where, extensions });
  }
  if (original instanceof FilterCompileError) {
    return createGraphQLError(original.message, { ...where, extensions: { code: original.code } });
  }
  return null;
}

function isGraphQLErrorLike(error: unknown): error is GraphQLError {
  return typeof error === 'object' && error !== null && 'originalError' in error && 'path' in error;
}
