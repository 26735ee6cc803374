/**
 * Every code the gateway answers with, in one place: `Error.code` of typed mutation results and
 * `extensions.code` of GraphQL errors (including refusals before execution and the HTTP routes'
 * JSON errors). The GraphQL `ErrorCode` enum is built from it; a test holds the code to it.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'An argument the API cannot take: an id, a cursor, a filter value (REST 400).',
  VALIDATION_FAILED:
    'An input past its bound or of the wrong shape, or one the upstream refused, with the field path (REST 400).',
  USER_CONTEXT_REQUIRED:
    'The token is an API client\'s (no identity) and the field needs a user, e.g. `requestedFor: "me"`; no call is made.',
  UNAUTHENTICATED: 'No usable bearer token, or the upstream refused it (REST 401).',
  FORBIDDEN: 'The upstream refused the caller this object or action (REST 403).',
  NOT_FOUND: 'No such object upstream (REST 404); on HTTP, an unknown path.',
  CONFLICT: 'The write conflicts with what exists, e.g. a duplicate name (`400.1.409 Reference conflict`).',
  LIMIT_EXCEEDED:
    'An org limit was reached, e.g. 50 sources or 10 custom attributes (`400.1.4 Limit violation`).',
  RATE_LIMITED:
    "The upstream's 429 outlasted the retries, or the estimate cannot fit the client's window in time; `retryAfter` says when to try again.",
  OUTCOME_UNKNOWN:
    'A write that may have reached the upstream but got no answer; read before retrying (`readBeforeRetry`, `nodeIds`).',
  UPSTREAM_UNAVAILABLE: 'The upstream is down or timed out.',
  UPSTREAM_ERROR: 'The upstream answered a 5xx or something it should not have.',
  UPSTREAM_CALL_BUDGET_EXCEEDED:
    'The estimate, or a field at run time, needed more than GRAPHQL_MAX_UPSTREAM_CALLS upstream calls (with `maxCalls`).',
  TIMEOUT:
    'The request passed GRAPHQL_REQUEST_TIMEOUT_MS (a subscription: SUBSCRIPTION_MAX_DURATION_MS); its pending upstream calls were cancelled.',
  SUBSCRIPTION_LIMIT:
    'More open subscriptions than SUBSCRIPTIONS_PER_PRINCIPAL or SUBSCRIPTIONS_PER_CONNECTION allow (with `limit`).',
  ERROR: 'An expected failure of no more specific kind.',
  INTERNAL_SERVER_ERROR: 'Anything unexpected; the message is masked.',
  CSRF_HEADER_REQUIRED: 'A form, multipart, text/plain or GET request without a CSRF header (HTTP 403).',
  INVALID_VARIABLES: '`variables` that are not JSON (GET, form POST).',
  INVALID_EXTENSIONS: '`extensions` that are not JSON (GET, form POST).',
  BAD_REQUEST: 'A body that is not JSON or not an object, a broken multipart body, a conflicting header.',
  UNSUPPORTED_MEDIA_TYPE: 'A POST in a content type the endpoint does not read (HTTP 415).',
  REQUEST_ENTITY_TOO_LARGE:
    'A body past GRAPHQL_MAX_BODY_BYTES, or an upload past GRAPHQL_MAX_UPLOAD_BYTES (HTTP 413).',
  DOCUMENT_TOO_LARGE: 'A document past GRAPHQL_MAX_DOCUMENT_BYTES (HTTP 413).',
  VALUE_TOO_DEEP: 'Lists and objects nested past GRAPHQL_MAX_VALUE_DEPTH.',
  DOCUMENT_TOO_DEEP: 'Brackets nested past 64 + GRAPHQL_MAX_VALUE_DEPTH.',
  GRAPHQL_PARSE_FAILED: 'The document is not GraphQL.',
  GRAPHQL_VALIDATION_FAILED: 'The document does not fit the schema.',
  QUERY_TOO_DEEP: 'Deeper than GRAPHQL_MAX_DEPTH.',
  TOO_MANY_ALIASES: 'More aliases than GRAPHQL_MAX_ALIASES.',
  TOO_MANY_TOKENS: 'More lexical tokens than GRAPHQL_MAX_TOKENS.',
  TOO_MANY_DIRECTIVES: 'More directives than GRAPHQL_MAX_DIRECTIVES.',
  INTROSPECTION_DISABLED: '`__schema` or `__type` with GRAPHQL_INTROSPECTION=false.',
  METHOD_NOT_ALLOWED: 'An export with a method other than GET or HEAD (HTTP 405).',
  PERSISTED_DOCUMENT_REQUIRED: 'A document sent as text where PERSISTED_DOCUMENTS_ONLY=true.',
  PERSISTED_DOCUMENT_NOT_FOUND: 'A `documentId` the PERSISTED_DOCUMENTS manifest does not hold.',
  SANDBOX_ONLY: '`x-sandbox-as` sent to a gateway with no sandbox behind it.',
  UNKNOWN_SANDBOX_CLIENT: '`x-sandbox-as` naming no demo client.',
} as const;

export type GatewayErrorCode = keyof typeof ERROR_CODES;
