import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';

export interface MetricsEndpointOptions {
  registry: Registry;
  /** Where the Prometheus text is served. @default '/metrics' */
  path?: string;
}

/** `GET /metrics`: the registry in Prometheus' text format, for scrapers. */
export function useMetricsEndpoint(options: MetricsEndpointOptions): Plugin {
  const path = options.path ?? '/metrics';
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const body = await options.registry.metrics();
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: { 'content-type': options.registry.contentType },
        }),
      );
    },
  };
}
