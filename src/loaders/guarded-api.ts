import { createGraphQLError } from 'graphql-yoga';
import type { UpstreamApi } from '../upstream/api.ts';
import { UpstreamUnauthenticatedError } from '../upstream/errors.ts';

type ApiMethod = (...args: unknown[]) => Promise<unknown>;

/** An API every call of which fails UNAUTHENTICATED: no bearer and no allowed service account. */
export function createUnauthenticatedApi(reason: string): UpstreamApi {
  return new Proxy({} as UpstreamApi, {
    get: (_target, property) =>
      typeof property === 'string'
        ? () => Promise.reject(new UpstreamUnauthenticatedError(reason, { status: 401 }))
        : undefined,
  });
}

/**
 * Caps the upstream calls one GraphQL request may make (retries inside a call do not count),
 * so one query cannot spend the tenant's rate limit of its token on its own. Once `signal`
 * aborts (deadline, client gone, request answered) no call starts: each fails with its reason.
 */
export function createBudgetedApi(api: UpstreamApi, maxCalls: number, signal?: AbortSignal): UpstreamApi {
  let calls = 0;
  // One wrapper per method the request uses, not one per property read.
  const wrappers = new Map<PropertyKey, ApiMethod>();
  return new Proxy(api, {
    get(target, property, receiver) {
      const known = wrappers.get(property);
      if (known) return known;
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const wrapper = (...args: unknown[]) => {
        if (signal?.aborted) return Promise.reject(signal.reason);
        calls += 1;
        if (calls > maxCalls) {
          return Promise.reject(
            createGraphQLError(
              `This request needs more than ${maxCalls} upstream calls; ask for fewer items or split the query.`,
              { extensions: { code: 'UPSTREAM_CALL_BUDGET_EXCEEDED', maxCalls } },
            ),
          );
        }
        return (value as ApiMethod).apply(target, args);
      };
      wrappers.set(property, wrapper);
      return wrapper;
    },
  });
}
