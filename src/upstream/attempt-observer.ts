/**
 * An undici interceptor, composed inside the retry interceptor, that sees every attempt of a
 * call: its status (or the failure's code) and how long its answer took. A call opts in by
 * passing `onAttempt` in its request options; undici's retry handler hands them to every attempt.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { ForwardingHandler } from './forwarding-handler.ts';

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

type Handler = Dispatcher.DispatchHandler;
type Controller = Dispatcher.DispatchController;

const headerOf = (headers: IncomingHttpHeaders, name: string): string | null => {
  const value = headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
};

/** The attempt's handler, reporting its outcome once. */
class ObservedHandler extends ForwardingHandler {
  readonly #onAttempt: OnUpstreamAttempt;
  readonly #started = performance.now();
  #reported = false;

  constructor(next: Handler, onAttempt: OnUpstreamAttempt) {
    super(next);
    this.#onAttempt = onAttempt;
  }

  #report(status: number, errorCode: string | null, retryAfter: string | null): void {
    if (this.#reported) return;
    this.#reported = true;
    this.#onAttempt({ status, errorCode, retryAfter, durationMs: performance.now() - this.#started });
  }

  override onResponseStart(
    controller: Controller,
    status: number,
    headers: IncomingHttpHeaders,
    message?: string,
  ): void {
    this.#report(status, null, headerOf(headers, 'retry-after'));
    super.onResponseStart(controller, status, headers, message);
  }

  override onResponseError(controller: Controller, error: Error): void {
    this.#report(0, (error as { code?: string } | null)?.code ?? 'ERROR', null);
    super.onResponseError(controller, error);
  }
}

export const createAttemptObserverInterceptor =
  (): Dispatcher.DispatcherComposeInterceptor => (dispatch) => (opts, handler) => {
    const onAttempt = (opts as { onAttempt?: OnUpstreamAttempt }).onAttempt;
    return dispatch(opts, onAttempt ? new ObservedHandler(handler, onAttempt) : handler);
  };
