import { stringify } from 'csv-stringify/sync';
import { MAX_RECORDS_PER_SOURCE } from '../../upstream/wire/nelm-limits.ts';
import { formBody, mediaType, unsupportedMediaType } from '../http/body.ts';
import { badContent, notFound, SandboxError } from '../http/sandbox-error.ts';
import type { RouteDefinition, SandboxRequest } from '../http/types.ts';
import type { RecordRow, UploadJobRow } from '../store/nelm-rows.ts';
import type { SourceState } from '../store/nelm-store.ts';
import { CSV_SYSTEM_COLUMNS } from '../store/system-attributes.ts';
import { requireRight } from './access.ts';
import { type ParsedCsv, parseUploadCsv, validateRows } from './csv-import.ts';
import { NELM_VERSIONS, type NelmContext } from './nelm-context.ts';
import type { RecordInput } from './record-input.ts';
import { newRecordRow } from './record-routes.ts';
import { iso } from './views.ts';

const jobView = (job: UploadJobRow) => ({
  id: job.id,
  sourceId: job.sourceId,
  created: iso(job.created),
  modified: iso(job.modified),
  status: job.status,
});

function csvColumns(state: SourceState): string[] {
  return [
    ...CSV_SYSTEM_COLUMNS,
    ...state.row.attributes.filter((a) => !a.system).map((a) => a.technicalName),
  ];
}

function csvRow(row: RecordRow, columns: readonly string[]): string[] {
  return columns.map((column) => {
    if (column === 'startDate' || column === 'endDate') return iso(row[column]);
    const value = (row as unknown as Record<string, unknown>)[column];
    return typeof value === 'string' ? value : (row.data[column] ?? '');
  });
}

export function createBulkRoutes(ctx: NelmContext): RouteDefinition[] {
  const base = '/non-employee-sources/:id';
  const readable = (req: SandboxRequest): SourceState => {
    const state = ctx.store.source(req.params.id);
    if (!state) throw notFound(`Non-employee source '${req.params.id}'`);
    // The spec: export, template and upload status all "require role context of idn:nesr:read".
    requireRight(req.caller, 'read');
    return state;
  };
  const csvResponse = (body: string, filename: string) => ({
    status: 200,
    headers: {
      'content-type': 'text/csv;charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    },
    body,
  });

  /** Runs a validated upload on timers: PENDING → IN_PROGRESS → COMPLETED (ERROR if the source changed under it). */
  function runJob(job: UploadJobRow, state: SourceState, csv: ParsedCsv): void {
    const current = () =>
      ctx.store.uploadJobs.get(job.sourceId) === job && ctx.store.source(job.sourceId) === state;
    const step = (fn: () => void) =>
      setTimeout(() => {
        if (!current()) return;
        try {
          fn();
        } catch (error) {
          job.status = 'ERROR';
          job.errors = [{ line: 0, message: error instanceof Error ? error.message : String(error) }];
          job.modified = ctx.now();
        }
      }, ctx.jobStepMs).unref();
    step(() => {
      job.status = 'IN_PROGRESS';
      job.modified = ctx.now();
      step(() => {
        const { inputs, errors } = validateRows(csv, state.row, ctx.identities);
        const fresh = inputs.filter((input) => !state.records.byAccountName(input.accountName)).length;
        if (!errors.length && state.records.size + fresh > MAX_RECORDS_PER_SOURCE) {
          errors.push({
            line: 1,
            message: `The source would hold more than ${MAX_RECORDS_PER_SOURCE} records.`,
          });
        }
        if (errors.length === 0) for (const input of inputs) upsert(state, input);
        job.status = errors.length ? 'ERROR' : 'COMPLETED';
        job.errors = errors;
        job.modified = ctx.now();
      });
    });
  }

  function upsert(state: SourceState, input: RecordInput): void {
    const existing = state.records.byAccountName(input.accountName);
    if (!existing) {
      ctx.store.addRecord(state, newRecordRow(ctx, input));
      return;
    }
    const { sourceId: _sourceId, ...fields } = input;
    ctx.store.replaceRecord(state, { ...existing, ...fields, modified: ctx.now() });
  }

  return [
    {
      method: 'POST',
      template: `${base}/non-employee-bulk-upload`,
      versions: NELM_VERSIONS,
      async handler(req) {
        requireRight(req.caller, 'create');
        const state = ctx.store.source(req.params.id);
        if (!state) throw notFound(`Non-employee source '${req.params.id}'`);
        if (mediaType(req) !== 'multipart/form-data')
          throw unsupportedMediaType(mediaType(req), 'multipart/form-data');
        const part = (await formBody(req)).get('data');
        if (part === null) throw badContent(`The multipart part 'data' (the CSV file) is required.`);
        const text = typeof part === 'string' ? part : await part.text();
        const csv = parseUploadCsv(text, state.row);
        // A tenant refuses bad rows at once: a 400 that lists every error, one per line.
        const { errors } = validateRows(csv, state.row, ctx.identities);
        if (errors.length > 0) {
          const lines = errors.map((error) => `Line ${error.line}: ${error.message}`);
          throw new SandboxError(400, '400.1 Bad Request Content', lines.join('\n'), {}, lines);
        }
        const at = ctx.now();
        const job: UploadJobRow = {
          id: ctx.newId(),
          sourceId: state.row.id,
          status: 'PENDING',
          errors: [],
          created: at,
          modified: at,
        };
        ctx.store.uploadJobs.set(state.row.id, job);
        runJob(job, state, csv);
        return { status: 202, body: jobView(job) };
      },
    },
    {
      method: 'GET',
      template: `${base}/non-employee-bulk-upload/status`,
      versions: NELM_VERSIONS,
      handler(req) {
        const state = readable(req);
        const job = ctx.store.uploadJobs.get(state.row.id);
        return { status: 200, body: { status: job ? job.status : null } };
      },
    },
    {
      method: 'GET',
      template: `${base}/non-employees/download`,
      versions: NELM_VERSIONS,
      handler(req) {
        const state = readable(req);
        const columns = csvColumns(state);
        const rows: string[][] = [columns];
        for (const row of state.records.rows()) rows.push(csvRow(row, columns));
        return csvResponse(stringify(rows), `${state.row.name.replace(/[^\w.-]+/g, '_')}-non-employees.csv`);
      },
    },
    {
      method: 'GET',
      template: `${base}/schema-attributes-template/download`,
      versions: NELM_VERSIONS,
      handler(req) {
        const state = readable(req);
        return csvResponse(
          stringify([csvColumns(state)]),
          `${state.row.name.replace(/[^\w.-]+/g, '_')}-template.csv`,
        );
      },
    },
  ];
}
