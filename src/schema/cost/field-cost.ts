import type { PlannedCall } from '../../loaders/call-plan.ts';
import { MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { DEFAULT_PAGE_SIZE } from '../pagination/offset-connection.ts';

/** An org holds at most 50 non-employee sources; a source at most 20,000 records. */
export const MAX_SOURCES = 50;
export const MAX_RECORD_PAGES = Math.ceil(20_000 / MAX_LIST_LIMIT);

/** What a field's cost function knows before execution. */
export interface CostInput {
  /** The field's arguments, variables and defaults applied. */
  args: Record<string, unknown>;
  /** At most this many parent objects resolve the field. */
  parents: number;
  /** At most this many distinct non-employee sources own those parents. */
  sources: number;
  /** The field that answered the parents, e.g. `Query.nonEmployeeSources`. */
  parentField: string;
  /** That field's arguments. */
  parentArgs: Record<string, unknown>;
  /** The response path of the parent (aliases included): batches are per path. */
  path: string;
  /** Whether the field's selection reaches `path` (e.g. `['totalCount']`). */
  selects(path: readonly string[]): boolean;
  /** Whether every field the selection names directly is in `fields`. */
  selectsOnly(fields: ReadonlySet<string>): boolean;
  /** The rights the caller's token carries (`authorities`); null when the token says nothing. */
  rights: ReadonlySet<string> | null;
  /**
   * The response path of the sources that own the parents, when the operation selects them (the
   * parents are those sources, or a source's own records or requests); null otherwise. A
   * per-source call keyed there is the one those sources' own fields make.
   */
  sourcesPath: string | null;
}

/** Who may read a request by id (the right, or ISC's admin); anyone else reads it through their approval item. */
const READS_REQUESTS = ['idn:nesr:read', 'ORG_ADMIN'];

/**
 * A request read for an approval: one get per distinct request, and, for a caller whose token
 * does not show the right to read requests, the approval item's detail after the get is refused.
 */
export function requestOfApprovalReads(kind: string, bounds?: string): CostFunction {
  return (input) => {
    const direct = { [`${kind}@${input.path}`]: input.parents };
    if (READS_REQUESTS.some((right) => input.rights?.has(right))) return { calls: direct, bounds };
    return {
      calls: { ...direct, [`approval-detail@${input.path}`]: input.parents },
      bounds: `${kind}: a caller whose token shows no ${READS_REQUESTS.join(' or ')} may read a refused request through the approval's detail`,
    };
  };
}

/** Upstream calls in groups: groups with the same key are one batch (or one memoised call) and count once. */
export interface FieldCost {
  calls?: Record<string, number>;
  /** Objects the field answers in all (its children's parents). @default parents */
  items?: number | Record<string, number>;
  /** Distinct sources among those objects. @default the parents' */
  sources?: number;
  /** Why the figure is a worst case, when it depends on data. */
  bounds?: string;
  /** Calls of these whose inputs the operation already knows: a query starts them with the root's. */
  plan?: PlannedCall[];
  /** The items belong to the parent sources (a source's own records): they keep the parents' `sourcesPath`. */
  ofParentSources?: boolean;
}

export type CostFunction = (input: CostInput) => FieldCost;

/** The `extensions` of a field that makes upstream calls: `extensions: withCost(fn)`. */
export const withCost = (cost: CostFunction) => ({ cost });

/** The `extensions` of a field whose resolver takes the context yet never calls upstream. */
export const costsNothing = (why: string) => ({ cost: (() => ({})) as CostFunction, costsNothing: why });

/** The one list of every source (with counts): any number of source reads in an operation. */
export const ALL_SOURCES_CALL = 'sources:all';

/** The type whose objects are sources: the fields below one share its per-source calls. */
export const SOURCE_TYPENAME = 'NonEmployeeSource';

/** A source read by id: from the one sources list. */
export const sourceFromList: CostFunction = () => ({ calls: { [ALL_SOURCES_CALL]: 1 }, sources: 1 });

/** Page size of a connection's arguments. */
export const pageSize = (args: Record<string, unknown>): number =>
  Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);

/**
 * One page of a REST list per parent (`totalCount` rides on it); `last` without `before`
 * may read a second page, the tail.
 */
export function listPage(endpoint: string, sourcesOfItems?: (input: CostInput) => number): CostFunction {
  return (input) => {
    const tail = input.args.last != null && input.args.before == null;
    const key = `${endpoint}@${input.path}:${JSON.stringify(input.args)}:${input.selects(['totalCount'])}`;
    const size = pageSize(input.args);
    return {
      calls: { [key]: input.parents * (tail ? 2 : 1) },
      items: input.parents * size,
      sources: sourcesOfItems ? sourcesOfItems(input) : Math.min(input.parents * size, MAX_SOURCES),
      bounds: tail
        ? `${endpoint}: \`last\` without \`before\` may read the tail as a second page`
        : undefined,
    };
  };
}

/** A list of a source's own items (its records, requests): one page per source, the items owned by it. */
export function listOfSource(endpoint: string): CostFunction {
  const page = listPage(endpoint, ({ parents }) => Math.min(parents, MAX_SOURCES));
  return (input) => ({ ...page(input), ofParentSources: true });
}

/** One get per distinct parent (a by-id loader), keyed per path. */
export function getPerParent(kind: string, bounds?: string): CostFunction {
  return (input) => ({ calls: { [`${kind}@${input.path}`]: input.parents }, bounds });
}

/**
 * Accounts looked up by native identity: one call per 250 names per ISC source. The worst
 * spread of N names over S sources is one name on each of S-1 sources and the rest on one.
 */
export function accountLookups(names: number, sources: number): number {
  if (names <= 0) return 0;
  const spread = Math.max(1, Math.min(names, sources));
  return spread - 1 + Math.ceil((names - spread + 1) / MAX_LIST_LIMIT);
}

/** The record behind each account: a binary search per name, bounded by reading every page. */
export function recordSearches(names: number, sources: number): number {
  const probes = Math.ceil(Math.log2(MAX_RECORD_PAGES + 1)) + 1;
  return Math.min(names * probes, Math.max(1, Math.min(names, sources)) * MAX_RECORD_PAGES);
}

/** A source has at most 3 approvers: a request at most 3 approval items. */
export const MAX_APPROVERS = 3;

/** The sources list names each record's ISC source; then one accounts call per 250 names per ISC source. */
export const accountOfRecordCost: CostFunction = (input) => ({
  calls: {
    [ALL_SOURCES_CALL]: 1,
    [`accounts-by-name@${input.path}`]: accountLookups(input.parents, input.sources),
  },
  bounds:
    input.sources > 1
      ? `accounts of ${input.parents} records: worst spread over ${Math.min(input.parents, input.sources)} sources`
      : undefined,
});

/** The sources list, then a binary search over each source's records sorted by account name. */
export const recordOfAccountCost: CostFunction = (input) => ({
  calls: {
    [ALL_SOURCES_CALL]: 1,
    [`record-search@${input.path}`]: recordSearches(input.parents, input.sources),
  },
  items: input.parents,
  sources: Math.min(input.parents, input.sources || MAX_SOURCES),
  bounds: 'Account.record: a binary search over the largest source (80 pages of 250 records)',
});

/** One summary call per distinct `requestedFor`. */
export const summaryCost =
  (kind: string): CostFunction =>
  (input) => ({ calls: { [`${kind}:${String(input.args.requestedFor)}`]: 1 } });

/** A write is one call, never retried. */
export const writeCost: CostFunction = (input) => ({ calls: { [`write@${input.path}`]: input.parents } });
