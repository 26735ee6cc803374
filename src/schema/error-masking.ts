import type { GraphQLError, GraphQLErrorExtensions } from 'graphql';
import { createGraphQLError, maskError } from 'graphql-yoga';
import { isUpstreamError, UpstreamRateLimitedError } from '../upstream/errors.ts';
import { FilterCompileError } from '../upstream/filters.ts';

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
      ...(original instanceof UpstreamRateLimitedError ? { retryAfter: original.retryAfterSeconds } : {}),
    };
    return createGraphQLError(original.message, { ...where, extensions });
  }
  if (original instanceof FilterCompileError) {
    return createGraphQLError(original.message, { ...where, extensions: { code: 'BAD_USER_INPUT' } });
  }
  return null;
}

/** Yoga's `maskError`, extended: expected failures stay readable, anything unexpected is masked. */
export function maskGatewayError(error: unknown, message: string, isDev?: boolean): Error {
  return toReadableError(error) ?? maskError(error, message, isDev);
}

function isGraphQLErrorLike(error: unknown): error is GraphQLError {
  return typeof error === 'object' && error !== null && 'originalError' in error && 'path' in error;
}
