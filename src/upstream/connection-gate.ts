/**
 * An undici interceptor that lets no more calls through to an origin than it has connections,
 * and keeps the others in a line of its own that a call leaves when its signal aborts.
 *
 * undici's pool has a queue too, but a call cannot leave it: an aborted call waits for a
 * connection and then ends it, so every call given up while the pool was full costs a fresh
 * connection (a TLS handshake against a tenant) once connections free, right when the upstream
 * is slow. Here a call given up leaves the line, and no connection hears of it.
 *
 * Composed inside the retry interceptor, so each attempt takes a place and a retry's backoff
 * holds none. Handlers there are always undici's newer shape (`onRequestStart`...); a call of the
 * older shape (no retry interceptor in front) goes straight through, uncounted.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Dispatcher } from 'undici';
import { ForwardingHandler } from './forwarding-handler.ts';

type Handler = Dispatcher.DispatchHandler;
type Controller = Dispatcher.DispatchController;

interface OriginLine {
  inFlight: number;
  waiting: Waiter[];
}

interface Waiter {
  options: Dispatcher.DispatchOptions;
  handler: Handler;
  signal: AbortSignal | undefined;
  /** The signal's abort listener. */
  handleEvent(): void;
}

/** What a call that left the line is told: already aborted, so no retry is considered. */
const leftController = (reason: unknown): Controller =>
  ({
    aborted: true,
    paused: false,
    reason,
    rawHeaders: null,
    rawTrailers: null,
    abort() {},
    pause() {},
    resume() {},
  }) as unknown as Controller;

/** Hands every event of one attempt on, and gives its place back once, when it ends either way. */
class GatedHandler extends ForwardingHandler {
  #released = false;

  constructor(
    next: Handler,
    private readonly line: OriginLine,
    private readonly release: (line: OriginLine) => void,
  ) {
    super(next);
  }

  end(): void {
    if (this.#released) return;
    this.#released = true;
    this.release(this.line);
  }

  override onRequestUpgrade(
    controller: Controller,
    status: number,
    headers: IncomingHttpHeaders,
    socket: Duplex,
  ): void {
    this.end();
    super.onRequestUpgrade(controller, status, headers, socket);
  }

  override onResponseEnd(controller: Controller, trailers: IncomingHttpHeaders): void {
    this.end();
    super.onResponseEnd(controller, trailers);
  }

  override onResponseError(controller: Controller, error: Error): void {
    this.end();
    super.onResponseError(controller, error);
  }
}

/** `connections`: the pool's connections per origin, so that its own queue stays empty. */
export const createConnectionGate =
  (connections: number): Dispatcher.DispatcherComposeInterceptor =>
  (dispatch) => {
    const lines = new Map<string, OriginLine>();

    const lineOf = (origin: Dispatcher.DispatchOptions['origin']): OriginLine => {
      const key = String(origin ?? '');
      let line = lines.get(key);
      if (!line) {
        line = { inFlight: 0, waiting: [] };
        lines.set(key, line);
      }
      return line;
    };

    const release = (line: OriginLine) => {
      line.inFlight -= 1;
      while (line.inFlight < connections && line.waiting.length > 0) {
        const waiter = line.waiting.shift() as Waiter;
        waiter.signal?.removeEventListener('abort', waiter);
        try {
          start(waiter.options, waiter.handler, line);
        } catch (error) {
          waiter.handler.onResponseError?.(leftController(error), error as Error);
        }
      }
    };

    const start = (options: Dispatcher.DispatchOptions, handler: Handler, line: OriginLine) => {
      line.inFlight += 1;
      const gated = new GatedHandler(handler, line, release);
      try {
        return dispatch(options, gated);
      } catch (error) {
        // Refused before it started (bad options, a closed pool): its place is free again.
        gated.end();
        throw error;
      }
    };

    return (options, handler) => {
      if (typeof handler.onRequestStart !== 'function') return dispatch(options, handler);
      const line = lineOf(options.origin);
      if (line.inFlight < connections && line.waiting.length === 0) return start(options, handler, line);
      const signal = (options as { signal?: AbortSignal }).signal;
      if (signal?.aborted) {
        handler.onResponseError?.(leftController(signal.reason), signal.reason as Error);
        return true;
      }
      const waiter: Waiter = {
        options,
        handler,
        signal,
        handleEvent() {
          const at = line.waiting.indexOf(waiter);
          if (at !== -1) line.waiting.splice(at, 1);
          handler.onResponseError?.(leftController(signal?.reason), signal?.reason as Error);
        },
      };
      signal?.addEventListener('abort', waiter, { once: true });
      line.waiting.push(waiter);
      return true;
    };
  };
