import type { GraphQLError } from 'graphql';
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
  OutcomeUnknownError,
  RateLimitedError,
  UpstreamUnavailableError,
  ValidationError,
} from './error-classes.ts';

/** Where the input fields of a mutation sit (`["input"]`), and which fields it has. */
export interface InputShape {
  root: readonly string[];
  fields: readonly string[];
  /** What to read when a write's outcome is unknown, e.g. `nonEmployeeRecord(id)`. */
  readBeforeRetry?: string;
}

/** Global ids of the objects a write touches, for `OutcomeUnknownError.nodeIds`. */
export type OutcomeCheck = readonly string[];

const DEFAULT_READ = 'the object the write changes, or the list it adds to';

/** The input path of the first field ISC names that the mutation's input has; the input root otherwise. */
export function findInputPath(error: UpstreamError, shape: InputShape): string[] {
  const named = error.fieldPaths.find(([head]) => shape.fields.includes(head));
  return [...shape.root, ...(named ?? [])];
}

type ToResult = (error: UpstreamError, shape: InputShape, check: OutcomeCheck) => BaseError;

/** Code -> typed mutation result. Codes absent here (unauthenticated, unknown) stay GraphQL errors. */
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
  [ErrorCode.UpstreamUnavailable]: (error) => new UpstreamUnavailableError(error.message, error.trackingId),
  [ErrorCode.OutcomeUnknown]: (error, shape, check) =>
    new OutcomeUnknownError(error.message, shape.readBeforeRetry ?? DEFAULT_READ, [...check]),
};

/** Refusals of the gateway's own that come before a call is sent: the request's deadline or end, the call budget. */
const NOT_SENT_CODES = new Set(['TIMEOUT', 'UPSTREAM_CALL_BUDGET_EXCEEDED']);

const wasNeverSent = (error: unknown): error is Error =>
  error instanceof Error &&
  (NOT_SENT_CODES.has(String((error as GraphQLError).extensions?.code)) ||
    error.name === 'RequestEndedError');

/** The typed result for an upstream failure of a write, or null when it must stay a GraphQL error. */
export function toMutationFailure(
  error: unknown,
  shape: InputShape,
  check: OutcomeCheck = [],
): BaseError | null {
  if (wasNeverSent(error)) return new UpstreamUnavailableError(`Not sent: ${error.message}`);
  if (!isUpstreamError(error)) return null;
  const failure = MUTATION_RESULTS[error.code]?.(error, shape, check) ?? null;
  if (failure) failure.causes = error.causes;
  return failure;
}

/**
 * Runs one upstream write; its expected failures become typed results, the rest stay errors.
 * `check` names the objects to read when the outcome is unknown.
 */
export async function runWrite<T>(
  shape: InputShape,
  write: () => Promise<T>,
  check: OutcomeCheck = [],
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toMutationFailure(error, shape, check) ?? error;
  }
}
