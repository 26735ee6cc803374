import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { parseCsvExportPath } from '../schema/sources/csv-export-paths.ts';
import { jsonResponse } from './json-response.ts';

/** Headers a page can only send after a CORS preflight; any one of them proves the caller passed it. */
export const CSRF_HEADERS = [
  'x-graphql-csrf',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-graphql-yoga-csrf',
] as const;

export const CSRF_CODE = 'CSRF_HEADER_REQUIRED';

export interface CsrfPreventionOptions {
  /** Headers of which one must be present on a request a browser could send without a preflight. @default CSRF_HEADERS */
  requestHeaders?: readonly string[];
}

const refusal = (headers: readonly string[]) =>
  createGraphQLError(
    `This request could come from any web page: send one of the headers ${headers.join(', ')} ` +
      '(e.g. "x-graphql-csrf: 1"), or a JSON body.',
    { extensions: { code: CSRF_CODE, http: { status: 403 } } },
  );

/**
 * Yoga's CSRF prevention with a stable code: a form, multipart or text/plain POST, or a GET,
 * needs a header that forces a preflight. The CSV export routes (GET) need it too.
 */
export function useCsrfPrevention(options: CsrfPreventionOptions = {}): Plugin {
  const requestHeaders = [...(options.requestHeaders ?? CSRF_HEADERS)];
  const yogaCheck = useCSRFPrevention({ requestHeaders });
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method === 'OPTIONS' || !parseCsvExportPath(url.pathname)) return;
      if (requestHeaders.some((name) => request.headers.has(name))) return;
      const { message } = refusal(requestHeaders);
      endResponse(jsonResponse(403, { errors: [{ message, extensions: { code: CSRF_CODE } }] }));
    },
    onRequestParse(payload) {
      try {
        yogaCheck.onRequestParse?.(payload);
      } catch {
        throw refusal(requestHeaders);
      }
    },
  };
}
