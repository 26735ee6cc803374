import type { SchemaAttributeType } from '../../upstream/wire/nelm.ts';
import { MAX_ATTRIBUTE_VALUE_LENGTH } from '../../upstream/wire/nelm-limits.ts';
import { isIscId } from '../input-bounds.ts';
import { isEmail } from '../input-checks.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The GraphQL value type each schema attribute type reads as; PHONE and EMAIL (beta) are texts. */
export type ValueKind = 'text' | 'date' | 'identity';

export function valueKind(type: SchemaAttributeType): ValueKind {
  if (type === 'DATE') return 'date';
  if (type === 'IDENTITY') return 'identity';
  return 'text';
}

/** A DATE value as an instant (a date alone is midnight UTC); null when the text is not a date. */
export function readDate(raw: string): Date | null {
  const text = raw.trim();
  if (!ISO_DATE.test(text)) return null;
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  // `2030-02-30` would parse as March 2: the day must exist.
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const date = DATE_ONLY.test(text) ? calendar : new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An IDENTITY value: an ISC identity id, or null when it is not one. */
export function readIdentityId(raw: string): string | null {
  const text = raw.trim();
  return isIscId(text) ? text : null;
}

/** Why `value` cannot be a value of an attribute of `type`, or null when it can (blank is no value). */
export function valueProblem(type: SchemaAttributeType, value: string): string | null {
  if (value.length > MAX_ATTRIBUTE_VALUE_LENGTH) {
    return `is longer than ${MAX_ATTRIBUTE_VALUE_LENGTH} characters`;
  }
  if (!value.trim()) return null;
  if (type === 'DATE' && !readDate(value)) return 'is not a date (ISO 8601, e.g. `2030-06-30`)';
  if (type === 'IDENTITY' && !readIdentityId(value)) return 'is not an identity id';
  if (type === 'EMAIL' && !isEmail(value.trim())) return 'is not an email address';
  return null;
}
