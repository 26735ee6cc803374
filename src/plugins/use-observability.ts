/**
 * Request ids, logs, metrics and spans for every request: one observation per HTTP request,
 * current for everything that runs on its behalf, finished as its response leaves. Goes first
 * among the plugins so that it sees requests other plugins answer early.
 */
import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { REQUEST_ID_HEADER } from '../observability/request-id.ts';
import {
  claimErrors,
  createRequestObservation,
  type ObservationDeps,
  type RequestObservation,
  runObserved,
} from '../observability/request-observation.ts';

export interface ObservabilityHandle {
  /** The observation of a request this plugin is watching (the context factory hands its upstream observer on). */
  observationOf(request: Request): RequestObservation | undefined;
}

export function useObservability(deps: ObservationDeps): Plugin & ObservabilityHandle {
  const observations = new WeakMap<Request, RequestObservation>();
  const observe = (request: Request): RequestObservation => {
    let observation = observations.get(request);
    if (!observation) {
      observation = createRequestObservation(request, deps);
      observations.set(request, observation);
    }
    return observation;
  };

  return {
    observationOf: (request) => observations.get(request),
    // Around the whole request, so that Yoga's trace lines carry its id; see runObserved for why only then.
    ...(deps.log.isLevelEnabled('trace')
      ? {
          instrumentation: {
            request: ({ request }, wrapped) => runObserved(observe(request), wrapped),
          } satisfies Plugin['instrumentation'],
        }
      : {}),
    onRequest({ request }) {
      observe(request);
    },
    onRequestParse({ request }) {
      // From here on it is a GraphQL request, even if its body turns out unreadable.
      observe(request).graphql = { operationName: null, operationType: null };
    },
    onParams({ request, params }) {
      const observation = observe(request);
      observation.graphql = { operationName: params.operationName ?? null, operationType: null };
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const observation = request ? observations.get(request) : undefined;
      const graphql = observation?.graphql;
      if (!observation || !graphql) return;
      const operation = getOperationAST(args.document, args.operationName);
      graphql.operationName = operation?.name?.value ?? graphql.operationName;
      graphql.operationType = operation?.operation ?? null;
      // Before masking (Yoga's plugin comes after ours), which logs each unexpected error.
      return {
        onExecuteDone: ({ result }) => {
          if (!isAsyncIterable(result)) return claimErrors(result.errors, observation.log);
          return { onNext: ({ result: next }) => claimErrors(next.errors, observation.log) };
        },
      };
    },
    onResultProcess({ request, result }) {
      const graphql = observations.get(request)?.graphql;
      if (graphql) graphql.result = result;
    },
    onResponse({ request, response }) {
      const observation = observations.get(request);
      if (!observation) return;
      response.headers.set(REQUEST_ID_HEADER, observation.id);
      observation.finish(response.status);
    },
  };
}
