import { MAX_COMMENT_LENGTH } from '../upstream/wire/nelm-limits.ts';
import { isBadUserInputError } from './errors/bad-user-input.ts';
import { LimitExceededError, ValidationError } from './errors/error-classes.ts';
import { parseIdArgument } from './ids.ts';
import { isIscId } from './input-bounds.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmail = (text: string): boolean => EMAIL.test(text);

const fieldName = (path: readonly string[]) => path.join('.');

/** A Relay global id of `typename` or a raw ISC id, as an ISC id; a ValidationError at `path` otherwise. */
export function inputId(value: string | number, typename: string, path: string[]): string {
  try {
    return parseIdArgument(String(value), typename, fieldName(path));
  } catch (error) {
    if (isBadUserInputError(error)) throw new ValidationError(error.message, path);
    throw error;
  }
}

/** A required text: trimmed, never blank. */
export function requiredText(value: string, path: string[]): string {
  const text = value.trim();
  if (!text) throw new ValidationError(`"${fieldName(path)}" must not be blank.`, path);
  return text;
}

/** An optional field of an update: absent means unchanged; explicit null is refused for required fields. */
export function presentOrAbsent<T>(value: T | null | undefined, path: string[]): T | undefined {
  if (value === null) throw new ValidationError(`"${fieldName(path)}" cannot be cleared.`, path);
  return value;
}

export function checkEmail(value: string, path: string[]): string {
  const email = requiredText(value, path);
  if (!EMAIL.test(email)) throw new ValidationError(`"${email}" is not a valid email address.`, path);
  return email;
}

export function checkDateOrder(start: Date, end: Date, endPath: string[]): void {
  if (end.getTime() < start.getTime()) {
    throw new ValidationError(`"${fieldName(endPath)}" must not be before the start date.`, endPath);
  }
}

/** Custom attribute values: a JSON object of strings keyed by technical name. */
export function checkData(
  value: unknown,
  path: string[],
  keyedBy = 'technical name',
): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(`"${fieldName(path)}" must be an object of strings keyed by ${keyedBy}.`, path);
  }
  const data: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') {
      throw new ValidationError(`"${fieldName(path)}.${key}" must be a string.`, [...path, key]);
    }
    data[key] = item;
  }
  return data;
}

/** An optional comment within ISC's length limit; blank counts as none. */
export function checkComment(value: string | null | undefined, path: string[]): string | undefined {
  if (value == null || !value.trim()) return undefined;
  if (value.length > MAX_COMMENT_LENGTH) {
    throw new ValidationError(`A comment holds at most ${MAX_COMMENT_LENGTH} characters.`, path);
  }
  return value;
}

/** A comment that must be there (a rejection says why). */
export function requiredComment(value: string | null | undefined, path: string[]): string {
  const comment = checkComment(value, path);
  if (comment === undefined) throw new ValidationError('A comment is required to reject a request.', path);
  return comment;
}

/** An ISC identity id (identities are not nodes of this graph: their plain id). */
export function identityId(value: string | number, path: string[]): string {
  const id = String(value).trim();
  if (!isIscId(id)) throw new ValidationError(`"${id}" is not an identity id.`, path);
  return id;
}

/** Identity ids for approvers or account managers: distinct, well formed, at most `max`. */
export function identityIds(values: readonly (string | number)[], max: number, path: string[]): string[] {
  const ids = values.map((value, index) => identityId(value, [...path, String(index)]));
  if (new Set(ids).size !== ids.length) {
    throw new ValidationError(`"${fieldName(path)}" lists an identity twice.`, path);
  }
  if (ids.length > max) {
    throw new LimitExceededError(`A source has at most ${max} ${path.at(-1)}; got ${ids.length}.`);
  }
  return ids;
}

/** An update that names no field would still be a write: refuse it before it is sent. */
export function checkSomethingChanges(changes: readonly unknown[], path: string[] = ['input']): void {
  if (changes.length === 0) throw new ValidationError('Give at least one field to change.', path);
}
