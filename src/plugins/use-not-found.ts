import type { Plugin } from 'graphql-yoga';
import { jsonResponse } from './json-response.ts';

const notFound = (pathname: string) =>
  jsonResponse(404, {
    errors: [
      {
        message: `Nothing is served at ${pathname}; GraphQL is at /graphql.`,
        extensions: { code: 'NOT_FOUND' },
      },
    ],
  });

/**
 * Unknown paths are a 404 with a JSON body. Yoga serves GraphQL on any path ending in the
 * endpoint and answers other paths with an empty 404; both are made exact and readable here.
 */
export function useNotFound(graphqlEndpoint = '/graphql'): Plugin {
  return {
    onRequest({ url, endResponse }) {
      const { pathname } = url;
      if (pathname.endsWith(graphqlEndpoint) && pathname !== graphqlEndpoint) endResponse(notFound(pathname));
    },
    onResponse({ request, response, setResponse }) {
      if (response.status !== 404 || response.headers.has('content-type')) return;
      setResponse(notFound(new URL(request.url).pathname));
    },
  };
}
