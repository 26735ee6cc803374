import { isUpstreamError, UpstreamRateLimitedError } from '../upstream/errors.ts';
import { builder } from './builder.ts';

/**
 * Expected failures of mutations, returned as typed results through the errors plugin:
 * every kind implements the `Error` interface, so `... on Error { message code }` always works.
 */
export class BaseError extends Error {
  readonly code: string;
  readonly trackingId: string | null;

  constructor(message: string, code = 'ERROR', trackingId: string | null = null) {
    super(message);
    this.name = 'BaseError';
    this.code = code;
    this.trackingId = trackingId;
  }
}

export class NotFoundError extends BaseError {
  constructor(message: string, trackingId: string | null = null) {
    super(message, 'NOT_FOUND', trackingId);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends BaseError {
  constructor(message: string, trackingId: string | null = null) {
    super(message, 'FORBIDDEN', trackingId);
    this.name = 'ForbiddenError';
  }
}

export class ValidationError extends BaseError {
  /** Path of the offending input field, e.g. `["input", "email"]`; empty when the whole input is at fault. */
  readonly path: string[];

  constructor(message: string, path: string[] = [], trackingId: string | null = null) {
    super(message, 'VALIDATION_FAILED', trackingId);
    this.name = 'ValidationError';
    this.path = path;
  }
}

export class ConflictError extends BaseError {
  constructor(message: string, trackingId: string | null = null) {
    super(message, 'CONFLICT', trackingId);
    this.name = 'ConflictError';
  }
}

export class LimitExceededError extends BaseError {
  constructor(message: string, trackingId: string | null = null) {
    super(message, 'LIMIT_EXCEEDED', trackingId);
    this.name = 'LimitExceededError';
  }
}

export class RateLimitedError extends BaseError {
  /** Seconds to wait before trying again, from `Retry-After`. */
  readonly retryAfter: number | null;

  constructor(message: string, retryAfter: number | null, trackingId: string | null = null) {
    super(message, 'RATE_LIMITED', trackingId);
    this.name = 'RateLimitedError';
    this.retryAfter = retryAfter;
  }
}

/** Exact class match, so `BaseError` never claims a subclass's value. */
function isExactly(errorClass: abstract new (...args: never[]) => BaseError) {
  return (value: unknown) =>
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === errorClass.prototype;
}

export const ErrorInterface = builder.interfaceRef<BaseError>('Error').implement({
  description: 'An expected failure of a mutation.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code'),
    trackingId: t.exposeString('trackingId', { nullable: true }),
  }),
});

builder.objectType(BaseError, {
  name: 'BaseError',
  interfaces: [ErrorInterface],
  isTypeOf: isExactly(BaseError),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  isTypeOf: isExactly(NotFoundError),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  interfaces: [ErrorInterface],
  isTypeOf: isExactly(ForbiddenError),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  isTypeOf: isExactly(ValidationError),
  fields: (t) => ({ path: t.exposeStringList('path') }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
  isTypeOf: isExactly(ConflictError),
});

builder.objectType(LimitExceededError, {
  name: 'LimitExceededError',
  interfaces: [ErrorInterface],
  isTypeOf: isExactly(LimitExceededError),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  isTypeOf: isExactly(RateLimitedError),
  fields: (t) => ({ retryAfter: t.exposeInt('retryAfter', { nullable: true }) }),
});

/** Every typed failure kind; mutations list these in their `errors.types`. */
export const MUTATION_ERROR_TYPES = [
  NotFoundError,
  ForbiddenError,
  ValidationError,
  ConflictError,
  LimitExceededError,
  RateLimitedError,
] as const;

/**
 * The typed result for an upstream failure a mutation can expect, or null for the others
 * (unavailable, unauthenticated, unknown), which stay GraphQL errors.
 */
export function toTypedError(error: unknown, inputPath: string[] = []): BaseError | null {
  if (!isUpstreamError(error)) return null;
  const { message, trackingId } = error;
  switch (error.code) {
    case 'NOT_FOUND':
      return new NotFoundError(message, trackingId);
    case 'FORBIDDEN':
      return new ForbiddenError(message, trackingId);
    case 'BAD_USER_INPUT':
      return new ValidationError(message, inputPath, trackingId);
    case 'CONFLICT':
      return new ConflictError(message, trackingId);
    case 'LIMIT_EXCEEDED':
      return new LimitExceededError(message, trackingId);
    case 'RATE_LIMITED':
      return new RateLimitedError(
        message,
        error instanceof UpstreamRateLimitedError ? error.retryAfterSeconds : null,
        trackingId,
      );
    default:
      return null;
  }
}
