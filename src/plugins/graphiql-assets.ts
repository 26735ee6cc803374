import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import {
  css,
  editorWorkerService,
  favicon,
  graphqlWorker,
  js,
  jsonWorker,
} from '@graphql-yoga/render-graphiql/graphiql';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type Encoding = 'br' | 'gzip';

/** One file of GraphiQL, kept in memory with its compressed forms, made once on first use. */
export interface StaticAsset {
  body: Uint8Array;
  contentType: string;
  etag: string;
  encoded(encoding: Encoding): Promise<Uint8Array>;
}

const hashOf = (body: Uint8Array) => createHash('sha256').update(body).digest('hex').slice(0, 16);

export function createStaticAsset(body: Uint8Array, contentType: string): StaticAsset {
  const cache = new Map<Encoding, Promise<Uint8Array>>();
  return {
    body,
    contentType,
    etag: `"${hashOf(body)}"`,
    encoded(encoding) {
      let found = cache.get(encoding);
      if (!found) {
        // Quality 5: within 10% of the best brotli for a tenth of the time on a 5 MB bundle.
        found =
          encoding === 'br'
            ? brotli(body, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 5,
                  [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
                },
              })
            : gzipAsync(body, { level: 6 });
        cache.set(encoding, found);
      }
      return found;
    },
  };
}

export interface GraphiQLBundle {
  /** Path (under the prefix) -> asset; every name carries its content hash, so it may be cached forever. */
  assets: Map<string, StaticAsset>;
  /** The URLs the page refers to. */
  urls: { css: string; js: string; favicon: string; workers: Record<string, string> };
}

const JS = 'text/javascript; charset=utf-8';

let bundle: GraphiQLBundle | null = null;

/** GraphiQL's files from `@graphql-yoga/render-graphiql`, split out of its one inline page. */
export function graphiqlBundle(prefix: string): GraphiQLBundle {
  if (bundle) return bundle;
  const assets = new Map<string, StaticAsset>();
  const add = (name: string, ext: string, body: Uint8Array, type: string) => {
    const asset = createStaticAsset(body, type);
    const path = `${prefix}/${name}.${asset.etag.slice(1, -1)}.${ext}`;
    assets.set(path, asset);
    return path;
  };
  const icon = /^data:([^;]+);base64,(.*)$/.exec(favicon);
  bundle = {
    assets,
    urls: {
      css: add('graphiql', 'css', Buffer.from(css), 'text/css; charset=utf-8'),
      js: add('graphiql', 'js', Buffer.from(js), JS),
      favicon: icon ? add('favicon', 'ico', Buffer.from(icon[2], 'base64'), icon[1]) : favicon,
      workers: {
        editorWorkerService: add('editor.worker', 'js', Buffer.from(editorWorkerService), JS),
        json: add('json.worker', 'js', Buffer.from(jsonWorker), JS),
        graphql: add('graphql.worker', 'js', Buffer.from(graphqlWorker), JS),
      },
    },
  };
  return bundle;
}

/** The best encoding the request accepts: br, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | null): Encoding | null {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return null;
}

/** A 200 (compressed when the client accepts it) or a 304 when its ETag matches. */
export async function serveAsset(
  request: Request,
  asset: StaticAsset,
  cacheControl: string,
): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': asset.contentType,
    'cache-control': cacheControl,
    etag: asset.etag,
    vary: 'accept-encoding',
  };
  const tags = request.headers.get('if-none-match');
  if (tags?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === asset.etag)) {
    return new Response(null, { status: 304, headers });
  }
  const encoding = pickEncoding(request.headers.get('accept-encoding'));
  const body = encoding ? await asset.encoded(encoding) : asset.body;
  if (encoding) headers['content-encoding'] = encoding;
  // Node's Buffers are Uint8Arrays over an ArrayBufferLike, which the DOM typing of BodyInit does not take.
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers,
  });
}
