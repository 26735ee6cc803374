import { MAX_LIST_LIMIT } from '../../upstream/wire/collections.ts';
import { MAX_RECORDS_PER_SOURCE } from '../../upstream/wire/nelm-limits.ts';
import {
  ALL_SOURCES_CALL,
  type CostFunction,
  type CostInput,
  getPerParent,
  MAX_SOURCES,
} from '../cost/field-cost.ts';
import { parseIdArgument } from '../ids.ts';
import { perPoll } from '../live/poll-cost.ts';

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
 * Record pages sorted by end date until `first` are kept or one has not ended: ⌊first/250⌋ + 1
 * of them (the one past the bound says `truncated`). With `accountEnabled` each page adds one
 * accounts call, and the figure assumes the ended records match densely: a source whose matches
 * are sparse reads further, and the run-time budget stops it on this field alone.
 */
export const expiredRecordsCost: CostFunction = (input) => {
  // `first` defaults to a source's whole record limit (every ended record).
  const first = Number(input.args.first ?? MAX_RECORDS_PER_SOURCE);
  const filtered = input.args.accountEnabled != null;
  const pages = Math.floor(first / MAX_LIST_LIMIT) + 1;
  const sources = Math.min(input.parents, MAX_SOURCES);
  return {
    calls: {
      [`expired-records@${input.path}`]: sources * pages * (filtered ? 2 : 1),
      ...(filtered ? { [ALL_SOURCES_CALL]: 1 } : {}),
    },
    items: sources * first,
    sources,
    bounds: filtered
      ? `expiredRecords(accountEnabled): optimistic, ${pages} record page(s) with their accounts calls for ${first} matches; sparser matches read further, up to the call budget`
      : undefined,
  };
};

/** One status read per poll; with `file`, the upload first. */
export const bulkUploadJobCost: CostFunction = perPoll('bulk-upload-job', 1, (args) =>
  args.file != null ? 1 : 0,
);
