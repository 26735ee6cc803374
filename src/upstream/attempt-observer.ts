/**
 * An undici interceptor, composed inside the retry interceptor, that sees every attempt of a
 * call: its status (or the failure's code) and how long its answer took. A call opts in by
 * passing `onAttempt` in its request options; undici's retry handler hands them to every attempt.
 */
import type { Dispatcher } from 'undici';

export interface UpstreamAttempt {
  /** 0 when no answer came. */
  status: number;
  /** The failure's code (`ECONNRESET`, `UND_ERR_HEADERS_TIMEOUT`...) when no answer came. */
  errorCode: string | null;
  /** The answer's `Retry-After`, as sent. */
  retryAfter: string | null;
  durationMs: number;
}

export type OnUpstreamAttempt = (attempt: UpstreamAttempt) => void;

type Handler = Dispatcher.DispatchHandler & Record<string, unknown>;

const headerOf = (headers: unknown, name: string): string | null => {
  if (Array.isArray(headers)) {
    // Legacy handlers get raw [name, value, name, value...] buffers.
    for (let i = 0; i < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
    }
    return null;
  }
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
};

const observe = (handler: Handler, onAttempt: OnUpstreamAttempt): Handler => {
  const started = performance.now();
  let reported = false;
  const report = (status: number, errorCode: string | null, retryAfter: string | null) => {
    if (reported) return;
    reported = true;
    onAttempt({ status, errorCode, retryAfter, durationMs: performance.now() - started });
  };
  const failed = (error: unknown) => report(0, (error as { code?: string } | null)?.code ?? 'ERROR', null);
  // Bound to the real handler: undici's handlers keep private fields a Proxy receiver lacks.
  return new Proxy(handler, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      const method = value.bind(target) as (...args: unknown[]) => unknown;
      switch (property) {
        case 'onResponseStart':
          return (controller: unknown, status: number, headers: unknown, ...rest: unknown[]) => {
            report(status, null, headerOf(headers, 'retry-after'));
            return method(controller, status, headers, ...rest);
          };
        case 'onHeaders':
          return (status: number, headers: unknown, ...rest: unknown[]) => {
            report(status, null, headerOf(headers, 'retry-after'));
            return method(status, headers, ...rest);
          };
        case 'onResponseError':
          return (controller: unknown, error: unknown) => {
            failed(error);
            return method(controller, error);
          };
        case 'onError':
          return (error: unknown) => {
            failed(error);
            return method(error);
          };
        default:
          return method;
      }
    },
  });
};

export const createAttemptObserverInterceptor =
  (): Dispatcher.DispatcherComposeInterceptor => (dispatch) => (opts, handler) => {
    const onAttempt = (opts as { onAttempt?: OnUpstreamAttempt }).onAttempt;
    return dispatch(opts, onAttempt ? observe(handler as Handler, onAttempt) : handler);
  };
