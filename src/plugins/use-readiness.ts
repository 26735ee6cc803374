import type { Plugin } from 'graphql-yoga';
import { jsonResponse } from './json-response.ts';

export interface ReadinessOptions {
  /** Resolves when the upstream can serve; rejects with a readable reason otherwise. */
  probe: (signal: AbortSignal) => Promise<void>;
  /** True from the moment shutdown begins: then `/ready` is 503 without probing. @default () => false */
  isShuttingDown?: () => boolean;
  /** The readiness path, matched exactly. @default '/ready' */
  path?: string;
  /** How long one probe's verdict is reused, so load balancers polling often cost few upstream calls. @default 2000 */
  cacheMs?: number;
  /** A probe that has not answered by then counts as a failure. @default 2000 */
  timeoutMs?: number;
  /** Added to every answer's body (e.g. the shared store's state); never decides readiness. @default none */
  details?: () => Record<string, unknown>;
}

interface Verdict {
  ready: boolean;
  reason?: string;
  at: number;
}

/** Readiness: 200 when the upstream answers, 503 with a JSON reason when it does not or when shutting down. */
export function useReadiness(options: ReadinessOptions): Plugin {
  const path = options.path ?? '/ready';
  const cacheMs = options.cacheMs ?? 2000;
  const timeoutMs = options.timeoutMs ?? 2000;
  const isShuttingDown = options.isShuttingDown ?? (() => false);
  let last: Verdict | null = null;
  let pending: Promise<Verdict> | null = null;

  const run = async (): Promise<Verdict> => {
    const signal = AbortSignal.timeout(timeoutMs);
    const timedOut = new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () =>
        reject(new Error(`the upstream did not answer within ${timeoutMs} ms`)),
      ),
    );
    try {
      await Promise.race([options.probe(signal), timedOut]);
      return { ready: true, at: Date.now() };
    } catch (error) {
      return { ready: false, reason: error instanceof Error ? error.message : String(error), at: Date.now() };
    }
  };
  // Concurrent polls share one probe; a verdict is reused for cacheMs.
  const verdict = (): Promise<Verdict> => {
    if (last && Date.now() - last.at < cacheMs) return Promise.resolve(last);
    pending ??= run().then((result) => {
      last = result;
      pending = null;
      return result;
    });
    return pending;
  };

  return {
    async onRequest({ url, request, endResponse }) {
      if (url.pathname !== path || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      if (isShuttingDown()) {
        endResponse(jsonResponse(503, { status: 'unavailable', reason: 'shutting down' }));
        return;
      }
      const { ready, reason } = await verdict();
      const details = options.details?.() ?? {};
      endResponse(
        ready
          ? jsonResponse(200, { status: 'ready', ...details })
          : jsonResponse(503, { status: 'unavailable', reason: `upstream: ${reason}`, ...details }),
      );
    },
  };
}
