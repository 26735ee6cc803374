import { createHash } from 'node:crypto';
import type {
  DirectoryRecord,
  DirectorySource,
  RecordDirectory,
} from '../../../src/sandbox/store/record-directory.ts';

export const hex = (text: string) => createHash('md5').update(text).digest('hex');
const uuid = (text: string) => hex(text).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

export type IdStyle = 'uuid' | 'hex' | 'opaque';

/** A directory over plain arrays that counts the calls a query makes, so tests can see scans. */
export function createFakeDirectory(spec: { sources: number; records: number; idStyle?: IdStyle }) {
  const calls = { recordsOnIscSource: 0, recordByAccountName: 0, recordById: 0 };
  const sources: DirectorySource[] = [];
  const records = new Map<string, DirectoryRecord[]>();
  const byId = new Map<string, { source: DirectorySource; record: DirectoryRecord }>();
  for (let s = 0; s < spec.sources; s++) {
    const source = {
      nonEmployeeSourceId: uuid(`nes${s}`),
      iscSourceId: hex(`isc${s}`),
      name: `Source ${s}`,
      ownerIdentityId: hex(`owner${s}`),
    };
    sources.push(source);
    const list: DirectoryRecord[] = [];
    for (let r = 0; r < spec.records; r++) {
      const key = `rec${s}-${r}`;
      const recordId =
        spec.idStyle === 'hex' ? hex(key) : spec.idStyle === 'opaque' ? `record:${key}` : uuid(key);
      const created = new Date(Date.UTC(2024, 0, 1) + (s * spec.records + r) * 60_000).toISOString();
      const record = {
        recordId,
        accountName: `user${s}.${r}`,
        firstName: `First${r}`,
        lastName: `Last${s}`,
        email: `u${s}.${r}@example.com`,
        created,
        modified: created,
      };
      list.push(record);
      byId.set(recordId, { source, record });
    }
    records.set(source.iscSourceId, list);
  }
  const directory: RecordDirectory = {
    sources: () => sources,
    sourceByIscId: (id) => sources.find((s) => s.iscSourceId === id),
    recordsOnIscSource(id) {
      calls.recordsOnIscSource++;
      return records.get(id) ?? [];
    },
    recordByAccountName(id, name) {
      calls.recordByAccountName++;
      return records.get(id)?.find((r) => r.accountName === name);
    },
    recordById(id) {
      calls.recordById++;
      return byId.get(id);
    },
  };
  const resetCalls = () => {
    calls.recordsOnIscSource = 0;
    calls.recordByAccountName = 0;
    calls.recordById = 0;
  };
  return { directory, sources, records, calls, resetCalls };
}
