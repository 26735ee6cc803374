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
    message: t.exposeString('message', {
      description:
        "What went wrong, in words for a person: ISC's message when the upstream refused, the gateway's own otherwise.",
    }),
    code: t.field({
      type: ErrorCodeEnum,
      description: 'What kind of failure this is; switch on it rather than on the message.',
      resolve: (error) => error.code as GatewayErrorCode,
    }),
    trackingId: t.exposeString('trackingId', {
      nullable: true,
      description:
        "ISC's `trackingId` of the refused call, to quote to SailPoint support; null when no call answered.",
    }),
    causes: t.exposeStringList('causes', {
      description:
        "ISC's `causes`, one text each (a refused bulk upload: one per bad line), scrubbed of tokens; empty when the gateway refused on its own.",
    }),
  }),
});

builder.objectType(BaseError, {
  name: 'BaseError',
  description: 'A failure of no more specific kind (`code` says which).',
  interfaces: [ErrorInterface],
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description:
    'The object named by the input does not exist, or the caller may not see it (ISC 404, or 400 "reference not found").',
  interfaces: [ErrorInterface],
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description:
    "The caller's scopes or role do not allow this write (ISC 403), e.g. approving as someone who is not the requested approver.",
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
  description:
    "The input was refused as invalid (ISC 400, or the gateway's own bounds before any call); `path` names the field.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    path: t.exposeStringList('path', {
      description:
        'Path of the offending input field, e.g. `["input", "email"]`; empty when the whole input is at fault.',
    }),
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
  description:
    'The write clashes with what exists (ISC `400.1.409 Reference conflict`), e.g. a duplicate technical name or account name.',
  interfaces: [ErrorInterface],
});

builder.objectType(LimitExceededError, {
  name: 'LimitExceededError',
  description:
    'An ISC limit would be passed (`400.1.4 Limit violation`): 50 sources per org, 10 custom attributes or 20,000 records per source.',
  interfaces: [ErrorInterface],
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description:
    "ISC answered 429 (100 calls per client per 10 s), or the gateway's throttle could not make room in time; nothing was applied.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfter: t.exposeInt('retryAfter', {
      nullable: true,
      description: 'Seconds to wait before trying again, from `Retry-After`; null when ISC gave none.',
    }),
  }),
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
