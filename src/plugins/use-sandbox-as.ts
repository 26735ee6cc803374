import type { Plugin } from 'graphql-yoga';
import type { Dispatcher } from 'undici';
import { createClientCredentialsTokenProvider, type TokenProvider } from '../upstream/auth.ts';
import { jsonResponse } from './json-response.ts';

/** The header that picks a demo client of the sandbox, e.g. `x-sandbox-as: approver-1`. */
export const SANDBOX_AS_HEADER = 'x-sandbox-as';

export interface SandboxAsOptions {
  /** Where the demo clients get their tokens: the sandbox's root (`<it>/oauth/token`). */
  tokenBaseUrl: string;
  /** Demo client name (`admin`, `approver-1`, …) -> its client credentials. */
  clients: Readonly<Record<string, { clientId: string; clientSecret: string }>>;
  dispatcher: Dispatcher;
  /** Renew a token this long before it expires. @default 60 */
  refreshMarginSeconds?: number;
}

/** Turns `x-sandbox-as` into the named demo client's token, one cached token per client. */
export interface SandboxAs {
  /** The token source of the client a request names, or null when it names none. */
  tokensFor(request: Request): TokenProvider | null;
  plugin: Plugin;
}

const refusal = (status: number, message: string, code: string) =>
  jsonResponse(status, { errors: [{ message, extensions: { code } }] });

/**
 * `x-sandbox-as` in sandbox mode; with `options` null (a tenant) the header is refused, so a
 * request never silently runs as someone other than it asked.
 */
export function createSandboxAs(options: SandboxAsOptions | null): SandboxAs {
  const providers = new Map<string, TokenProvider>();
  const names = Object.keys(options?.clients ?? {});
  const providerOf = (name: string): TokenProvider | null => {
    const client = options?.clients[name];
    if (!options || !client) return null;
    let provider = providers.get(name);
    if (!provider) {
      provider = createClientCredentialsTokenProvider({
        baseUrl: options.tokenBaseUrl,
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        dispatcher: options.dispatcher,
        refreshMarginSeconds: options.refreshMarginSeconds,
      });
      providers.set(name, provider);
    }
    return provider;
  };
  return {
    tokensFor: (request) => {
      const name = request.headers.get(SANDBOX_AS_HEADER)?.trim();
      return name ? providerOf(name) : null;
    },
    plugin: {
      onRequest({ request, endResponse }) {
        const name = request.headers.get(SANDBOX_AS_HEADER)?.trim();
        if (name === undefined) return;
        if (!options) {
          return endResponse(
            refusal(
              400,
              `${SANDBOX_AS_HEADER} works only against the embedded sandbox; send "Authorization: Bearer <token>".`,
              'SANDBOX_ONLY',
            ),
          );
        }
        if (request.headers.has('authorization')) {
          return endResponse(
            refusal(400, `Send either ${SANDBOX_AS_HEADER} or Authorization, not both.`, 'BAD_REQUEST'),
          );
        }
        if (!providerOf(name)) {
          return endResponse(
            refusal(
              400,
              `${SANDBOX_AS_HEADER}: no demo client is named ${JSON.stringify(name)}; the names are ${names.join(', ')}.`,
              'UNKNOWN_SANDBOX_CLIENT',
            ),
          );
        }
      },
    },
  };
}
