/** The parsed form of an ISC `filters` expression. */
export type FilterLiteral =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: string; epochMs: number }
  | { type: 'null' };

export type CompareOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'sw' | 'co';
export type FilterOperator = CompareOperator | 'in' | 'isnull' | 'pr';

export type FilterNode =
  | { kind: 'compare'; field: string; op: CompareOperator; value: FilterLiteral }
  | { kind: 'in'; field: string; values: FilterLiteral[] }
  | { kind: 'isnull' | 'pr'; field: string }
  | { kind: 'and' | 'or'; operands: FilterNode[] }
  | { kind: 'not'; operand: FilterNode };

export const COMPARE_OPERATORS: ReadonlySet<string> = new Set([
  'eq',
  'ne',
  'gt',
  'ge',
  'lt',
  'le',
  'sw',
  'co',
]);

/** The field + operator pairs an expression uses, for allow-list checks. */
export function* fieldUses(
  node: FilterNode,
): Generator<{ field: string; op: FilterOperator; node: FilterNode }> {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const operand of node.operands) yield* fieldUses(operand);
      return;
    case 'not':
      yield* fieldUses(node.operand);
      return;
    case 'compare':
      yield { field: node.field, op: node.op, node };
      return;
    default:
      yield { field: node.field, op: node.kind, node };
  }
}

/**
 * The value an expression pins `field` to with `eq`, when every match must have it
 * (the node itself, or one operand of a top-level `and`): lets a store use its index.
 */
export function pinnedValue(node: FilterNode | undefined, field: string): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'compare' && node.op === 'eq' && node.field === field && node.value.type === 'string') {
    return node.value.value;
  }
  if (node.kind === 'and') {
    for (const operand of node.operands) {
      const value = pinnedValue(operand, field);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** Values an expression restricts `field` to (`eq` or `in`, possibly under a top-level `and`). */
export function pinnedValues(node: FilterNode | undefined, field: string): string[] | undefined {
  if (!node) return undefined;
  if (node.kind === 'compare' && node.op === 'eq' && node.field === field && node.value.type === 'string') {
    return [node.value.value];
  }
  if (node.kind === 'in' && node.field === field && node.values.every((v) => v.type === 'string')) {
    return node.values.map((v) => (v as { value: string }).value);
  }
  if (node.kind === 'and') {
    for (const operand of node.operands) {
      const values = pinnedValues(operand, field);
      if (values !== undefined) return values;
    }
  }
  return undefined;
}
