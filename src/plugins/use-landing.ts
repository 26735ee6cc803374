import type { Plugin } from 'graphql-yoga';
import { jsonResponse } from './json-response.ts';

export interface LandingOptions {
  /** @default '/graphql' */
  graphqlEndpoint?: string;
}

/** `GET /`: where things are, instead of an empty 404 (a browser follows the link to GraphiQL). */
export function useLanding(options: LandingOptions = {}): Plugin {
  const graphql = options.graphqlEndpoint ?? '/graphql';
  const body = {
    graphql,
    graphiql: `${graphql} (GET in a browser)`,
    exports: [
      '/exports/non-employee-sources/{id}/records.csv',
      '/exports/non-employee-sources/{id}/schema-template.csv',
    ],
    health: '/health',
    ready: '/ready',
  };
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/' || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      if (request.headers.get('accept')?.includes('text/html')) {
        const links = [graphql, '/health', '/ready'].map((path) => `<li><a href="${path}">${path}</a></li>`);
        const html = `<!doctype html><meta charset="utf-8"><title>Non-employee lifecycle GraphQL gateway</title>
<h1>Non-employee lifecycle GraphQL gateway</h1><ul>${links.join('')}</ul>
<p>CSV exports: ${body.exports.map((path) => `<code>${path}</code>`).join(', ')} (with the header <code>x-graphql-csrf: 1</code>).</p>`;
        endResponse(new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
        return;
      }
      endResponse(jsonResponse(200, body));
    },
  };
}
