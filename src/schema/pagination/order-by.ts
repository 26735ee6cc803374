import type { Sorter } from '../../upstream/api.ts';
import { builder } from '../builder.ts';

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Which way a sort key runs (ISC `sorters`: a leading `-` for descending).',
  values: {
    ASC: { value: 'ASC', description: 'Smallest first (A to Z, oldest first).' },
    DESC: { value: 'DESC', description: 'Largest first (Z to A, newest first).' },
  } as const,
});

/** The `orderBy` argument of every list. */
export const ORDER_BY_DESCRIPTION =
  "Sort keys, applied in order (ISC `sorters`); ISC's own order when absent.";

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
    values: Object.fromEntries(
      fields.map((field) => [
        toEnumName(field),
        { value: field, description: `Sort by \`${field}\` (ISC's sorter name).` },
      ]),
    ),
  });
  return builder.inputType(name, {
    description: `One sort key of ${description}; keys apply in the order given.`,
    fields: (t) => ({
      field: t.field({ type: fieldEnum, required: true, description: 'The field to sort by.' }),
      direction: t.field({
        type: OrderDirectionEnum,
        required: true,
        defaultValue: 'ASC',
        description: 'Ascending unless told otherwise.',
      }),
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
