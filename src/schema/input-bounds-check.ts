import {
  type GraphQLArgument,
  type GraphQLInputType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';
import {
  MAX_JSON_DEPTH,
  MAX_JSON_LIST_SIZE,
  MAX_JSON_STRING_LENGTH,
  maxListSize,
  maxStringLength,
} from './input-bounds.ts';

export interface BoundViolation {
  message: string;
  /** Where the value sits, from the argument down: `["input", "accountName"]`. */
  path: string[];
}

const JSON_SCALARS = new Set(['JSON']);
const TEXT_SCALARS = new Set(['String', 'ID']);

const tooLong = (path: string[], max: number, length: number): BoundViolation => ({
  message: `"${path.join('.')}" holds at most ${max} characters; got ${length}.`,
  path,
});

const tooMany = (path: string[], max: number, length: number): BoundViolation => ({
  message: `"${path.join('.')}" holds at most ${max} items; got ${length}.`,
  path,
});

/** A JSON value: every string, key and list bounded, and its nesting too. */
function checkJson(value: unknown, path: string[], depth = 0): BoundViolation | null {
  if (typeof value === 'string') {
    return value.length > MAX_JSON_STRING_LENGTH ? tooLong(path, MAX_JSON_STRING_LENGTH, value.length) : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_JSON_DEPTH) return { message: `"${path.join('.')}" nests too deep.`, path };
  const entries = Array.isArray(value)
    ? value.map((item, i) => [String(i), item] as const)
    : Object.entries(value);
  if (entries.length > MAX_JSON_LIST_SIZE) return tooMany(path, MAX_JSON_LIST_SIZE, entries.length);
  for (const [key, item] of entries) {
    const at = [...path, key];
    if (key.length > maxStringLength(key)) return tooLong(at, maxStringLength(key), key.length);
    const found = checkJson(item, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The first value of `type` at `path` past its bound (named by `field`, the innermost field name). */
function checkValue(
  value: unknown,
  type: GraphQLInputType,
  path: string[],
  field: string,
): BoundViolation | null {
  if (value == null) return null;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > maxListSize(field)) return tooMany(path, maxListSize(field), items.length);
    for (const [index, item] of items.entries()) {
      const found = checkValue(item, inner.ofType, [...path, String(index)], field);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    for (const [name, definition] of Object.entries(fields)) {
      const found = checkValue(
        (value as Record<string, unknown>)[name],
        definition.type,
        [...path, name],
        name,
      );
      if (found) return found;
    }
    return null;
  }
  if (isScalarType(inner) && TEXT_SCALARS.has(inner.name) && typeof value === 'string') {
    const max = maxStringLength(field);
    return value.length > max ? tooLong(path, max, value.length) : null;
  }
  if (isScalarType(inner) && JSON_SCALARS.has(inner.name)) return checkJson(value, path);
  return null;
}

/** The first argument value past the bounds of `input-bounds.ts`, or null when all are within. */
export function findBoundViolation(
  args: Record<string, unknown>,
  definitions: readonly GraphQLArgument[],
): BoundViolation | null {
  for (const definition of definitions) {
    const found = checkValue(args[definition.name], definition.type, [definition.name], definition.name);
    if (found) return found;
  }
  return null;
}
