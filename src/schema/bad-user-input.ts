import { GraphQLError } from 'graphql';

/** The caller sent something unusable (id, cursor, page size): a readable error, never masked. */
export function createBadUserInputError(
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...details } });
}

export function isBadUserInputError(error: unknown): error is GraphQLError {
  return error instanceof Error && (error as GraphQLError).extensions?.code === 'BAD_USER_INPUT';
}
