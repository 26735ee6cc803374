import { UpstreamError } from '../../upstream/errors.ts';
import type { BulkUploadStatus, NonEmployeeBulkUploadJob } from '../../upstream/wire/nelm.ts';
import { builder } from '../builder.ts';
import { withCost } from '../cost/field-cost.ts';
import { createBadUserInputError } from '../errors/bad-user-input.ts';
import { parseIdArgument } from '../ids.ts';
import { eventValue, followSubject, type LiveEvent } from '../live/follow-subject.ts';
import { BulkUploadStatusEnum, FileScalar, NonEmployeeBulkUploadJobRef, uploadedCsv } from './bulk-upload.ts';
import { bulkUploadJobCost } from './source-costs.ts';

/** One line of a CSV that ISC refused, as its answer says it. */
interface FailedLine {
  line: number | null;
  message: string;
}

interface BulkUploadJobUpdate {
  sourceId: string;
  status: BulkUploadStatus | null;
  job: NonEmployeeBulkUploadJob | null;
  failedLines: FailedLine[];
}

const TERMINAL: ReadonlySet<BulkUploadStatus | null> = new Set(['COMPLETED', 'ERROR']);

const FailedLineRef = builder.objectRef<FailedLine>('NonEmployeeBulkUploadFailedLine').implement({
  description: 'A line of the CSV that ISC refused, and why.',
  fields: (t) => ({
    line: t.int({
      nullable: true,
      description: 'The line number in the file (the header is line 1); null when ISC named none.',
      resolve: (failed) => failed.line,
    }),
    message: t.string({ description: "ISC's reason.", resolve: (failed) => failed.message }),
  }),
});

const UpdateRef = builder.objectRef<BulkUploadJobUpdate>('NonEmployeeBulkUploadJobUpdate').implement({
  description: 'A bulk upload job as it moves: one event per status, the last one COMPLETED or ERROR.',
  fields: (t) => ({
    sourceId: t.string({
      description: 'The ISC id of the non-employee source.',
      resolve: (update) => update.sourceId,
    }),
    status: t.field({
      type: BulkUploadStatusEnum,
      nullable: true,
      description: 'The status of the newest job of the source; null while the source has none.',
      resolve: (update) => update.status,
    }),
    terminal: t.boolean({
      description: 'Whether this is the last event: the job COMPLETED or ended in ERROR.',
      resolve: (update) => TERMINAL.has(update.status),
    }),
    job: t.field({
      type: NonEmployeeBulkUploadJobRef,
      nullable: true,
      description: 'The job the subscription’s own `file` started; null when it watches the newest job.',
      resolve: (update) => update.job,
    }),
    failedLines: t.field({
      type: [FailedLineRef],
      description:
        'The lines ISC refused, when the subscription’s `file` was refused (ISC checks every line before it starts a job). ISC’s status reports no lines for a job that fails later.',
      resolve: (update) => update.failedLines,
    }),
  }),
});

const LINE = /^Line (\d+):\s*(.*)$/s;

/** ISC's answer to a refused upload: one cause per bad line (`Line N: ...`), else its messages. */
function failedLinesOf(error: UpstreamError): FailedLine[] {
  const texts = error.causes.length > 0 ? error.causes : error.messages;
  return texts.map((text) => {
    const match = LINE.exec(text);
    return match ? { line: Number(match[1]), message: match[2] } : { line: null, message: text };
  });
}

builder.subscriptionField('bulkUploadJob', (t) =>
  t.field({
    type: UpdateRef,
    description:
      'Follows the newest bulk upload job of a source until it COMPLETED or ended in ERROR, one event per status. With `file`, uploads that CSV first (as `importNonEmployeeRecords`) and follows its job; lines ISC refuses end it at once in ERROR with `failedLines`.',
    args: {
      sourceId: t.arg.id({ required: true, description: 'The source: its global id or its ISC id.' }),
      file: t.arg({
        type: FileScalar,
        description:
          'A CSV to upload first (a GraphQL multipart request); without it, the newest job is followed.',
      }),
    },
    extensions: withCost(bulkUploadJobCost),
    subscribe: (_root, args, ctx) => followBulkUpload(ctx, args.sourceId, args.file),
    resolve: (event: LiveEvent<BulkUploadJobUpdate>) => eventValue(event),
  }),
);

async function* followBulkUpload(
  ctx: Parameters<typeof followSubject>[0],
  rawSourceId: string | number,
  file: unknown,
): AsyncGenerator<LiveEvent<BulkUploadJobUpdate>> {
  const sourceId = parseIdArgument(String(rawSourceId), 'NonEmployeeSource', 'sourceId');
  let job: NonEmployeeBulkUploadJob | null = null;
  let since: number | undefined;
  let last: BulkUploadStatus | null | undefined;
  if (file != null) {
    const { csv, name } = await uploadedCsv(file, (message) =>
      createBadUserInputError(message, { argumentPath: ['file'] }),
    );
    since = performance.now();
    try {
      job = await ctx.api.importNonEmployeeRecordsInBulk(sourceId, csv, name);
    } catch (error) {
      if (error instanceof UpstreamError && error.status === 400) {
        yield { value: { sourceId, status: 'ERROR', job: null, failedLines: failedLinesOf(error) } };
      } else yield { error };
      return;
    }
    last = job.status ?? 'PENDING';
    yield { value: { sourceId, status: last, job, failedLines: [] } };
  }
  const events = followSubject(ctx, {
    subject: `bulk-upload:${sourceId}`,
    read: (api) => api.getNonEmployeeBulkUploadStatus(sourceId),
    done: (read) => TERMINAL.has(read.status ?? null),
    changeKey: (read) => String(read.status),
    since,
  });
  for await (const event of events) {
    if ('error' in event) {
      yield event;
      return;
    }
    const status = event.value.status ?? null;
    if (status === last) continue;
    last = status;
    yield { value: { sourceId, status, job, failedLines: [] } };
  }
}
