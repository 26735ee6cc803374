import type { RecordRow } from './nelm-rows.ts';
import type { NelmStore, SourceState } from './nelm-store.ts';
import type { DirectoryRecord, DirectorySource, RecordDirectory } from './record-directory.ts';
import type { RecordTable } from './record-table.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function toDirectoryRecord(row: RecordRow): DirectoryRecord {
  return {
    recordId: row.id,
    accountName: row.accountName,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    created: iso(row.created),
    modified: iso(row.modified),
  };
}

function toDirectorySource(state: SourceState): DirectorySource {
  return {
    nonEmployeeSourceId: state.row.id,
    iscSourceId: state.row.iscSourceId,
    name: state.row.name,
    ownerIdentityId: state.row.ownerId,
  };
}

/**
 * An array-shaped view of a record table: `length`, indexing and iteration make each record
 * on access, so 20,000 seeded records are never all held as objects at once.
 */
function lazyRecords(table: RecordTable): readonly DirectoryRecord[] {
  return new Proxy([] as DirectoryRecord[], {
    get(target, key, receiver) {
      if (key === 'length') return table.size;
      if (typeof key === 'string' && /^\d+$/.test(key)) {
        const row = table.at(Number(key));
        return row && toDirectoryRecord(row);
      }
      if (key === Symbol.iterator) {
        return function* () {
          for (const row of table.rows()) yield toDirectoryRecord(row);
        };
      }
      return Reflect.get(target, key, receiver);
    },
    has(_target, key) {
      return key === 'length' || (typeof key === 'string' && /^\d+$/.test(key) && Number(key) < table.size);
    },
  });
}

/** The records' side of the accounts emulation, read straight from the NELM store. */
export function createNelmDirectory(store: NelmStore): RecordDirectory {
  return {
    *sources() {
      for (const state of store.sources.values()) yield toDirectorySource(state);
    },
    sourceByIscId(iscSourceId) {
      const state = store.sourceByIscId(iscSourceId);
      return state && toDirectorySource(state);
    },
    recordsOnIscSource(iscSourceId) {
      const state = store.sourceByIscId(iscSourceId);
      return state ? lazyRecords(state.records) : [];
    },
    recordByAccountName(iscSourceId, accountName) {
      const row = store.sourceByIscId(iscSourceId)?.records.byAccountName(accountName);
      return row && toDirectoryRecord(row);
    },
    recordById(recordId) {
      const found = store.findRecord(recordId);
      return found && { source: toDirectorySource(found.state), record: toDirectoryRecord(found.row) };
    },
  };
}
