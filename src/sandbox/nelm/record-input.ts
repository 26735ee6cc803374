import { NON_EMPLOYEE_PERSON_FIELDS } from '../../upstream/wire/nelm.ts';
import { badContent } from '../http/sandbox-error.ts';
import type { PersonRow } from '../store/nelm-rows.ts';

/** A validated `NonEmployeeRequestBody`, dates as epoch milliseconds. */
export interface RecordInput extends PersonRow {
  sourceId: string;
  data: Record<string, string>;
}

/** The body's required strings. */
const RECORD_FIELDS = [...NON_EMPLOYEE_PERSON_FIELDS, 'sourceId', 'startDate', 'endDate'] as const;

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether `text` is an ISO-8601 date or date-time that names a real instant. */
export const isIsoDate = (text: string): boolean => DATE_TEXT.test(text) && !Number.isNaN(Date.parse(text));

/** An ISO-8601 date or date-time; anything else is a 400 naming the field. */
export function parseDateField(value: unknown, field: string): number {
  const ms = typeof value === 'string' && isIsoDate(value.trim()) ? Date.parse(value.trim()) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw badContent(`Field '${field}' must be an ISO-8601 date-time, got ${JSON.stringify(value)}.`);
  }
  return ms;
}

export const isEmail = (text: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);

export function checkEmail(value: string, field = 'email'): void {
  if (!isEmail(value)) {
    throw badContent(`Field '${field}' is not a valid email address: '${value}'.`);
  }
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
