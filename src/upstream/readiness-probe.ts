/**
 * What `/ready` asks of the upstream. With a service account: a token can be had and one
 * cheap call (one source) answers. Without one: the token endpoint answers at all.
 */
import type { Dispatcher } from 'undici';
import type { TokenProvider } from './auth.ts';
import { createUpstreamApi } from './create-upstream-api.ts';
import type { ApiVersion } from './wire/common.ts';

export interface ReadinessProbeOptions {
  baseUrl: string;
  apiVersion: ApiVersion;
  dispatcher: Dispatcher;
  /** The service account's tokens; null when there is none. */
  tokens: TokenProvider | null;
}

export function createReadinessProbe(options: ReadinessProbeOptions): (signal: AbortSignal) => Promise<void> {
  const { baseUrl, apiVersion, dispatcher, tokens } = options;
  if (tokens) {
    return async (signal) => {
      const api = createUpstreamApi({
        baseUrl,
        apiVersion,
        dispatcher,
        signal,
        getToken: () => tokens.getToken(),
        onTokenRejected: () => tokens.invalidate(),
        // One attempt: a probe reports the upstream as it is now.
        retry: { maxAttempts: 1 },
      });
      await api.listNonEmployeeSources({ limit: 1 });
    };
  }
  const url = new URL(baseUrl);
  const path = `${url.pathname.replace(/\/+$/, '')}/oauth/token`;
  return async (signal) => {
    // An empty grant: any answer below 500 shows the endpoint is there.
    const answer = await dispatcher.request({
      origin: url.origin,
      path,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      signal,
    });
    await answer.body.dump();
    if (answer.statusCode >= 500) throw new Error(`POST /oauth/token answered ${answer.statusCode}`);
  };
}
