import { MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { MAX_RECORDS_PER_SOURCE } from '../../upstream/wire/nelm-limits.ts';
import {
  ALL_SOURCES_CALL,
  type CostFunction,
  type CostInput,
  getPerParent,
  MAX_RECORD_PAGES,
  MAX_SOURCES,
} from '../cost/field-cost.ts';
import { parseIdArgument } from '../ids.ts';

/** Fields a lite source (embedded in a request) lacks: the one sources list completes any number. */
export const fullSourceField: CostFunction = () => ({ calls: { [ALL_SOURCES_CALL]: 1 } });

/** Counts ride on the root list that asked for them; any other source takes them from the one sources list. */
export const sourceCountCost: CostFunction = (input) =>
  input.parentField === 'Query.nonEmployeeSources' ? {} : { calls: { [ALL_SOURCES_CALL]: 1 } };

/** One get per source (at most 50), 18 attributes each at most; of a source given by id, planned. */
export const schemaAttributesCost: CostFunction = (input) => {
  const sourceId = sourceIdOfParent(input);
  return {
    ...getPerParent('schema-attributes')({ ...input, parents: Math.min(input.parents, MAX_SOURCES) }),
    items: input.parents * 18,
    plan: sourceId ? [{ kind: 'schema-attributes', sourceId }] : undefined,
  };
};

/** The ISC id of the source `nonEmployeeSource(id)` or `node(id)` names, when it is one. */
function sourceIdOfParent({ parentField, parentArgs }: CostInput): string | null {
  if (parentField !== 'Query.nonEmployeeSource' && parentField !== 'Query.node') return null;
  if (typeof parentArgs.id !== 'string') return null;
  try {
    return parseIdArgument(parentArgs.id, 'NonEmployeeSource');
  } catch {
    return null;
  }
}

/**
 * Record pages sorted by end date until one that has not ended: ⌈first/250⌉ of them, or every
 * page of the source (80 at most) when `accountEnabled` filters, each with one accounts call.
 */
export const expiredRecordsCost: CostFunction = (input) => {
  // `first` defaults to a source's whole record limit (every ended record).
  const first = Number(input.args.first ?? MAX_RECORDS_PER_SOURCE);
  const filtered = input.args.accountEnabled != null;
  const pages = filtered ? MAX_RECORD_PAGES : Math.min(Math.ceil(first / MAX_LIST_LIMIT), MAX_RECORD_PAGES);
  const sources = Math.min(input.parents, MAX_SOURCES);
  return {
    calls: {
      [`expired-records@${input.path}`]: sources * pages * (filtered ? 2 : 1),
      ...(filtered ? { [ALL_SOURCES_CALL]: 1 } : {}),
    },
    items: sources * first,
    sources,
    bounds: filtered
      ? `expiredRecords(accountEnabled): up to every page of a source (${MAX_RECORD_PAGES}) with its accounts call`
      : undefined,
  };
};
