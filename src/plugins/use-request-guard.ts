import { GraphQLError } from 'graphql';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { defaultOf, SETTINGS } from '../config-settings.ts';

export interface RequestGuardOptions {
  /** Largest body of a request that is not multipart (JSON, form, GraphQL text). @default as `GRAPHQL_MAX_BODY_BYTES` */
  maxBodyBytes?: number;
  /** Largest multipart body (an upload), files included. @default as `GRAPHQL_MAX_UPLOAD_BYTES` */
  maxUploadBytes?: number;
}

type Parser = (request: Request) => GraphQLParams | Promise<GraphQLParams | GraphQLParams[] | Response>;

const badRequest = (message: string, code = 'BAD_REQUEST') =>
  createGraphQLError(message, { extensions: { code, http: { status: 400 } } });

const tooLarge = (limit: number) =>
  createGraphQLError(`The request body is larger than ${limit} bytes.`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });

const isMultipart = (request: Request) =>
  (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

const isForm = (request: Request) =>
  (request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');

const isJson = (request: Request) => {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  return type.startsWith('application/json') || type.startsWith('application/graphql+json');
};

const isAbort = (error: unknown) =>
  error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');

/** `variables` and `extensions` of a GET or a form POST: JSON, or a 400 that says which. */
function readSearchParams(params: URLSearchParams): GraphQLParams {
  const json = (name: 'variables' | 'extensions', code: string) => {
    const text = params.get(name);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw badRequest(`The "${name}" parameter is not valid JSON.`, code);
    }
  };
  return {
    query: params.get('query') || undefined,
    operationName: params.get('operationName') || undefined,
    variables: json('variables', 'INVALID_VARIABLES'),
    extensions: json('extensions', 'INVALID_EXTENSIONS'),
  };
}

/** The body, refused as soon as it passes `limit` bytes (a chunked body has no Content-Length). */
async function readCapped(request: Request, limit: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Bytes from a socket; a string when the host's fetch hands over a URLSearchParams or text body.
  for await (const part of request.body as unknown as AsyncIterable<Uint8Array | string>) {
    const chunk = typeof part === 'string' ? Buffer.from(part) : part;
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A JSON body as Yoga's own parser reads it (the same errors), but parsed once: no second
 * Request to hand it over. With a Content-Length (already held to the limit, and Node's parser
 * reads no more than it says) the body is read whole; without, as it streams in, capped.
 */
async function readJsonParams(request: Request, limit: number, sized: boolean): Promise<GraphQLParams> {
  const text = sized ? await request.text() : (await readCapped(request, limit)).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw createGraphQLError('POST body sent invalid JSON.', {
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    });
  }
  if (body === null || typeof body !== 'object') {
    throw createGraphQLError(
      `POST body is expected to be object but received ${body === null ? 'null' : typeof body}`,
      {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
    );
  }
  return body as GraphQLParams;
}

/**
 * Every malformed request is a 4xx with a stable code, never a 500: `variables`/`extensions`
 * that are not JSON (GET and form POST), bodies past their size, and any failure of a body
 * parser (e.g. a multipart `map` that points nowhere). A multipart body is bounded by
 * `maxUploadBytes`, every other body by `maxBodyBytes`, as it streams in.
 */
export function useRequestGuard(options: RequestGuardOptions = {}): Plugin {
  const limit = options.maxBodyBytes ?? defaultOf(SETTINGS.limits.maxBodyBytes);
  const uploadLimit = options.maxUploadBytes ?? defaultOf(SETTINGS.limits.maxUploadBytes);
  // The body read within its limit, handed to Yoga's own parser.
  const buffered =
    (parser: Parser, max: number): Parser =>
    async (req) =>
      parser(
        new Request(req.url, {
          method: req.method,
          headers: req.headers,
          body: new Uint8Array(await readCapped(req, max)),
        }),
      );
  const guarded =
    (parser: Parser): Parser =>
    async (request) => {
      try {
        return await parser(request);
      } catch (error) {
        if (isAbort(error)) throw error;
        if (error instanceof GraphQLError) {
          if (error.extensions.http) throw error;
          throw badRequest(error.message, String(error.extensions.code ?? 'BAD_REQUEST'));
        }
        throw badRequest('The request body could not be read as a GraphQL request.');
      }
    };
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!requestParser) {
        if (request.method !== 'POST') return;
        throw createGraphQLError(
          'Send the request as application/json, application/graphql, form-urlencoded or multipart/form-data.',
          { extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } } },
        );
      }
      if (request.method === 'GET') {
        setRequestParser(guarded((req) => readSearchParams(new URL(req.url).searchParams)));
        return;
      }
      const max = isMultipart(request) ? uploadLimit : limit;
      const length = request.headers.get('content-length');
      const sized = length !== null && /^\d+$/.test(length);
      if (sized && Number(length) > max) throw tooLarge(max);
      if (isJson(request)) {
        setRequestParser(guarded((req) => readJsonParams(req, max, sized)));
        return;
      }
      if (isForm(request)) {
        setRequestParser(
          guarded(async (req) =>
            readSearchParams(new URLSearchParams((await readCapped(req, limit)).toString('utf8'))),
          ),
        );
        return;
      }
      setRequestParser(guarded(buffered(requestParser as Parser, max)));
    },
  };
}
