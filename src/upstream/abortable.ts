/**
 * Waits for `promise` unless `signal` aborts first, then rejects with its reason at once: a call
 * queued for a pool connection or a token must not outlive the request that wanted it.
 * `onLate` gets a value that arrived after the abort, so it can be released (e.g. a body dumped).
 */
export function raceAbort<T>(
  promise: Promise<T>,
  signal?: AbortSignal,
  onLate?: (value: T) => void,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.then(
      (value) => onLate?.(value),
      () => undefined,
    );
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      settled = true;
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (settled) onLate?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (!settled) reject(error);
      },
    );
  });
}
