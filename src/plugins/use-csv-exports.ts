import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../schema/context.ts';
import { isBadUserInputError } from '../schema/errors/bad-user-input.ts';
import { READ_ERRORS } from '../schema/errors/read-errors.ts';
import { parseIdArgument } from '../schema/ids.ts';
import { type CsvExportKind, parseCsvExportPath } from '../schema/sources/csv-export-paths.ts';
import type { CsvDownload, UpstreamApi } from '../upstream/api.ts';
import { ErrorCode, isUpstreamError, type UpstreamError } from '../upstream/errors.ts';

/** The same shape as a GraphQL error, so clients read one kind of failure. */
function errorResponse(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (status === 401) headers['www-authenticate'] = 'Bearer';
  if (status === 405) headers.allow = 'GET, HEAD';
  if (typeof extra.retryAfter === 'number') headers['retry-after'] = String(extra.retryAfter);
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] });
  return new Response(body, { status, headers });
}

function upstreamFailure(error: UpstreamError): Response {
  const status = READ_ERRORS[error.code].httpStatus;
  const retryAfter = error.retryAfterSeconds;
  return errorResponse(status, error.code, error.message, {
    trackingId: error.trackingId,
    ...(retryAfter === null ? {} : { retryAfter }),
  });
}

function download(api: UpstreamApi, sourceId: string, kind: CsvExportKind): Promise<CsvDownload> {
  return kind === 'records'
    ? api.exportNonEmployeeRecords(sourceId)
    : api.exportNonEmployeeSourceSchemaTemplate(sourceId);
}

export interface CsvExportsOptions {
  /**
   * The API client of one HTTP request, with the caller's auth exactly as /graphql would use it.
   * No default: the gateway hands in the factory its GraphQL context uses.
   */
  apiFor: (request: Request) => UpstreamApi;
}

/**
 * Serves `/exports/non-employee-sources/{id}/records.csv` and `.../schema-template.csv`: the
 * upstream CSV streamed through, fetched with the caller's auth exactly as /graphql would.
 */
export function useCsvExports(options: CsvExportsOptions): Plugin<GatewayContext> {
  return {
    async onRequest({ request, url, endResponse }) {
      const target = parseCsvExportPath(url.pathname);
      if (!target) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(errorResponse(405, 'METHOD_NOT_ALLOWED', 'Exports answer GET and HEAD only.'));
        return;
      }
      let sourceId: string;
      try {
        sourceId = parseIdArgument(target.sourceId, 'NonEmployeeSource', 'sourceId');
      } catch (error) {
        if (!isBadUserInputError(error)) throw error;
        endResponse(
          errorResponse(
            READ_ERRORS[ErrorCode.BadUserInput].httpStatus,
            ErrorCode.BadUserInput,
            error.message,
          ),
        );
        return;
      }
      try {
        const csv = await download(options.apiFor(request), sourceId, target.kind);
        const headers: Record<string, string> = {
          'content-type': csv.contentType,
          'cache-control': 'private, no-store',
        };
        if (csv.contentDisposition) headers['content-disposition'] = csv.contentDisposition;
        if (request.method === 'HEAD') {
          await csv.body.cancel();
          endResponse(new Response(null, { status: 200, headers }));
          return;
        }
        endResponse(new Response(csv.body, { status: 200, headers }));
      } catch (error) {
        if (!isUpstreamError(error)) throw error;
        endResponse(upstreamFailure(error));
      }
    },
  };
}
