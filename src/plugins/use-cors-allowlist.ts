import type { Plugin, YogaServerOptions } from 'graphql-yoga';

type CorsOption = YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors'];

/**
 * Yoga's `cors` option as an allowlist: a listed `Origin` gets `Access-Control-Allow-Origin`
 * with credentials; any other (or none configured) gets no CORS header at all, so browsers
 * keep other sites' pages from reading answers or sending preflighted requests.
 */
export function createCorsAllowlist(origins: readonly string[]): CorsOption {
  const allowed = new Set(origins);
  if (allowed.size === 0) return false;
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      exposedHeaders: ['content-disposition', 'retry-after', 'x-request-id'],
      maxAge: 600,
    };
  };
}

/** Answers differ by `Origin` once origins are listed: caches must keep them apart. */
export function useCorsAllowlist(origins: readonly string[]): Plugin {
  return {
    onResponse({ response }) {
      if (origins.length === 0) return;
      const vary = response.headers.get('vary');
      if (!vary?.toLowerCase().includes('origin'))
        response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    },
  };
}
