import {
  type GraphQLArgument,
  GraphQLEnumType,
  type GraphQLField,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { toAccountFilter } from '../../../src/schema/accounts/account-filters.ts';
import { schema } from '../../../src/schema/index.ts';
import type { FilterExpression } from '../../../src/upstream/filters.ts';
import {
  ACCOUNT_FILTERS,
  ACCOUNT_SORTERS,
  APPROVAL_FILTERS,
  APPROVAL_SORTERS,
  type FilterableFields,
  RECORD_FILTERS,
  RECORD_SORTERS,
  REQUEST_FILTERS,
  REQUEST_SORTERS,
  SOURCE_SORTERS,
} from '../../../src/upstream/wire/collections.ts';

const LISTS = [
  ['/non-employee-records', 'nonEmployeeRecords'],
  ['/non-employee-requests', 'nonEmployeeRequests'],
  ['/non-employee-sources', 'nonEmployeeSources'],
  ['/non-employee-approvals', 'nonEmployeeApprovals'],
  ['/accounts', 'accounts'],
] as const;

type ListPath = (typeof LISTS)[number][0];

/** The spec's lists of filters and sorters per endpoint, as the wire facts hold them. */
const SPEC: Record<ListPath, { filters: FilterableFields; sorters: readonly string[] }> = {
  '/non-employee-records': { filters: RECORD_FILTERS, sorters: RECORD_SORTERS },
  '/non-employee-requests': { filters: REQUEST_FILTERS, sorters: REQUEST_SORTERS },
  '/non-employee-sources': { filters: {}, sorters: SOURCE_SORTERS },
  '/non-employee-approvals': { filters: APPROVAL_FILTERS, sorters: APPROVAL_SORTERS },
  '/accounts': { filters: ACCOUNT_FILTERS, sorters: ACCOUNT_SORTERS },
};

/** `id: eq, in, sw` -> `id eq`, `id in`, `id sw`. */
const specFilters = (path: ListPath): string[] =>
  Object.entries(SPEC[path].filters).flatMap(([field, { ops }]) => ops.map((op) => `${field} ${op}`));
const specSorters = (path: ListPath): string[] => [...SPEC[path].sorters];

const queryField = (name: string): GraphQLField<unknown, unknown> => {
  const field = schema.getQueryType()?.getFields()[name];
  if (!field) throw new Error(`no Query.${name}`);
  return field;
};

const unwrap = (type: GraphQLInputType): GraphQLInputType =>
  type instanceof GraphQLNonNull || type instanceof GraphQLList ? unwrap(type.ofType) : type;

/** The REST names an `orderBy` argument's field enum holds. */
const orderByFields = (field: GraphQLField<unknown, unknown>): string[] => {
  const orderBy = field.args.find((arg) => arg.name === 'orderBy');
  const input = orderBy && unwrap(orderBy.type);
  if (!(input instanceof GraphQLInputObjectType)) return [];
  const fieldEnum = unwrap(input.getFields().field.type);
  return fieldEnum instanceof GraphQLEnumType
    ? fieldEnum.getValues().map((value) => String(value.value))
    : [];
};

/** A value for every part of an argument: each condition of an input filter, every enum value. */
function sampleValue(arg: Pick<GraphQLArgument, 'type' | 'name'>): unknown {
  const type = unwrap(arg.type);
  const isList = (arg.type instanceof GraphQLNonNull ? arg.type.ofType : arg.type) instanceof GraphQLList;
  if (type instanceof GraphQLEnumType) return type.getValues().map((value) => value.value);
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(
      Object.values(type.getFields()).map((field) => [field.name, sampleValue(field)]),
    );
  }
  if (type.toString() === 'Boolean') return true;
  if (type.toString() === 'DateTime') return new Date('2024-01-01T00:00:00Z');
  return isList ? ['a', 'b'] : 'a';
}

const used = (expression: FilterExpression | undefined): string[] => {
  if (!expression) return [];
  if ('operands' in expression) return expression.operands.flatMap(used);
  if ('operand' in expression) return used(expression.operand);
  return [`${expression.field} ${expression.op}`];
};

describe('typed list arguments hold to the spec', () => {
  it.each(LISTS)('GET %s: orderBy offers every sorter the spec lists, and no other', (path, field) => {
    expect(specSorters(path).length).toBeGreaterThan(0);
    expect(orderByFields(queryField(field)).sort()).toEqual(specSorters(path).sort());
  });

  it('the NELM lists: each filter the spec lists is an argument of the same name', () => {
    for (const [path, field] of LISTS.filter(([path]) => path !== '/accounts')) {
      const names = queryField(field).args.map((arg) => arg.name);
      for (const filter of specFilters(path)) {
        expect(filter.endsWith(' eq')).toBe(true);
        expect(names).toContain(filter.split(' ')[0]);
      }
    }
  });

  it('GET /accounts: the filter arguments reach every field and operator the spec lists, and no other', () => {
    const filterArgs = queryField('accounts').args.filter(
      (arg) => !['first', 'after', 'last', 'before', 'orderBy'].includes(arg.name),
    );
    // Each argument on its own; a list argument (origin) once with one value (`eq`), once with two (`in`).
    const reached = new Set<string>();
    for (const arg of filterArgs) {
      const value = sampleValue(arg);
      for (const entry of used(toAccountFilter({ [arg.name]: value }))) reached.add(entry);
      if (Array.isArray(value))
        for (const entry of used(toAccountFilter({ [arg.name]: [value[0]] }))) reached.add(entry);
    }
    expect([...reached].sort()).toEqual([...new Set(specFilters('/accounts'))].sort());
  });
});
