/**
 * Turns a failed upstream answer (or a failure to get one) into a typed UpstreamError.
 * Reads ErrorResponseDto, the 401 `{ error }` body and the 429 `{ message }` body, and
 * tolerates anything else (HTML from a proxy, empty bodies).
 */

import {
  DetailNumber,
  detailNumberOf,
  UpstreamBadRequestError,
  UpstreamConflictError,
  UpstreamError,
  type UpstreamErrorDetails,
  UpstreamForbiddenError,
  UpstreamLimitExceededError,
  UpstreamNotFoundError,
  UpstreamOutcomeUnknownError,
  UpstreamRateLimitedError,
  UpstreamUnauthenticatedError,
  UpstreamUnavailableError,
} from './errors.ts';
import { redactSecrets } from './redact.ts';
import { retryAfterSeconds } from './retry-after.ts';
import type { ErrorResponseDto } from './wire/common.ts';

export interface FailedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text (possibly empty or not JSON). */
  body: string;
  /** `METHOD /path` for the message; never with query or headers. */
  request: string;
  /** Literal secrets (the bearer token) to scrub from anything the body echoes. */
  secrets?: readonly (string | null | undefined)[];
}

const MAX_TEXT = 500;

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const texts = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.flatMap((m) => (isRecord(m) && typeof m.text === 'string' && m.text !== '' ? [m.text] : []))
    : [];

const firstHeader = (value: string | string[] | undefined): string | null =>
  (Array.isArray(value) ? value[0] : value) ?? null;

/** Quoted field names in ISC's messages: `Field 'email'`, `'data.badge'`, `'approvers[0]'`. */
const QUOTED = /'([A-Za-z][\w-]*(?:\.[\w.-]+)?(?:\[\d+\])?)'/g;
const DATA_KEY = /\bdata\.([\w.-]+)/g;

/** The input fields the messages name, in order; a `data.x` key keeps its own dots. */
const namedFields = (messages: readonly string[]): string[][] =>
  messages.flatMap((text) => {
    const candidates = [...text.matchAll(QUOTED)].map((match) => match[1]);
    candidates.push(...[...text.matchAll(DATA_KEY)].map((match) => `data.${match[1]}`));
    return candidates.map((candidate) => {
      const [head, ...rest] = candidate.replace(/\[(\d+)\]/g, '.$1').split('.');
      return head === 'data' && rest.length ? [head, rest.join('.')] : [head, ...rest];
    });
  });

/** The readable parts of a body, whichever of ISC's error shapes it has. */
const readBody = (
  body: string,
): Pick<UpstreamErrorDetails, 'detailCode' | 'trackingId' | 'messages' | 'causes'> => {
  const json = parseJson(body);
  if (json !== undefined && !isRecord(json)) return { messages: [] };
  if (json === undefined) {
    const text = body.trim();
    // A non-JSON body (a proxy's HTML page) is kept only when short and plain.
    return { messages: text && text.length <= MAX_TEXT && !text.startsWith('<') ? [text] : [] };
  }
  const dto = json as ErrorResponseDto & { error?: unknown; error_description?: unknown; message?: unknown };
  const messages = [...texts(dto.messages), ...texts(dto.causes)];
  if (typeof dto.error === 'string') messages.push(dto.error);
  // OAuth errors (RFC 6749 §5.2) say what went wrong here.
  if (typeof dto.error_description === 'string') messages.push(dto.error_description);
  if (typeof dto.message === 'string') messages.push(dto.message.trim());
  return {
    detailCode: typeof dto.detailCode === 'string' ? dto.detailCode : null,
    trackingId: typeof dto.trackingId === 'string' ? dto.trackingId : null,
    // The same text can come twice (ISC's 429 carries `message` beside `messages`).
    messages: [...new Set(messages)],
    causes: texts(dto.causes),
  };
};

