import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { costsNothing } from '../cost/field-cost.ts';
import { NonEmployeeSourceRef } from '../refs.ts';
import { type CsvExportKind, csvExportPath } from './csv-export-paths.ts';

/** Yoga puts the HTTP request in every context; the links are absolute on the origin it came to. */
function exportUrl(ctx: GatewayContext, sourceId: string, kind: CsvExportKind): string {
  const path = csvExportPath(sourceId, kind);
  const request = (ctx as GatewayContext & { request?: Request }).request;
  return request?.url ? new URL(path, request.url).href : path;
}

/** The context gives the request's origin; the download itself is a later request. */
const LINK_ONLY = costsNothing('a link, downloaded by a later request');

builder.objectFields(NonEmployeeSourceRef, (t) => ({
  recordsExportUrl: t.string({
    description:
      'Downloads every record of the source as CSV, through this gateway, with the same Authorization as /graphql.',
    extensions: LINK_ONLY,
    resolve: (source, _args, ctx) => exportUrl(ctx, source.id ?? '', 'records'),
  }),
  schemaTemplateExportUrl: t.string({
    description: 'Downloads the CSV header a bulk upload to this source expects, through this gateway.',
    extensions: LINK_ONLY,
    resolve: (source, _args, ctx) => exportUrl(ctx, source.id ?? '', 'schema-template'),
  }),
}));
