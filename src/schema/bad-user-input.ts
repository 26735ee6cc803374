import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

/** The caller sent something unusable (id, cursor, page size): a readable error, never masked. */
export function createBadUserInputError(
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  // Yoga's factory: the same graphql instance as the executor, so the error is never mistaken for a crash.
  return createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...details } });
}

export function isBadUserInputError(error: unknown): error is GraphQLError {
  return error instanceof Error && (error as GraphQLError).extensions?.code === 'BAD_USER_INPUT';
}
