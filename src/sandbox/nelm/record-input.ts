import { NON_EMPLOYEE_PERSON_FIELDS } from '../../upstream/wire/nelm.ts';
import { badContent } from '../http/sandbox-error.ts';
import type { PersonRow, SourceRow } from '../store/nelm-rows.ts';

/** A validated `NonEmployeeRequestBody`, dates as epoch milliseconds. */
export interface RecordInput extends PersonRow {
  sourceId: string;
  data: Record<string, string>;
}

/** The body's required strings. */
const RECORD_FIELDS = [...NON_EMPLOYEE_PERSON_FIELDS, 'sourceId', 'startDate', 'endDate'] as const;

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO-8601 date or date-time; anything else is a 400 naming the field. */
export function parseDateField(value: unknown, field: string): number {
  const ms =
    typeof value === 'string' && DATE_TEXT.test(value.trim()) ? Date.parse(value.trim()) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw badContent(`Field '${field}' must be an ISO-8601 date-time, got ${JSON.stringify(value)}.`);
  }
  return ms;
}

export function checkEmail(value: string, field = 'email'): void {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw badContent(`Field '${field}' is not a valid email address: '${value}'.`);
  }
}

/** Custom attribute values: strings, keyed by the source's custom technical names; required ones present. */
export function checkData(input: unknown, source: SourceRow): Record<string, string> {
  const data = input ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw badContent(`Field 'data' must be an object of strings.`);
  }
  const custom = source.attributes.filter((a) => !a.system);
  const known = new Set(custom.map((a) => a.technicalName));
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!known.has(key)) {
      throw badContent(`'data.${key}' is not a custom attribute of source ${source.id}.`);
    }
    if (typeof value !== 'string') throw badContent(`'data.${key}' must be a string.`);
    result[key] = value;
  }
  const missing = custom
    .filter((a) => a.required && !result[a.technicalName]?.trim())
    .map((a) => `data.${a.technicalName}`);
  if (missing.length) throw badContent(`Required attributes are missing: ${missing.join(', ')}.`);
  return result;
}

/** Validates a record/request body's fields; the source check (existence, data) is the caller's. */
export function parseRecordInput(
  body: Record<string, unknown>,
): Omit<RecordInput, 'data'> & { data: unknown } {
  const missing = RECORD_FIELDS.filter(
    (field) => body[field] === undefined || body[field] === null || body[field] === '',
  );
  if (missing.length) throw badContent(`Required fields are missing: ${missing.join(', ')}.`);
  for (const field of RECORD_FIELDS) {
    if (typeof body[field] !== 'string') throw badContent(`Field '${field}' must be a string.`);
    if (!(body[field] as string).trim()) throw badContent(`Field '${field}' must not be blank.`);
  }
  const text = (field: (typeof RECORD_FIELDS)[number]) => (body[field] as string).trim();
  checkEmail(text('email'));
  const startDate = parseDateField(body.startDate, 'startDate');
  const endDate = parseDateField(body.endDate, 'endDate');
  if (endDate < startDate) throw badContent(`Field 'endDate' must not be before 'startDate'.`);
  return {
    accountName: text('accountName'),
    firstName: text('firstName'),
    lastName: text('lastName'),
    email: text('email'),
    phone: text('phone'),
    manager: text('manager'),
    sourceId: text('sourceId'),
    data: body.data,
    startDate,
    endDate,
  };
}