export const createUpstreamErrorFromResponse = (response: FailedResponse): UpstreamError => {
  const { status, headers, request } = response;
  const parsed = readBody(response.body);
  const messages = (parsed.messages ?? []).map((m) => redactSecrets(m, response.secrets).slice(0, MAX_TEXT));
  const trackingId = parsed.trackingId ?? firstHeader(headers['x-tracking-id'] ?? headers['slpt-request-id']);
  // Whatever an upstream echoes, in any field, is scrubbed as the gateway's own texts are.
  const scrub = (text: string | null | undefined) =>
    text == null ? null : redactSecrets(text, response.secrets).slice(0, MAX_TEXT);
  const details: UpstreamErrorDetails = {
    status,
    detailCode: scrub(parsed.detailCode),
    trackingId: scrub(trackingId),
    messages,
    causes: (parsed.causes ?? []).map((cause) => redactSecrets(cause, response.secrets).slice(0, MAX_TEXT)),
    fieldPaths: namedFields(messages),
    request,
  };
  const said = messages.length > 0 ? `: ${messages.join('; ')}` : '';
  const detailNumber = detailNumberOf(parsed.detailCode);

  if (status === 429) {
    const seconds = retryAfterSeconds(headers['retry-after']);
    const wait = seconds == null ? '' : ` (retry after ${seconds} s)`;
    return new UpstreamRateLimitedError(`${request} was rate limited${wait}`, {
      ...details,
      retryAfterSeconds: seconds,
    });
  }
  if (status === 401)
    return new UpstreamUnauthenticatedError(`${request} was not authenticated${said}`, details);
  if (status === 403) return new UpstreamForbiddenError(`${request} is forbidden${said}`, details);
  if (status === 404) return new UpstreamNotFoundError(`${request} found nothing${said}`, details);
  if (detailNumber === DetailNumber.ReferenceConflict || status === 409) {
    return new UpstreamConflictError(`${request} conflicts${said}`, details);
  }
  if (detailNumber === DetailNumber.LimitViolation)
    return new UpstreamLimitExceededError(`${request} exceeds a limit${said}`, details);
  if (status >= 400 && status < 500)
    return new UpstreamBadRequestError(`${request} was refused${said}`, details);
  if (status >= 500)
    return new UpstreamUnavailableError(`${request} failed upstream (${status})${said}`, details);
  return new UpstreamError(`${request} answered an unexpected ${status}${said}`, details);
};

/** Error codes of undici and Node that mean the upstream could not be reached or answered too late. */
const UNAVAILABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_REQ_RETRY',
]);

/**
 * Codes that mean the request never left: no connection was made (refused, DNS, connect timeout)
 * or the client was closed before sending. Every other code above may come after the request
 * was written (headers/body timeout, a reset or closed socket), so a write's outcome is unknown.
 */
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);

const errorCode = (error: unknown): string | null =>
  isRecord(error) && typeof error.code === 'string' ? error.code : null;

/** A write that may have been applied with no answer back: the caller must read before retrying. */
export const createOutcomeUnknownError = (request: string, why: string, cause?: unknown): UpstreamError =>
  new UpstreamOutcomeUnknownError(
    `${request} was sent but no answer came back (${why}); it may have been applied: read before retrying`,
    { status: 0, request, cause },
  );

/** A write stopped before it was sent (deadline, cancelled request, throttle): safe to retry. */
export const createNotSentError = (request: string, why: string): UpstreamError =>
  new UpstreamUnavailableError(`${request} was not sent (${why}); nothing was applied`, {
    status: 0,
    request,
  });

/**
 * A transport failure (no usable answer). Only its code and a scrubbed message travel on:
 * the original error object is dropped so nothing it references can leak. For a write
 * (`write: true`) that may have reached the upstream, the outcome is unknown.
 */
export const createUpstreamErrorFromFailure = (
  error: unknown,
  request: string,
  secrets: readonly (string | null | undefined)[] = [],
  write = false,
): UpstreamError | null => {
  const code = errorCode(error);
  if (code == null || !UNAVAILABLE_CODES.has(code)) return null;
  const message = error instanceof Error ? redactSecrets(error.message, secrets) : code;
  const cause = Object.assign(new Error(message), { code });
  if (write && !NEVER_SENT_CODES.has(code)) return createOutcomeUnknownError(request, code, cause);
  const timedOut = code.endsWith('TIMEOUT') || code === 'ETIMEDOUT';
  const what = timedOut ? 'timed out' : 'could not reach the upstream';
  return new UpstreamUnavailableError(`${request} ${what} (${code})`, { status: 0, request, cause });
};
