import { createGraphQLError, isPromise, type Plugin } from 'graphql-yoga';
import { defaultOf, SETTINGS } from '../config-settings.ts';

export interface RequestDeadlineOptions {
  /** How long one GraphQL request may take, upstream calls and pool waits included. @default as `GRAPHQL_REQUEST_TIMEOUT_MS` */
  timeoutMs?: number;
  /** After the deadline, how long execution may take to settle with what loaded before it is cut. @default 250 */
  graceMs?: number;
  /** The path the deadline applies to (exports stream longer). @default '/graphql' */
  endpoint?: string;
  /** How long a subscription may stay open instead. @default as `SUBSCRIPTION_MAX_DURATION_MS` */
  subscriptionTimeoutMs?: number;
}

export interface RequestDeadlinePlugin extends Plugin {
  /**
   * Aborts at the deadline (reason: a `TIMEOUT` GraphQL error), when the client goes away, and
   * once the request is answered, so no upstream call of it is queued, in flight or started after.
   * Outside the endpoint: the request's own signal.
   */
  signalFor(request: Request): AbortSignal;
  /**
   * Ends the request's calls before its execution ends: its answer is settled (a failed field
   * nulled it all). The calls so cut are not reported: nobody would have read what they loaded.
   */
  abandon(request: Request): void;
}

interface Deadline {
  controller: AbortController;
  signal: AbortSignal;
  timer: NodeJS.Timeout;
  /** A subscription or an incremental answer: it ends with its stream, not with the response head. */
  streaming: boolean;
  /** Ended early by `abandon`. */
  abandoned: boolean;
}

class RequestEndedError extends Error {
  override name = 'RequestEndedError';
}

/** Every answered request aborts its signal with one: no stack, as nothing went wrong. */
function requestEnded(): RequestEndedError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new RequestEndedError('The GraphQL request has been answered.');
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function useRequestDeadline(options: RequestDeadlineOptions = {}): RequestDeadlinePlugin {
  const timeoutMs = options.timeoutMs ?? defaultOf(SETTINGS.limits.requestTimeoutMs);
  const graceMs = options.graceMs ?? 250;
  const endpoint = options.endpoint ?? '/graphql';
  const subscriptionTimeoutMs =
    options.subscriptionTimeoutMs ?? defaultOf(SETTINGS.subscriptions.maxDurationMs);
  const deadlines = new WeakMap<Request, Deadline>();
  const timeoutError = () =>
    createGraphQLError(`The request took longer than ${timeoutMs} ms; what had loaded is in data.`, {
      extensions: { code: 'TIMEOUT', timeoutMs },
    });
  const subscriptionTimeout = () =>
    createGraphQLError(`The subscription reached its longest duration, ${subscriptionTimeoutMs} ms.`, {
      extensions: { code: 'TIMEOUT', timeoutMs: subscriptionTimeoutMs },
    });

  const start = (request: Request): Deadline => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeoutError()), timeoutMs);
    timer.unref();
    // The client's going aborts it too. Not AbortSignal.any: on Node 22+ it refuses the server
    // adapter's request signal, which is not a native AbortSignal.
    const gone = request.signal;
    const onGone = () => controller.abort(gone.reason);
    if (gone.aborted) onGone();
    else gone.addEventListener('abort', onGone, { once: true });
    const deadline = { controller, timer, signal: controller.signal, streaming: false, abandoned: false };
    deadlines.set(request, deadline);
    return deadline;
  };

  const end = (request: Request) => {
    const deadline = deadlines.get(request);
    if (!deadline) return;
    clearTimeout(deadline.timer);
    if (!deadline.controller.signal.aborted) {
      deadline.controller.abort(requestEnded());
    }
  };

  return {
    signalFor: (request) => deadlines.get(request)?.signal ?? request.signal,
    abandon(request) {
      const deadline = deadlines.get(request);
      if (!deadline || deadline.signal.aborted) return;
      deadline.abandoned = true;
      end(request);
    },
    onRequest({ request, url }) {
      if (url.pathname === endpoint) start(request);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const request = (args.contextValue as { request?: Request }).request;
      const deadline = request && deadlines.get(request);
      if (!deadline) return;
      // A backstop: aborted upstream calls settle execution at once; anything else is cut after graceMs.
      setExecuteFn((execArgs) => {
        const result = executeFn(execArgs);
        if (!isPromise(result)) return result;
        return new Promise((resolve, reject) => {
          let cut: NodeJS.Timeout | undefined;
          const onAbort = () => {
            cut = setTimeout(() => resolve({ data: null, errors: [timeoutError()] }), graceMs);
          };
          // Settled: no backstop left behind (the answer's own abort would start one for nothing).
          const settled = () => {
            clearTimeout(cut);
            deadline.signal.removeEventListener('abort', onAbort);
          };
          if (deadline.signal.aborted) onAbort();
          else deadline.signal.addEventListener('abort', onAbort, { once: true });
          result.then(
            (value) => {
              settled();
              resolve(value);
            },
            (error: unknown) => {
              settled();
              reject(error);
            },
          );
        });
      });
      return {
        onExecuteDone({ result, setResult }) {
          if (!(Symbol.asyncIterator in result)) {
            if (deadline.abandoned && result.errors) {
              const errors = result.errors.filter(
                (error) => !(error.originalError instanceof RequestEndedError),
              );
              setResult({ ...result, errors });
            }
            return end(request);
          }
          // Deferred parts load after the first payload: the deadline holds until the last.
          deadline.streaming = true;
          return { onEnd: () => end(request) };
        },
      };
    },
    onSubscribe({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const deadline = request && deadlines.get(request);
      if (!deadline) return;
      deadline.streaming = true;
      clearTimeout(deadline.timer);
      deadline.timer = setTimeout(
        () => deadline.controller.abort(subscriptionTimeout()),
        subscriptionTimeoutMs,
      );
      deadline.timer.unref();
      return { onSubscribeResult: () => ({ onEnd: () => end(request) }) };
    },
    onResponse({ request }) {
      if (!deadlines.get(request)?.streaming) end(request);
    },
  };
}
