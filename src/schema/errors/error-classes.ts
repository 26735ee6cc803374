import { ErrorCode, ResultCode } from '../../upstream/errors.ts';

/**
 * Expected failures of mutations, returned as typed results through the errors plugin:
 * every kind implements the `Error` interface, so `... on Error { message code }` always works.
 */
export class BaseError extends Error {
  readonly code: string;
  readonly trackingId: string | null;
  /** ISC's `causes`, when the failure came from the upstream (set by `toMutationFailure`). */
  causes: readonly string[] = [];

  constructor(message: string, code: string = ResultCode.Error, trackingId: string | null = null) {
    super(message);
    this.name = 'BaseError';
    this.code = code;
    this.trackingId = trackingId;
  }
}

export class NotFoundError extends BaseError {
  constructor(message: string, trackingId: string | null = null) {
    super(message, ErrorCode.NotFound, trackingId);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends BaseError {
  constructor(message: string, trackingId: string | null = null) {
    super(message, ErrorCode.Forbidden, trackingId);
    this.name = 'ForbiddenError';
  }
}

/** One thing wrong with an input: what, and the path of the field. */
export interface InputProblem {
  message: string;
  path: string[];
}

export class ValidationError extends BaseError {
  /** Path of the offending input field, e.g. `["input", "email"]`; empty when the whole input is at fault. */
  readonly path: string[];
  /** Every problem found, the first one's path as `path`; one entry unless a check reports several at once. */
  readonly problems: InputProblem[];

  constructor(message: string, path: string[] = [], trackingId: string | null = null) {
    super(message, ResultCode.ValidationFailed, trackingId);
    this.name = 'ValidationError';
    this.path = path;
    this.problems = [{ message, path }];
  }

  /** One error for several problems (at least one), so a caller can fix them all in one go. */
  static of(problems: readonly InputProblem[]): ValidationError {
    const error = new ValidationError(problems.map((p) => p.message).join(' '), problems[0]?.path ?? []);
    error.problems.splice(0, 1, ...problems);
    return error;
  }
}

export class ConflictError extends BaseError {
  constructor(message: string, trackingId: string | null = null) {
    super(message, ErrorCode.Conflict, trackingId);
    this.name = 'ConflictError';
  }
}

export class LimitExceededError extends BaseError {
  constructor(message: string, trackingId: string | null = null) {
    super(message, ErrorCode.LimitExceeded, trackingId);
    this.name = 'LimitExceededError';
  }
}

export class RateLimitedError extends BaseError {
  /** Seconds to wait before trying again, from `Retry-After`. */
  readonly retryAfter: number | null;

  constructor(message: string, retryAfter: number | null, trackingId: string | null = null) {
    super(message, ErrorCode.RateLimited, trackingId);
    this.name = 'RateLimitedError';
    this.retryAfter = retryAfter;
  }
}

/** The upstream could not be reached, or the write was stopped before it was sent: nothing was applied. */
export class UpstreamUnavailableError extends BaseError {
  constructor(message: string, trackingId: string | null = null) {
    super(message, ErrorCode.UpstreamUnavailable, trackingId);
    this.name = 'UpstreamUnavailableError';
  }
}

/** The write was sent but no answer came back: it may have been applied. Read before retrying. */
export class OutcomeUnknownError extends BaseError {
  /** What to read to learn whether the write was applied. */
  readonly readBeforeRetry: string;
  /** Global ids of the objects to read, when the input names them. */
  readonly nodeIds: string[];

  constructor(message: string, readBeforeRetry: string, nodeIds: string[] = []) {
    super(message, ErrorCode.OutcomeUnknown);
    this.name = 'OutcomeUnknownError';
    this.readBeforeRetry = readBeforeRetry;
    this.nodeIds = nodeIds;
  }
}

/** The token has no user (an API client's) and the mutation acts as one: refused before any call. */
export class UserContextRequiredError extends BaseError {
  constructor(message: string) {
    super(message, ResultCode.UserContextRequired);
    this.name = 'UserContextRequiredError';
  }
}

/** Every typed failure kind: the builder's `errors.defaultTypes`, so every mutation's result union lists them. */
export const MUTATION_ERROR_TYPES = [
  NotFoundError,
  ForbiddenError,
  ValidationError,
  ConflictError,
  LimitExceededError,
  RateLimitedError,
  UpstreamUnavailableError,
  OutcomeUnknownError,
  UserContextRequiredError,
];
