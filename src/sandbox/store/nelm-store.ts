import type { ApprovalRow, RecordRow, RequestRow, SourceRow, UploadJobRow } from './nelm-rows.ts';
import { createRecordTable, type RecordTable, type SeededRecords } from './record-table.ts';

export interface SourceState {
  row: SourceRow;
  records: RecordTable;
}

const NO_SEEDS: SeededRecords = {
  count: 0,
  make: () => {
    throw new Error('no seeded records');
  },
  indexOfId: () => undefined,
  indexOfAccountName: () => undefined,
};

/** Length of the per-source id prefix of seeded record ids (a UUID minus its last 8 hex digits). */
export const SEEDED_ID_PREFIX_LENGTH = 28;

/**
 * The in-memory NELM state: sources with their record tables, requests and approval items,
 * the newest bulk-upload job per source. Rules live in the route handlers; this keeps indexes.
 */
export function createNelmStore() {
  const sources = new Map<string, SourceState>();
  const byIscId = new Map<string, SourceState>();
  /** Seeded record ids carry their source's prefix; records created later are indexed here. */
  const byIdPrefix = new Map<string, SourceState>();
  const addedRecordSource = new Map<string, SourceState>();
  const requests = new Map<string, RequestRow>();
  const approvals = new Map<string, ApprovalRow>();
  const uploadJobs = new Map<string, UploadJobRow>();

  const store = {
    sources,
    requests,
    approvals,
    uploadJobs,

    addSource(row: SourceRow, seeded: SeededRecords = NO_SEEDS, idPrefix?: string): SourceState {
      const state: SourceState = { row, records: createRecordTable(seeded) };
      sources.set(row.id, state);
      byIscId.set(row.iscSourceId, state);
      if (idPrefix) byIdPrefix.set(idPrefix, state);
      return state;
    },
    source: (id: string) => sources.get(id),
    sourceByIscId: (iscSourceId: string) => byIscId.get(iscSourceId),
    /** Deletes a source with its records, requests, approval items and upload job. */
    removeSource(id: string): boolean {
      const state = sources.get(id);
      if (!state) return false;
      sources.delete(id);
      byIscId.delete(state.row.iscSourceId);
      for (const [prefix, owner] of byIdPrefix) if (owner === state) byIdPrefix.delete(prefix);
      for (const [recordId, owner] of addedRecordSource)
        if (owner === state) addedRecordSource.delete(recordId);
      for (const request of [...requests.values()])
        if (request.sourceId === id) store.removeRequest(request.id);
      uploadJobs.delete(id);
      return true;
    },

    findRecord(id: string): { state: SourceState; row: RecordRow } | undefined {
      const owner = addedRecordSource.get(id) ?? byIdPrefix.get(id.slice(0, SEEDED_ID_PREFIX_LENGTH));
      const row = owner?.records.byId(id);
      return owner && row ? { state: owner, row } : undefined;
    },
    addRecord(state: SourceState, row: RecordRow): void {
      state.records.add(row);
      addedRecordSource.set(row.id, state);
    },
    replaceRecord(state: SourceState, row: RecordRow): void {
      state.records.replace(row);
    },
    removeRecord(state: SourceState, id: string): boolean {
      addedRecordSource.delete(id);
      return state.records.remove(id);
    },

    addRequest(request: RequestRow, items: ApprovalRow[]): void {
      requests.set(request.id, request);
      for (const item of items) approvals.set(item.id, item);
    },
    removeRequest(id: string): boolean {
      const request = requests.get(id);
      if (!request) return false;
      for (const itemId of request.approvalIds) approvals.delete(itemId);
      requests.delete(id);
      return true;
    },
    itemsOf(request: RequestRow): ApprovalRow[] {
      return request.approvalIds.map((itemId) => approvals.get(itemId)!);
    },

    clear(): void {
      sources.clear();
      byIscId.clear();
      byIdPrefix.clear();
      addedRecordSource.clear();
      requests.clear();
      approvals.clear();
      uploadJobs.clear();
    },
  };
  return store;
}

export type NelmStore = ReturnType<typeof createNelmStore>;
