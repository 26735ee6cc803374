/**
 * One upstream HTTP call: URL under the right API version, the bearer token, the body in the
 * content type the operation wants, and the answer read as JSON, discarded, or streamed.
 * Every failure leaves as a typed UpstreamError with the token scrubbed out.
 */
import type { Readable } from 'node:stream';
import type { Dispatcher, FormData } from 'undici';
import { raceAbort } from './abortable.ts';
import type { UpstreamCallObserver } from './call-observer.ts';
import type { CallThrottle } from './call-throttle.ts';
import {
  createNotSentError,
  createOutcomeUnknownError,
  createUpstreamErrorFromFailure,
  createUpstreamErrorFromResponse,
} from './error-response.ts';
import { UpstreamBadRequestError, UpstreamError } from './errors.ts';
import type { ReadCache } from './read-cache.ts';
import { redactSecrets } from './redact.ts';
import { parseRetryAfterMs } from './retry-after.ts';
import { createRetryCallback, type UpstreamRetryOptions } from './retry-policy.ts';
import { routeTemplateOf } from './route-template.ts';
import { BodyCutError, dispatchWhole, type WholeAnswer } from './whole-answer.ts';
import type { ApiVersion, JsonPatchOperation } from './wire/common.ts';

export type UpstreamApiVersion = ApiVersion;
export type UpstreamHttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;
export type ResponseHeaders = Record<string, string | string[] | undefined>;

export interface UpstreamCall {
  method: UpstreamHttpMethod;
  version: UpstreamApiVersion;
  /** Below the version, already encoded (build it with `encodePath`). */
  path: string;
  /** Unset (undefined/null) values are left out. */
  query?: Record<string, QueryValue>;
  json?: unknown;
  jsonPatch?: readonly JsonPatchOperation[];
  form?: FormData;
  accept?: string;
}

export interface UpstreamCallLog {
  method: string;
  /** Path without the query string: filters can hold personal data. */
  path: string;
  /** 0 when no answer came. */
  status: number;
  durationMs: number;
}

export interface UpstreamHttpOptions {
  /** Tenant API root without a version, e.g. `https://acme.api.identitynow.com` (may carry a path prefix). */
  baseUrl: string;
  /** The shared transport (see `createUpstreamDispatcher`); retries and timeouts live there. */
  dispatcher: Dispatcher;
  /** The caller's forwarded bearer, or the service token. */
  getToken: () => Promise<string>;
  /** Called on a 401, so a cached service token can be dropped. */
  onTokenRejected?: () => void;
  /** Aborts every call in flight (e.g. when the GraphQL request is cancelled). */
  signal?: AbortSignal;
  /** Method, path, status and duration of each call; never headers or tokens. */
  onCall?: (entry: UpstreamCallLog) => void;
  /** Overrides the dispatcher's retry policy for these calls (needs `createUpstreamDispatcher`'s retry). */
  retry?: UpstreamRetryOptions;
  /** Holds calls past the per-client rate limit until the window has room (shared by all requests). */
  throttle?: CallThrottle;
  /** Sees every call and its attempts (logs, metrics, trace context). */
  observer?: UpstreamCallObserver;
  /** Serves JSON reads per principal and call, and is told of every write (shared by all requests). */
  cache?: ReadCache;
}

/** An answer of a 2xx: read whole (`text`), or with its body still to stream. */
type Exchanged = { status: number; headers: ResponseHeaders } & (
  | { text: string; body?: undefined }
  | { text?: undefined; body: Dispatcher.ResponseData['body'] }
);

export interface UpstreamHttp {
  json<T>(call: UpstreamCall): Promise<{ data: T; headers: ResponseHeaders }>;
  empty(call: UpstreamCall): Promise<void>;
  stream(call: UpstreamCall): Promise<{ body: ReadableStream<Uint8Array>; headers: ResponseHeaders }>;
}

/**
 * A web stream pulled from the body's iterator. Node 20's `Readable.toWeb` throws an uncaught
 * ERR_INVALID_STATE when cancelled before its first read; here a cancel just ends the body.
 */
function toWebStream(body: AsyncIterable<Uint8Array> & Readable): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    async cancel() {
      body.destroy();
      await chunks.return?.();
    },
  });
}

