import type { GraphQLError, GraphQLErrorExtensions } from 'graphql';
import { createGraphQLError, maskError } from 'graphql-yoga';
import { isUpstreamError, UpstreamRateLimitedError } from '../upstream/errors.ts';
import { FilterCompileError } from '../upstream/filters.ts';

/**
 * Yoga's `maskError`, extended: an upstream failure becomes a readable error with
 * `extensions: { code, trackingId, status }`; anything unexpected stays masked.
 */
export function maskGatewayError(error: unknown, message: string, isDev?: boolean): Error {
  const located = isGraphQLErrorLike(error) ? error : null;
  const original = located?.originalError ?? error;
  if (isUpstreamError(original)) {
    const extensions: GraphQLErrorExtensions = {
      code: original.code,
      trackingId: original.trackingId,
      ...(original.status > 0 ? { status: original.status } : {}),
      ...(original.detailCode ? { detailCode: original.detailCode } : {}),
      ...(original instanceof UpstreamRateLimitedError ? { retryAfter: original.retryAfterSeconds } : {}),
    };
    return createGraphQLError(original.message, {
      nodes: located?.nodes,
      source: located?.source,
      positions: located?.positions,
      path: located?.path,
      extensions,
    });
  }
  if (original instanceof FilterCompileError) {
    return createGraphQLError(original.message, {
      nodes: located?.nodes,
      path: located?.path,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return maskError(error, message, isDev);
}

function isGraphQLErrorLike(error: unknown): error is GraphQLError {
  return typeof error === 'object' && error !== null && 'originalError' in error && 'path' in error;
}
