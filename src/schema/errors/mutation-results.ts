import {
  DetailNumber,
  ErrorCode,
  isUpstreamError,
  type UpstreamError,
  type UpstreamErrorCode,
} from '../../upstream/errors.ts';
import {
  type BaseError,
  ConflictError,
  ForbiddenError,
  LimitExceededError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from './error-classes.ts';

/** Where the input fields of a mutation sit (`["input"]`), and which fields it has. */
export interface InputShape {
  root: readonly string[];
  fields: readonly string[];
}

/** The input path of the first field ISC names that the mutation's input has; the input root otherwise. */
export function findInputPath(error: UpstreamError, shape: InputShape): string[] {
  const named = error.fieldPaths.find(([head]) => shape.fields.includes(head));
  return [...shape.root, ...(named ?? [])];
}

type ToResult = (error: UpstreamError, shape: InputShape) => BaseError;

/**
 * Code -> typed mutation result. Codes absent here (unauthenticated, unavailable, unknown)
 * stay GraphQL errors.
 */
const MUTATION_RESULTS: Partial<Record<UpstreamErrorCode, ToResult>> = {
  [ErrorCode.NotFound]: (error) => new NotFoundError(error.message, error.trackingId),
  [ErrorCode.Forbidden]: (error) => new ForbiddenError(error.message, error.trackingId),
  [ErrorCode.BadUserInput]: (error, shape) =>
    error.detailNumber === DetailNumber.ReferenceNotFound
      ? new NotFoundError(error.message, error.trackingId)
      : new ValidationError(error.message, findInputPath(error, shape), error.trackingId),
  [ErrorCode.Conflict]: (error) => new ConflictError(error.message, error.trackingId),
  [ErrorCode.LimitExceeded]: (error) => new LimitExceededError(error.message, error.trackingId),
  [ErrorCode.RateLimited]: (error) =>
    new RateLimitedError(error.message, error.retryAfterSeconds, error.trackingId),
};

/** The typed result for an upstream failure of a write, or null when it must stay a GraphQL error. */
export function toMutationFailure(error: unknown, shape: InputShape): BaseError | null {
  if (!isUpstreamError(error)) return null;
  const failure = MUTATION_RESULTS[error.code]?.(error, shape) ?? null;
  if (failure) failure.causes = error.causes;
  return failure;
}

/** Runs one upstream write; its expected failures become typed results, the rest stay errors. */
export async function runWrite<T>(shape: InputShape, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toMutationFailure(error, shape) ?? error;
  }
}
