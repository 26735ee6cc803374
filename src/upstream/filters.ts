/**
 * ISC collection filters as data: the gateway builds a FilterExpression and the compiler
 * (`compileFilter`) turns it into the `filters` query string, quoting and escaping every
 * value, so user input never becomes filter syntax.
 */
export type FilterValue = string | number | boolean | Date;

export type FilterExpression =
  | { op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'sw' | 'co'; field: string; value: FilterValue }
  | { op: 'in'; field: string; values: readonly FilterValue[] }
  | { op: 'isnull'; field: string }
  | { op: 'and' | 'or'; operands: readonly FilterExpression[] }
  | { op: 'not'; operand: FilterExpression };
