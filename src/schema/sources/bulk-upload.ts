import type { BULK_UPLOAD_STATUSES, NonEmployeeBulkUploadJob } from '../../upstream/wire/nelm.ts';
import { builder } from '../builder.ts';
import { getPerParent, sourceFromList, withCost, writeCost } from '../cost/field-cost.ts';
import { ValidationError } from '../errors/error-classes.ts';
import { type InputShape, runWrite } from '../errors/mutation-results.ts';
import { inputId } from '../input-checks.ts';
import { NonEmployeeSourceRef } from '../refs.ts';

/** A source holds at most 20,000 records; a CSV of them stays well under this. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const UPLOAD_ARGS: InputShape = {
  root: [],
  fields: ['sourceId', 'file'],
  readBeforeRetry: 'the source’s bulk upload status (the newest job)',
};

export const FileScalar = builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request; input only.',
  serialize: () => {
    throw new Error('File is an input-only scalar.');
  },
});

export const BulkUploadStatusEnum = builder.enumType('NonEmployeeBulkUploadStatus', {
  description: 'Where a bulk upload job stands.',
  values: {
    PENDING: { value: 'PENDING', description: 'Accepted, not started.' },
    IN_PROGRESS: { value: 'IN_PROGRESS', description: 'Importing the CSV lines.' },
    COMPLETED: { value: 'COMPLETED', description: 'Every line was imported or updated.' },
    ERROR: { value: 'ERROR', description: 'The import stopped on an error.' },
  } as const satisfies Record<(typeof BULK_UPLOAD_STATUSES)[number], unknown>,
});

export const NonEmployeeBulkUploadJobRef = builder
  .objectRef<NonEmployeeBulkUploadJob>('NonEmployeeBulkUploadJob')
  .implement({
    description: 'An import of a CSV of records into a source; the source reports its progress.',
    fields: (t) => ({
      iscId: t.string({ description: 'The ISC id of the job.', resolve: (job) => job.id ?? '' }),
      sourceId: t.string({
        nullable: true,
        description: 'The ISC id of the non-employee source.',
        resolve: (job) => job.sourceId ?? null,
      }),
      status: t.field({
        description: 'Where the job stands.',
        type: BulkUploadStatusEnum,
        resolve: (job) => job.status ?? 'PENDING',
      }),
      created: t.field({
        description: 'When the upload was accepted.',
        type: 'DateTime',
        nullable: true,
        resolve: (job) => job.created ?? null,
      }),
      modified: t.field({
        description: "When the job's status last changed.",
        type: 'DateTime',
        nullable: true,
        resolve: (job) => job.modified ?? null,
      }),
    }),
  });

const ImportNonEmployeeRecordsPayload = builder
  .objectRef<{ job: NonEmployeeBulkUploadJob; sourceId: string }>('ImportNonEmployeeRecordsPayload')
  .implement({
    description: 'The answer to an accepted CSV upload: the job, and the source to poll.',
    fields: (t) => ({
      job: t.field({
        description: 'The import job ISC started (`202 Accepted`).',
        type: NonEmployeeBulkUploadJobRef,
        resolve: (payload) => payload.job,
      }),
      nonEmployeeSource: t.field({
        type: NonEmployeeSourceRef,
        nullable: true,
        extensions: withCost(sourceFromList),
        description: 'The source; poll its `bulkUploadStatus`.',
        resolve: (payload, _args, ctx) => ctx.loaders.source.load(payload.sourceId),
      }),
    }),
  });

/** The CSV of an upload's `file` argument, checked; `fail` makes the error a bad one answers. */
export async function uploadedCsv(
  file: unknown,
  fail: (message: string) => Error,
): Promise<{ csv: Blob; name: string }> {
  if (!isUploadedFile(file)) throw fail('"file" must be a file part of a GraphQL multipart request.');
  if (file.size === 0) throw fail('The file is empty.');
  if (file.size > MAX_UPLOAD_BYTES) throw fail(`The file exceeds ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  // A plain Blob of the bytes: the upstream's FormData takes no other runtime's File.
  const csv = new Blob([await file.arrayBuffer()], { type: 'text/csv' });
  return { csv, name: typeof file.name === 'string' && file.name ? file.name : 'non-employees.csv' };
}

/** Yoga hands the multipart file in as a File; anything else in its place is the caller's mistake. */
function isUploadedFile(value: unknown): value is File {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as File).arrayBuffer === 'function' &&
    typeof (value as File).size === 'number'
  );
}

builder.mutationField('importNonEmployeeRecords', (t) =>
  t.field({
    type: ImportNonEmployeeRecordsPayload,
    description:
      'Imports or updates the records of a CSV (header row: technical names) as an asynchronous job. Send it as a GraphQL multipart request.',
    args: {
      sourceId: t.arg.id({ required: true, description: 'The source: its global id or its ISC id.' }),
      file: t.arg({ type: FileScalar, required: true, description: 'The CSV file.' }),
    },
    errors: {},
    extensions: withCost(writeCost),
    resolve: async (_root, args, ctx) => {
      const sourceId = inputId(args.sourceId, 'NonEmployeeSource', ['sourceId']);
      const { csv, name } = await uploadedCsv(args.file, (message) => new ValidationError(message, ['file']));
      const job = await runWrite(UPLOAD_ARGS, () =>
        ctx.api.importNonEmployeeRecordsInBulk(sourceId, csv, name),
      );
      // The job changes records and counts later, in the background: forget everything read so far.
      ctx.loaders.clearAll();
      return { job, sourceId };
    },
  }),
);

builder.objectField(NonEmployeeSourceRef, 'bulkUploadStatus', (t) =>
  t.field({
    type: BulkUploadStatusEnum,
    nullable: true,
    description: 'The status of the newest bulk upload to this source; null when there was none.',
    extensions: withCost(getPerParent('bulk-upload-status')),
    resolve: async (source, _args, ctx) =>
      (await ctx.api.getNonEmployeeBulkUploadStatus(source.id ?? '')).status ?? null,
  }),
);
