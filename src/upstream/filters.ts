/**
 * ISC collection filters as data: the gateway builds a FilterExpression and the compiler
 * (`compileFilter`) turns it into the `filters` query string, quoting and escaping every
 * value, so user input never becomes filter syntax.
 */
import { ErrorCode } from './errors.ts';

/** One `sorters` entry: a field, ascending or descending (`-field`). */
export interface Sorter {
  field: string;
  direction: 'ASC' | 'DESC';
}

export type FilterValue = string | number | boolean | Date;

export type FilterExpression =
  | { op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'sw' | 'co'; field: string; value: FilterValue }
  | { op: 'in'; field: string; values: readonly FilterValue[] }
  | { op: 'isnull'; field: string }
  | { op: 'and' | 'or'; operands: readonly FilterExpression[] }
  | { op: 'not'; operand: FilterExpression };

type ComparisonOp = Extract<FilterExpression, { value: FilterValue }>['op'];

/** A filter or sorter that cannot be expressed safely; a programming or input mistake, never sent. */
export class FilterCompileError extends Error {
  readonly code = ErrorCode.BadUserInput;
  override name = 'FilterCompileError';
}

const FIELD = /^[A-Za-z][A-Za-z0-9_.]*$/;

const checkField = (field: string): string => {
  if (typeof field !== 'string' || !FIELD.test(field)) {
    throw new FilterCompileError(`Invalid filter field name ${JSON.stringify(field)}`);
  }
  return field;
};

/** A string literal: backslash first, then the quote, so neither can end the literal early. */
const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const formatDate = (date: Date): string => {
  if (Number.isNaN(date.getTime())) throw new FilterCompileError('Invalid date in filter');
  return date.toISOString().replace('.000Z', 'Z');
};

const formatValue = (value: FilterValue): string => {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new FilterCompileError(`Invalid number in filter: ${value}`);
    return String(value);
  }
  if (value instanceof Date) return formatDate(value);
  throw new FilterCompileError(`Unsupported filter value of type ${typeof value}`);
};

/** Operators by binding strength: `not` binds tighter than `and`, which binds tighter than `or`. */
const compile = (expr: FilterExpression, parent: 'and' | 'or' | 'not' | null): string => {
  switch (expr.op) {
    case 'in': {
      if (expr.values.length === 0) throw new FilterCompileError(`Empty "in" list for ${expr.field}`);
      return `${checkField(expr.field)} in (${expr.values.map(formatValue).join(',')})`;
    }
    case 'isnull':
      return `${checkField(expr.field)} isnull`;
    case 'not':
      return `not (${compile(expr.operand, 'not')})`;
    case 'and':
    case 'or': {
      if (expr.operands.length === 0) throw new FilterCompileError(`Empty "${expr.op}"`);
      if (expr.operands.length === 1) return compile(expr.operands[0], parent);
      const text = expr.operands.map((operand) => compile(operand, expr.op)).join(` ${expr.op} `);
      return parent === null || parent === expr.op || parent === 'not' ? text : `(${text})`;
    }
    default:
      return `${checkField(expr.field)} ${expr.op} ${formatValue(expr.value)}`;
  }
};

/** The `filters` query parameter for an expression. */
export const compileFilter = (expr: FilterExpression): string => compile(expr, null);

/** The `sorters` query parameter: `-created,name` (a leading `-` for descending). */
export const compileSorters = (sorters: readonly Sorter[]): string =>
  sorters
    .map((sorter) => {
      if (sorter.direction !== 'ASC' && sorter.direction !== 'DESC') {
        throw new FilterCompileError(`Invalid sort direction ${JSON.stringify(sorter.direction)}`);
      }
      return `${sorter.direction === 'DESC' ? '-' : ''}${checkField(sorter.field)}`;
    })
    .join(',');

const comparison =
  (op: ComparisonOp) =>
  (field: string, value: FilterValue): FilterExpression => ({ op, field, value });

/** Builders, so call sites read as the filter does: `f.and(f.eq('sourceId', id), f.in('name', names))`. */
export const f = {
  eq: comparison('eq'),
  ne: comparison('ne'),
  gt: comparison('gt'),
  ge: comparison('ge'),
  lt: comparison('lt'),
  le: comparison('le'),
  sw: comparison('sw'),
  co: comparison('co'),
  in: (field: string, values: readonly FilterValue[]): FilterExpression => ({ op: 'in', field, values }),
  isnull: (field: string): FilterExpression => ({ op: 'isnull', field }),
  and: (...operands: FilterExpression[]): FilterExpression => ({ op: 'and', operands }),
  or: (...operands: FilterExpression[]): FilterExpression => ({ op: 'or', operands }),
  not: (operand: FilterExpression): FilterExpression => ({ op: 'not', operand }),
};
