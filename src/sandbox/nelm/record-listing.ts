import { RECORD_FILTERS, RECORD_SORTERS } from '../../upstream/wire/collections.ts';
import {
  createFilterPredicate,
  type ListParams,
  listResponse,
  parseListParams,
  pinnedValue,
} from '../collections/index.ts';
import { sortedOrder, sortValue } from '../collections/sorters.ts';
import { forbidden } from '../http/sandbox-error.ts';
import type { SandboxRequest, SandboxResponse } from '../http/types.ts';
import type { RecordRow } from '../store/nelm-rows.ts';
import type { SourceState } from '../store/nelm-store.ts';
import { hasRight, manages } from './access.ts';
import type { NelmContext } from './nelm-context.ts';
import { recordView } from './views.ts';

/** Matching records as (source, position) pairs, in the asked order. */
interface Selection {
  sources: SourceState[];
  source: Int32Array;
  position: Int32Array;
}

const MAX_CACHED = 8;

const fieldOf = (row: RecordRow, field: string, sourceId: string): unknown =>
  field === 'sourceId' ? sourceId : (row as unknown as Record<string, unknown>)[field];

/** Sources whose records the caller may list: all with `idn:nesr:read`, else those they own or manage. */
function listableSources(ctx: NelmContext, req: SandboxRequest): SourceState[] {
  const all = [...ctx.store.sources.values()];
  if (hasRight(req.caller, 'read')) return all;
  const mine = all.filter((state) => manages(state.row, req.caller.identityId));
  if (mine.length === 0) throw forbidden();
  return mine;
}

/**
 * `GET /non-employee-records`. A plain or `sourceId eq` page walks the per-source tables by
 * position and makes only its 250 rows. Sorted or otherwise filtered lists select and order
 * once per table version, then serve every later page of the same query from that order.
 */
export function createRecordListing(ctx: NelmContext) {
  const selections = new Map<string, Selection>();

  function select(sources: SourceState[], params: ListParams, filterText: string): Selection {
    const key = [
      filterText,
      params.sorters.map((s) => `${s.descending ? '-' : ''}${s.field}`).join(','),
      ...sources.map((state) => `${state.row.id}@${state.records.version}`),
    ].join('|');
    const cached = selections.get(key);
    if (cached) return cached;

    const sourceOf: number[] = [];
    const positionOf: number[] = [];
    // Only the sort values are kept, never the rows: a million made rows would not fit comfortably.
    const columns: unknown[][] = params.sorters.map(() => []);
    sources.forEach((state, s) => {
      const sourceId = state.row.id;
      const matches = params.filter
        ? createFilterPredicate(params.filter, (row: RecordRow, field) => fieldOf(row, field, sourceId))
        : undefined;
      let position = 0;
      for (const row of state.records.rows()) {
        if (!matches || matches(row)) {
          sourceOf.push(s);
          positionOf.push(position);
          for (let k = 0; k < columns.length; k++)
            columns[k].push(sortValue(fieldOf(row, params.sorters[k].field, sourceId)));
        }
        position++;
      }
    });
    const order = params.sorters.length ? sortedOrder(columns, params.sorters) : undefined;
    const selection: Selection = {
      sources,
      source: Int32Array.from(sourceOf.keys(), (i) => sourceOf[order ? order[i] : i]),
      position: Int32Array.from(positionOf.keys(), (i) => positionOf[order ? order[i] : i]),
    };
    if (selections.size >= MAX_CACHED) selections.delete(selections.keys().next().value!);
    selections.set(key, selection);
    return selection;
  }

  return function listRecords(req: SandboxRequest): SandboxResponse {
    const params = parseListParams(req.query, { filterable: RECORD_FILTERS, sortable: RECORD_SORTERS });
    let sources = listableSources(ctx, req);
    const pinned = pinnedValue(params.filter, 'sourceId');
    if (pinned !== undefined)
      sources = sources.filter((state) => state.row.id.toLowerCase() === pinned.toLowerCase());

    if (params.sorters.length === 0 && (!params.filter || params.filter.kind === 'compare')) {
      const total = sources.reduce((sum, state) => sum + state.records.size, 0);
      const page: ReturnType<typeof recordView>[] = [];
      let skip = params.offset;
      for (const state of sources) {
        if (page.length >= params.limit) break;
        const size = state.records.size;
        if (skip >= size) {
          skip -= size;
          continue;
        }
        for (const row of state.records.page(skip, params.limit - page.length))
          page.push(recordView(row, state.row));
        skip = 0;
      }
      return listResponse(page, total, params);
    }

    const selection = select(sources, params, req.query.get('filters') ?? '');
    const end = Math.min(selection.source.length, params.offset + params.limit);
    const page: ReturnType<typeof recordView>[] = [];
    for (let i = params.offset; i < end; i++) {
      const state = selection.sources[selection.source[i]];
      page.push(recordView(state.records.at(selection.position[i])!, state.row));
    }
    return listResponse(page, selection.source.length, params);
  };
}
