import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { ErrorCode } from '../../upstream/errors.ts';

/** The caller sent something unusable (id, cursor, page size): a readable error, never masked. */
export function createBadUserInputError(
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  // Yoga's factory: the same graphql instance as the executor, so the error is never mistaken for a crash.
  return createGraphQLError(message, { extensions: { code: ErrorCode.BadUserInput, ...details } });
}

export function isBadUserInputError(error: unknown): error is GraphQLError {
  return error instanceof Error && (error as GraphQLError).extensions?.code === ErrorCode.BadUserInput;
}
