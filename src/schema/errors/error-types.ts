import { builder } from '../builder.ts';
import {
  BaseError,
  ConflictError,
  ForbiddenError,
  type InputProblem,
  LimitExceededError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
  UpstreamUnavailableError,
  UserContextRequiredError,
  ValidationError,
} from './error-classes.ts';
import { ERROR_CODES, type GatewayErrorCode } from './error-code-catalogue.ts';

/** Every code of `Error.code` and `extensions.code`, each described. */
export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description:
    'The stable codes of the gateway: `Error.code` of typed results, and `extensions.code` of GraphQL errors.',
  values: Object.fromEntries(
    Object.entries(ERROR_CODES).map(([code, description]) => [code, { value: code, description }]),
  ) as Record<GatewayErrorCode, { value: GatewayErrorCode; description: string }>,
});

/** The typed failures of mutations as GraphQL types: the `Error` interface and one object per kind. */
export const ErrorInterface = builder.interfaceRef<BaseError>('Error').implement({
  description: 'An expected failure of a mutation.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.field({
      type: ErrorCodeEnum,
      description: 'What kind of failure this is; switch on it rather than on the message.',
      resolve: (error) => error.code as GatewayErrorCode,
    }),
    trackingId: t.exposeString('trackingId', { nullable: true }),
    causes: t.exposeStringList('causes', {
      description:
        "ISC's `causes`, one text each (a refused bulk upload: one per bad line), scrubbed of tokens; empty when the gateway refused on its own.",
    }),
  }),
});

builder.objectType(BaseError, {
  name: 'BaseError',
  interfaces: [ErrorInterface],
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  interfaces: [ErrorInterface],
});

const InputProblemRef = builder.objectRef<InputProblem>('InputProblem').implement({
  description: 'One thing wrong with an input.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What is wrong, naming the field.' }),
    path: t.exposeStringList('path', {
      description: 'The path of the field in the input, e.g. `["input", "attributes", "1", "value"]`.',
    }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    path: t.exposeStringList('path'),
    problems: t.field({
      type: [InputProblemRef],
      description:
        'Every problem found, when a check reports several at once (custom attributes against the source schema); `path` is the first one.',
      resolve: (error) => error.problems,
    }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  interfaces: [ErrorInterface],
});

builder.objectType(LimitExceededError, {
  name: 'LimitExceededError',
  interfaces: [ErrorInterface],
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfter: t.exposeInt('retryAfter', { nullable: true }) }),
});

builder.objectType(UpstreamUnavailableError, {
  name: 'UpstreamUnavailableError',
  description:
    'The upstream could not be reached, or the write was stopped before it was sent: nothing was applied, so it is safe to retry.',
  interfaces: [ErrorInterface],
});

builder.objectType(OutcomeUnknownError, {
  name: 'OutcomeUnknownError',
  description:
    'The write was sent but no answer came back (timeout, reset, the request deadline): it may have been applied. Read before retrying.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    readBeforeRetry: t.exposeString('readBeforeRetry', { description: 'What to read to learn the outcome.' }),
    nodeIds: t.exposeIDList('nodeIds', {
      description: 'Global ids of the objects to read (empty when the write creates one).',
    }),
  }),
});
builder.objectType(UserContextRequiredError, {
  name: 'UserContextRequiredError',
  description: 'The token has no user (an API client): use a personal access token, which acts as its user.',
  interfaces: [ErrorInterface],
});
