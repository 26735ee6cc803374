import { type FilterableFields, MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { badContent } from '../http/sandbox-error.ts';
import type { SandboxResponse } from '../http/types.ts';
import { type FilterNode, fieldUses } from './filter-ast.ts';
import { createFilterPredicate, type FieldGetter } from './filter-eval.ts';
import { invalidFilter, parseFilter } from './filter-parser.ts';
import { createComparator, parseSorters, type SortKey } from './sorters.ts';

/** The fields a list endpoint lets `filters` use, with their operators, exactly as its spec lists them. */
export type FilterAllowList = FilterableFields;

export interface ListSpec {
  /** Absent: the endpoint takes no `filters`. */
  filterable?: FilterAllowList;
  /** Absent: the endpoint takes no `sorters`. */
  sortable?: readonly string[];
  /** Absent: the endpoint takes no `limit`/`offset`/`count`. @default true */
  paged?: boolean;
}

export interface ListParams {
  limit: number;
  offset: number;
  count: boolean;
  filter?: FilterNode;
  sorters: SortKey[];
}

function integerParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer between ${min} and ${max}`;
    throw badContent(`Query parameter '${name}' must be ${range}, got '${raw}'.`);
  }
  return Number(raw);
}

/** Parses `true`/`false` query flags; anything else is a 400. */
export function booleanParam(query: URLSearchParams, name: string, fallback = false): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const lower = raw.toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    throw badContent(`Query parameter '${name}' must be true or false, got '${raw}'.`);
  }
  return lower === 'true';
}

/** Checks every field + operator of a filter against an endpoint's allow-list, and value types. */
export function checkFilter(filter: FilterNode, allowed: FilterAllowList): void {
  for (const use of fieldUses(filter)) {
    const rule = Object.hasOwn(allowed, use.field) ? allowed[use.field] : undefined;
    if (!rule) {
      const fields = Object.keys(allowed);
      throw invalidFilter(
        `filtering is not supported for field '${use.field}'${fields.length ? `; supported: ${fields.join(', ')}` : ''}`,
      );
    }
    if (!rule.ops.includes(use.op)) {
      throw invalidFilter(
        `operator '${use.op}' is not supported for field '${use.field}'; supported: ${rule.ops.join(', ')}`,
      );
    }
    const literals =
      use.node.kind === 'compare' ? [use.node.value] : use.node.kind === 'in' ? use.node.values : [];
    for (const literal of literals) {
      const ok =
        literal.type === rule.type ||
        (rule.type === 'date' && literal.type === 'string' && !Number.isNaN(Date.parse(literal.value)));
      if (!ok) throw invalidFilter(`field '${use.field}' takes ${rule.type} values, got ${literal.type}`);
    }
  }
}

/** `limit`, `offset`, `count`, `filters`, `sorters` of a list call, validated against the endpoint's spec. */
export function parseListParams(query: URLSearchParams, spec: ListSpec = {}): ListParams {
  const paged = spec.paged ?? true;
  const params: ListParams = {
    limit: paged ? integerParam(query, 'limit', MAX_LIST_LIMIT, 0, MAX_LIST_LIMIT) : Number.MAX_SAFE_INTEGER,
    offset: paged ? integerParam(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER) : 0,
    count: paged ? booleanParam(query, 'count') : false,
    sorters: [],
  };
  const filters = query.get('filters');
  if (filters !== null && filters.trim() !== '') {
    if (!spec.filterable) throw badContent(`This endpoint does not support 'filters'.`);
    params.filter = parseFilter(filters);
    checkFilter(params.filter, spec.filterable);
  }
  const sorters = query.get('sorters');
  if (sorters !== null && sorters.trim() !== '') {
    if (!spec.sortable) throw badContent(`This endpoint does not support 'sorters'.`);
    params.sorters = parseSorters(sorters, spec.sortable);
  }
  return params;
}

/** The list answer: one page of items, and `X-Total-Count` when `count=true` was asked. */
export function listResponse<T>(page: readonly T[], total: number, params: ListParams): SandboxResponse {
  return { status: 200, headers: params.count ? { 'x-total-count': String(total) } : {}, body: page };
}

/** Pages an array already filtered and sorted. */
export function pageOf<T>(items: readonly T[], params: ListParams): SandboxResponse {
  return listResponse(items.slice(params.offset, params.offset + params.limit), items.length, params);
}

/** Filters, sorts and pages items held in memory; only the page's items are made into views. */
export function listItems<T>(
  items: readonly T[],
  params: ListParams,
  field: FieldGetter<T>,
  view: (item: T) => unknown,
): SandboxResponse {
  const selected = params.filter ? items.filter(createFilterPredicate(params.filter, field)) : [...items];
  if (params.sorters.length) selected.sort(createComparator(params.sorters, field));
  const page = selected.slice(params.offset, params.offset + params.limit);
  return listResponse(page.map(view), selected.length, params);
}
