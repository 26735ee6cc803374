import type { FilterLiteral, FilterNode } from './filter-ast.ts';

/** Reads a field of an item by the name filters use (`sourceId`, `identity.name`, ...). */
export type FieldGetter<T> = (item: T, field: string) => unknown;

const isAbsent = (value: unknown) => value === undefined || value === null;

function asEpoch(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') {
    const epoch = Date.parse(value);
    return Number.isNaN(epoch) ? undefined : epoch;
  }
  return typeof value === 'number' ? value : undefined;
}

/** -1/0/1 of `actual` against the literal, or undefined when they cannot be compared. */
function order(actual: unknown, literal: FilterLiteral): number | undefined {
  switch (literal.type) {
    case 'null':
      return isAbsent(actual) ? 0 : undefined;
    case 'date': {
      const epoch = asEpoch(actual);
      return epoch === undefined ? undefined : Math.sign(epoch - literal.epochMs);
    }
    case 'number': {
      const number = typeof actual === 'number' ? actual : Number(actual);
      return isAbsent(actual) || Number.isNaN(number) ? undefined : Math.sign(number - literal.value);
    }
    case 'boolean':
      return actual === literal.value || String(actual) === String(literal.value) ? 0 : undefined;
    case 'string': {
      if (isAbsent(actual)) return undefined;
      // ISC compares strings without regard to case (`approvalStatus eq "pending"` matches).
      const text = String(actual).toLowerCase();
      const wanted = literal.value.toLowerCase();
      return text === wanted ? 0 : text < wanted ? -1 : 1;
    }
  }
}

function literalText(literal: FilterLiteral): string {
  return literal.type === 'null' ? '' : String(literal.value);
}

/** Compiles a filter tree to a predicate over items. String comparisons ignore case, as ISC's do. */
export function createFilterPredicate<T>(node: FilterNode, get: FieldGetter<T>): (item: T) => boolean {
  switch (node.kind) {
    case 'and': {
      const parts = node.operands.map((operand) => createFilterPredicate(operand, get));
      return (item) => parts.every((part) => part(item));
    }
    case 'or': {
      const parts = node.operands.map((operand) => createFilterPredicate(operand, get));
      return (item) => parts.some((part) => part(item));
    }
    case 'not': {
      const inner = createFilterPredicate(node.operand, get);
      return (item) => !inner(item);
    }
    case 'isnull':
      return (item) => isAbsent(get(item, node.field));
    case 'pr':
      return (item) => !isAbsent(get(item, node.field));
    case 'in':
      return (item) => {
        const actual = get(item, node.field);
        return node.values.some((value) => order(actual, value) === 0);
      };
    case 'compare': {
      const { field, op, value } = node;
      if (op === 'sw' || op === 'co') {
        const needle = literalText(value).toLowerCase();
        return (item) => {
          const actual = get(item, field);
          if (isAbsent(actual)) return false;
          const text = String(actual).toLowerCase();
          return op === 'sw' ? text.startsWith(needle) : text.includes(needle);
        };
      }
      return (item) => {
        const result = order(get(item, field), value);
        if (op === 'ne') return result !== 0;
        if (result === undefined) return false;
        if (op === 'eq') return result === 0;
        if (op === 'gt') return result > 0;
        if (op === 'ge') return result >= 0;
        if (op === 'lt') return result < 0;
        return result <= 0;
      };
    }
  }
}
