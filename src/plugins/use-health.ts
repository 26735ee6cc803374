import type { Plugin } from 'graphql-yoga';
import { jsonResponse } from './json-response.ts';

export interface HealthOptions {
  /** The liveness path, matched exactly. @default '/health' */
  path?: string;
}

/** Liveness: the process answers. It checks nothing else, so a slow upstream never restarts it. */
export function useHealth(options: HealthOptions = {}): Plugin {
  const path = options.path ?? '/health';
  return {
    onRequest({ url, request, endResponse }) {
      if (url.pathname !== path || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      endResponse(jsonResponse(200, { status: 'ok' }));
    },
  };
}
