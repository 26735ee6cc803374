import type { RecordRow } from './nelm-rows.ts';

/** Records a seed defines without storing them: made on demand from their index. */
export interface SeededRecords {
  count: number;
  make(index: number): RecordRow;
  /** The index an id of this seed encodes (not checked against deletions). */
  indexOfId(id: string): number | undefined;
  /** The index an account name of this seed encodes (not checked against deletions or renames). */
  indexOfAccountName(accountName: string): number | undefined;
}

function sortedInsert(values: number[], value: number): void {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  values.splice(lo, 0, value);
}

/** How many of the sorted `values` are <= `value`. */
function countAtMost(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One source's records in creation order: seeded ones first (virtual until written), then the
 * ones created later. 20,000 seeded records cost a few numbers, not 20,000 objects, and a page
 * at any offset is found by arithmetic.
 */
export function createRecordTable(seeded: SeededRecords) {
  const deletedSeeds: number[] = [];
  const overrides = new Map<number, RecordRow>();
  const added: RecordRow[] = [];
  const addedById = new Map<string, RecordRow>();
  /** Rows that are real objects (added or overriding a seed), by account name. */
  const written = new Map<string, RecordRow>();
  let version = 0;

  const liveSeeds = () => seeded.count - deletedSeeds.length;
  const isDeletedSeed = (index: number) => {
    const n = countAtMost(deletedSeeds, index);
    return n > 0 && deletedSeeds[n - 1] === index;
  };

  /** The seed index of the `position`-th live seeded record. */
  function nthLiveSeed(position: number): number {
    if (deletedSeeds.length === 0) return position;
    let lo = position;
    let hi = seeded.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (mid + 1 - countAtMost(deletedSeeds, mid) >= position + 1) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  const seedRow = (index: number) => overrides.get(index) ?? seeded.make(index);

  const table = {
    get size() {
      return liveSeeds() + added.length;
    },
    /** Bumped on every write, so derived caches know when to rebuild. */
    get version() {
      return version;
    },
    at(position: number): RecordRow | undefined {
      if (position < 0 || position >= table.size) return undefined;
      const seeds = liveSeeds();
      return position < seeds ? seedRow(nthLiveSeed(position)) : added[position - seeds];
    },
    page(offset: number, limit: number): RecordRow[] {
      const end = Math.min(table.size, offset + limit);
      const rows: RecordRow[] = [];
      for (let position = offset; position < end; position++) rows.push(table.at(position)!);
      return rows;
    },
    *rows(): Generator<RecordRow> {
      for (let index = 0; index < seeded.count; index++) {
        if (deletedSeeds.length === 0 || !isDeletedSeed(index)) yield seedRow(index);
      }
      yield* added;
    },
    byId(id: string): RecordRow | undefined {
      const direct = addedById.get(id);
      if (direct) return direct;
      const index = seeded.indexOfId(id);
      if (index === undefined || index >= seeded.count || isDeletedSeed(index)) return undefined;
      const row = seedRow(index);
      return row.id === id ? row : undefined;
    },
    byAccountName(accountName: string): RecordRow | undefined {
      const row = written.get(accountName);
      if (row) return row;
      const index = seeded.indexOfAccountName(accountName);
      if (index === undefined || index >= seeded.count || overrides.has(index) || isDeletedSeed(index)) {
        return undefined;
      }
      const seed = seeded.make(index);
      return seed.accountName === accountName ? seed : undefined;
    },
    add(row: RecordRow): void {
      added.push(row);
      addedById.set(row.id, row);
      written.set(row.accountName, row);
      version++;
    },
    /** Replaces the row with the same id (seeded or added). */
    replace(row: RecordRow): void {
      const current = table.byId(row.id);
      if (!current) throw new Error(`replace: no record ${row.id}`);
      if (written.get(current.accountName) === current) written.delete(current.accountName);
      written.set(row.accountName, row);
      if (addedById.has(row.id)) {
        added[added.indexOf(current)] = row;
        addedById.set(row.id, row);
      } else {
        overrides.set(current.seedIndex!, { ...row, seedIndex: current.seedIndex });
        written.set(row.accountName, overrides.get(current.seedIndex!)!);
      }
      version++;
    },
    remove(id: string): boolean {
      const current = table.byId(id);
      if (!current) return false;
      if (written.get(current.accountName) === current) written.delete(current.accountName);
      if (addedById.has(id)) {
        added.splice(added.indexOf(current), 1);
        addedById.delete(id);
      } else {
        overrides.delete(current.seedIndex!);
        sortedInsert(deletedSeeds, current.seedIndex!);
      }
      version++;
      return true;
    },
  };
  return table;
}

export type RecordTable = ReturnType<typeof createRecordTable>;
