import type { Sorter } from '../../upstream/api.ts';
import { builder } from '../builder.ts';

export const OrderDirectionEnum = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });

export interface OrderByValue {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

/**
 * An `orderBy` input for one list: `{ field, direction }`, with the field enum holding exactly
 * the fields the endpoint can sort by (enum names in SCREAMING_CASE, values the REST names).
 */
export function createOrderByInput(name: string, fields: readonly string[], description: string) {
  const fieldEnum = builder.enumType(`${name}Field`, {
    description: `Fields ${description} can be sorted by.`,
    values: Object.fromEntries(fields.map((field) => [toEnumName(field), { value: field }])),
  });
  return builder.inputType(name, {
    description: `One sort key of ${description}; keys apply in the order given.`,
    fields: (t) => ({
      field: t.field({ type: fieldEnum, required: true }),
      direction: t.field({ type: OrderDirectionEnum, required: true, defaultValue: 'ASC' }),
    }),
  });
}

export function toSorters(orderBy: readonly OrderByValue[] | null | undefined): Sorter[] {
  return (orderBy ?? []).map((key) => ({ field: key.field, direction: key.direction ?? 'ASC' }));
}

/** `accountName` → `ACCOUNT_NAME`. */
export function toEnumName(field: string): string {
  return field
    .replace(/\./g, '_')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toUpperCase();
}
