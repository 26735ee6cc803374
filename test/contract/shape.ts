/**
 * A small description language for the bodies the spec documents, and a checker that lists every
 * place a value departs from it: a missing field, an unexpected one, a wrong type or enum value.
 */
export type Scalar =
  | 'string'
  | 'date-time'
  | 'date'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'object'
  | 'unknown';

export type Shape =
  | Scalar
  | { kind: 'enum'; values: readonly (string | null)[] }
  | { kind: 'array'; of: Shape }
  | { kind: 'map'; of: Shape }
  | { kind: 'nullable'; of: Shape }
  | { kind: 'optional'; of: Shape }
  | { kind: 'fields'; fields: Readonly<Record<string, Shape>> };

export const oneOf = (...values: (string | null)[]): Shape => ({ kind: 'enum', values });
export const arrayOf = (of: Shape): Shape => ({ kind: 'array', of });
/** An object whose every value has one shape (`additionalProperties`). */
export const mapOf = (of: Shape): Shape => ({ kind: 'map', of });
export const nullable = (of: Shape): Shape => ({ kind: 'nullable', of });
/** A field the body may leave out. */
export const optional = (of: Shape): Shape => ({ kind: 'optional', of });
export const fields = (described: Readonly<Record<string, Shape>>): Shape => ({
  kind: 'fields',
  fields: described,
});
/** The fields of several shapes together, as the spec's `allOf`. */
export function allOf(...shapes: Shape[]): Shape {
  const merged: Record<string, Shape> = {};
  for (const shape of shapes) {
    if (typeof shape === 'string' || shape.kind !== 'fields') throw new TypeError('allOf takes field shapes');
    Object.assign(merged, shape.fields);
  }
  return fields(merged);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `${typeof value} ${JSON.stringify(value)}`;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function scalarFits(value: unknown, scalar: Scalar): boolean {
  switch (scalar) {
    case 'string':
      return typeof value === 'string';
    case 'date-time':
      return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isPlainObject(value);
    case 'unknown':
      return true;
  }
}

/** Every departure of `value` from `shape`, each as `path: what is wrong`; empty when it fits. */
export function shapeErrors(value: unknown, shape: Shape, path = '$'): string[] {
  if (typeof shape === 'string') {
    return scalarFits(value, shape) ? [] : [`${path}: expected ${shape}, got ${describe(value)}`];
  }
  switch (shape.kind) {
    case 'optional':
      return value === undefined ? [] : shapeErrors(value, shape.of, path);
    case 'nullable':
      return value === null ? [] : shapeErrors(value, shape.of, path);
    case 'enum':
      return shape.values.includes(value as string | null)
        ? []
        : [`${path}: expected one of ${shape.values.join(', ')}, got ${describe(value)}`];
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected an array, got ${describe(value)}`];
      return value.flatMap((item, i) => shapeErrors(item, shape.of, `${path}[${i}]`));
    case 'map':
      if (!isPlainObject(value)) return [`${path}: expected an object, got ${describe(value)}`];
      return Object.entries(value).flatMap(([key, item]) => shapeErrors(item, shape.of, `${path}.${key}`));
    case 'fields': {
      if (!isPlainObject(value)) return [`${path}: expected an object, got ${describe(value)}`];
      const errors: string[] = [];
      for (const [name, fieldShape] of Object.entries(shape.fields)) {
        const isOptional = typeof fieldShape !== 'string' && fieldShape.kind === 'optional';
        if (!(name in value)) {
          if (!isOptional) errors.push(`${path}.${name}: missing`);
          continue;
        }
        errors.push(...shapeErrors(value[name], fieldShape, `${path}.${name}`));
      }
      for (const name of Object.keys(value)) {
        if (!(name in shape.fields)) errors.push(`${path}.${name}: not in the spec's schema`);
      }
      return errors;
    }
  }
}
