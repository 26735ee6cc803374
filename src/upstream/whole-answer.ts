/**
 * One upstream exchange read whole into a string, for every call but the streamed exports.
 * Cheaper than undici's `request()`: no body stream, and no conversion between undici's two
 * handler styles for the answer's head and each of its chunks.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';

export interface WholeAnswer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  /** The body; of an answer that is not a 2xx, its first `maxErrorBody` bytes only. */
  text: string;
}

/** The answer's head arrived, then its body failed (reset, body timeout): the status is known. */
export class BodyCutError extends Error {
  override name = 'BodyCutError';
  constructor(
    readonly status: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export interface WholeOptions {
  /** Aborts the exchange: at once while it waits for a connection, or on the wire. */
  signal?: AbortSignal;
  /** Bytes kept of an answer that is not a 2xx. */
  maxErrorBody: number;
  /** Called once the answer's head has arrived (the rate window counts the call from here). */
  onHead?: (status: number) => void;
}

export function dispatchWhole(
  dispatcher: Dispatcher,
  request: Dispatcher.DispatchOptions,
  options: WholeOptions,
): Promise<WholeAnswer> {
  const { signal, maxErrorBody } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<WholeAnswer>((resolve, reject) => {
    let controller: Dispatcher.DispatchController | null = null;
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    let kept = 0;
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = () => {
      settled = true;
      signal?.removeEventListener('abort', onAbort);
    };
    function onAbort() {
      // Queued for a connection: give up now. On the wire: undici ends it and reports the reason.
      if (controller) controller.abort(signal?.reason);
      else {
        settle();
        reject(signal?.reason);
      }
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        if (settled || signal?.aborted) started.abort(signal?.reason);
      },
      onResponseStart(_controller, statusCode, answerHeaders) {
        status = statusCode;
        headers = answerHeaders;
        options.onHead?.(statusCode);
      },
      onResponseData(_controller, chunk) {
        if (status >= 200 && status < 300) chunks.push(chunk);
        else if (kept < maxErrorBody) {
          chunks.push(chunk.subarray(0, maxErrorBody - kept));
          kept += chunk.length;
        }
      },
      onResponseEnd() {
        if (settled) return;
        settle();
        const text =
          chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
        resolve({ statusCode: status, headers, text });
      },
      onResponseError(_controller, error) {
        if (settled) return;
        settle();
        reject(status > 0 && !(signal?.aborted ?? false) ? new BodyCutError(status, error) : error);
      },
    };
    try {
      dispatcher.dispatch(request, handler);
    } catch (error) {
      settle();
      reject(error);
    }
  });
}