/** Error bodies are read up to this size; an error page is never worth more. */
const MAX_ERROR_BODY = 64 * 1024;

/** `encodePath\`/accounts/${id}/enable\``: every interpolated value becomes one encoded segment. */
export const encodePath = (strings: TemplateStringsArray, ...values: string[]): string =>
  strings.reduce((out, text, i) => {
    if (i === 0) return text;
    const value = values[i - 1];
    if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
      throw new UpstreamBadRequestError(`Invalid id ${JSON.stringify(value)}`, { status: 400 });
    }
    return out + encodeURIComponent(value) + text;
  }, '');

/** `METHOD /version/path` of a call, for errors: never its query or headers. */
const labelOf = (call: UpstreamCall): string => `${call.method} /${call.version}${call.path}`;

const toQueryString = (query: Record<string, QueryValue> = {}): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

const readCapped = async (body: Dispatcher.ResponseData['body']): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.from(chunk as Uint8Array);
    if (size < MAX_ERROR_BODY) chunks.push(buffer.subarray(0, MAX_ERROR_BODY - size));
    size += buffer.length;
  }
  return Buffer.concat(chunks).toString('utf8');
};

export const createUpstreamHttp = (options: UpstreamHttpOptions): UpstreamHttp => {
  const base = new URL(options.baseUrl);
  const origin = base.origin;
  const prefix = base.pathname.replace(/\/+$/, '');
  // undici's retry interceptor merges per-request `retryOptions` over its own.
  const retryOptions = options.retry ? { retry: createRetryCallback(options.retry) } : undefined;

  /** With `whole`, the answer is read into `text` (every call but a stream); else its body streams. */
  const sendOnce = async (call: UpstreamCall, whole: boolean): Promise<Exchanged> => {
    const path = `${prefix}/${call.version}${call.path}`;
    const label = labelOf(call);
    const write = call.method !== 'GET';
    let token: string;
    let ticket: Awaited<ReturnType<CallThrottle['acquire']>> | undefined;
    try {
      token = await raceAbort(options.getToken(), options.signal);
      ticket = await options.throttle?.acquire(token, options.signal);
    } catch (error) {
      // A write the request's end stopped while it waited for a token or the throttle never left.
      if (write && options.signal?.aborted) throw createNotSentError(label, 'the request ended first');
      throw error;
    }
    const observation = options.observer?.start({ method: call.method, route: routeTemplateOf(call.path) });
    const headers: Record<string, string> = {
      ...observation?.headers,
      authorization: `Bearer ${token}`,
      accept: call.accept ?? 'application/json',
    };
    let body: string | FormData | undefined;
    if (call.jsonPatch !== undefined) {
      headers['content-type'] = 'application/json-patch+json';
      body = JSON.stringify(call.jsonPatch);
    } else if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.form !== undefined) {
      body = call.form; // undici sets the multipart content type with its boundary
    }

    const started = performance.now();
    const log = (status: number) => {
      observation?.end(status);
      options.onCall?.({ method: call.method, path, status, durationMs: performance.now() - started });
    };
    let answer: Dispatcher.ResponseData | WholeAnswer;
    let answered = false;
    const onAnswered = () => {
      if (answered) return;
      answered = true;
      ticket?.answered();
    };
    try {
      // The signal lets a call waiting for a connection leave the line (connection-gate.ts).
      const request: Dispatcher.RequestOptions & { retryOptions?: object; onAttempt?: unknown } = {
        origin,
        path: path + toQueryString(call.query),
        method: call.method,
        headers,
        body,
        signal: options.signal,
        retryOptions,
        onAttempt: observation?.onAttempt,
      };
      // A call waiting for a pool connection gives up with its request, not when a connection frees.
      answer =
        whole && call.form === undefined
          ? await dispatchWhole(options.dispatcher, request, {
              signal: options.signal,
              maxErrorBody: MAX_ERROR_BODY,
              onHead: onAnswered,
            })
          : await raceAbort(options.dispatcher.request(request), options.signal, (late) =>
              late.body.destroy(),
            );
      onAnswered();
    } catch (error) {
      onAnswered();
      if (error instanceof BodyCutError) {
        log(error.status);
        throw bodyFailure(call, error.status, error.cause);
      }
      log(0);
      if (options.signal?.aborted) {
        // A write cut off in flight (deadline, client gone) may have been applied all the same.
        if (write) throw createOutcomeUnknownError(label, 'the request ended while it was in flight');
        throw options.signal.reason;
      }
      const failure = createUpstreamErrorFromFailure(error, label, [token], write);
      if (failure) throw failure;
      const message = error instanceof Error ? error.message : String(error);
      if (write) throw createOutcomeUnknownError(label, redactSecrets(message, [token]));
      throw new UpstreamError(`${label} failed: ${redactSecrets(message, [token])}`, {
        status: 0,
        request: label,
      });
    }
    log(answer.statusCode);
    if (answer.statusCode === 429) {
      // A write, or a read past its retries: the client's other calls wait out the Retry-After too.
      const retryAfterMs = parseRetryAfterMs(answer.headers['retry-after']);
      if (retryAfterMs) options.throttle?.coolDown(token, retryAfterMs);
    }
    if (answer.statusCode >= 200 && answer.statusCode < 300) {
      return 'text' in answer
        ? { status: answer.statusCode, headers: answer.headers, text: answer.text }
        : { status: answer.statusCode, headers: answer.headers, body: answer.body };
    }
    const text = 'text' in answer ? answer.text : await readCapped(answer.body).catch(() => '');
    if (answer.statusCode === 401) options.onTokenRejected?.();
    throw createUpstreamErrorFromResponse({
      status: answer.statusCode,
      headers: answer.headers,
      body: text,
      request: label,
      secrets: [token],
    });
  };

  const send = async (call: UpstreamCall, whole: boolean): Promise<Exchanged> => {
    const cache = options.cache;
    if (!cache || call.method === 'GET') return sendOnce(call, whole);
    let status = 0;
    try {
      const answer = await sendOnce(call, whole);
      status = answer.status;
      return answer;
    } catch (error) {
      if (error instanceof UpstreamError) status = error.status;
      throw error;
    } finally {
      // Answered or not, the write may have landed: what it touched is read afresh.
      await cache.wrote(call, status);
    }
  };

  /** A failure while reading a body (reset, body timeout) is as typed as one before it. */
  const bodyFailure = (call: UpstreamCall, status: number, error: unknown): Error => {
    const label = labelOf(call);
    // A write whose answer was cut after its status: applied, but its result never arrived.
    if (call.method !== 'GET') return createOutcomeUnknownError(label, 'the answer was cut off');
    if (options.signal?.aborted) return options.signal.reason as Error;
    return (
      createUpstreamErrorFromFailure(error, label) ??
      new UpstreamError(`${label} failed while reading the answer`, { status, request: label })
    );
  };

  const readText = async (call: UpstreamCall, answer: Exchanged): Promise<string> => {
    if (answer.text !== undefined) return answer.text;
    try {
      return await (answer.body as Dispatcher.ResponseData['body']).text();
    } catch (error) {
      throw bodyFailure(call, answer.status, error);
    }
  };

  return {
    async json<T>(call: UpstreamCall) {
      const load = async () => {
        const answer = await send(call, true);
        return { status: answer.status, text: await readText(call, answer), headers: answer.headers };
      };
      const cache = options.cache;
      const answer =
        cache && call.method === 'GET'
          ? await cache.read(await raceAbort(options.getToken(), options.signal), call, load, options.signal)
          : await load();
      const text = answer.text;
      if (text.trim() === '') return { data: undefined as T, headers: answer.headers };
      try {
        return { data: JSON.parse(text) as T, headers: answer.headers };
      } catch {
        const label = labelOf(call);
        throw new UpstreamError(`${label} answered ${answer.status} with a body that is not JSON`, {
          status: answer.status,
          request: label,
        });
      }
    },
    async empty(call: UpstreamCall) {
      const answer = await send(call, true);
      await readText(call, answer);
    },
    async stream(call: UpstreamCall) {
      const answer = await send(call, false);
      // Not read whole: its body is still to stream.
      return { body: toWebStream(answer.body as Dispatcher.ResponseData['body']), headers: answer.headers };
    },
  };
};
