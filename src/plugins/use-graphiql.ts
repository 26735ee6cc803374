import type { Plugin } from 'graphql-yoga';
import { createStaticAsset, graphiqlBundle, type StaticAsset, serveAsset } from './graphiql-assets.ts';

/** A tab GraphiQL opens with; `variables` and `headers` are JSON text, as the editors show them. */
export interface GraphiQLTab {
  query: string;
  variables?: string;
  headers?: string;
}

export interface GraphiQLOptions {
  /** The page's title. @default 'GraphiQL' */
  title?: string;
  /** The example tabs; a first visit opens them, later visits keep what the browser stored. @default [] */
  tabs?: readonly GraphiQLTab[];
  /** Where GraphiQL is served (GET with `Accept: text/html`). @default '/graphql' */
  endpoint?: string;
  /** Where its files are served, each under a name with its content hash. @default '/graphiql' */
  assetPrefix?: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
// The page names the hashed files and carries the tabs: revalidated on each load, a 304 when unchanged.
const REVALIDATE = 'no-cache';

/** `<` in inline JSON could close the script element. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function renderPage(options: GraphiQLOptions, prefix: string): string {
  const { urls } = graphiqlBundle(prefix);
  const title = (options.title ?? 'GraphiQL').replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const render = { title: options.title, defaultTabs: options.tabs ?? [] };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${urls.favicon}" />
    <link rel="stylesheet" href="${urls.css}" />
    <style>
      /* On a first visit GraphiQL's tab bar keeps the offsets of a layout animation that never ends, so a click lands beside its tab. */
      .graphiql-tab { transform: none !important; }
    </style>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${inlineJson(urls.workers)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (moduleId, label) => workers[label] };
    </script>
    <script src="${urls.js}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${inlineJson(render)});
    </script>
  </body>
</html>
`;
}

/**
 * GraphiQL as a small page and hashed files (the bundled build is one 9 MB page otherwise):
 * files compressed (br, gzip) and cached for good, the page revalidated by ETag.
 */
export function useGraphiQL(options: GraphiQLOptions = {}): Plugin {
  const endpoint = options.endpoint ?? '/graphql';
  const prefix = options.assetPrefix ?? '/graphiql';
  let page: StaticAsset | null = null;
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === endpoint) {
        if (!request.headers.get('accept')?.includes('text/html')) return;
        page ??= createStaticAsset(Buffer.from(renderPage(options, prefix)), 'text/html; charset=utf-8');
        return serveAsset(request, page, REVALIDATE).then(endResponse);
      }
      if (!url.pathname.startsWith(`${prefix}/`)) return;
      const asset = graphiqlBundle(prefix).assets.get(url.pathname);
      if (asset) return serveAsset(request, asset, IMMUTABLE).then(endResponse);
    },
  };
}
