/**
 * What the accounts emulation needs to know about non-employee records: every record has an
 * account on its non-employee source's ISC `sourceId`, whose `nativeIdentity` is the record's
 * account name. The NELM store implements this; the accounts store reads it, so accounts need
 * no copy of a million records at scale.
 */
export interface DirectoryRecord {
  /** The non-employee record id. */
  recordId: string;
  accountName: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  /** Created timestamp (ISO). */
  created: string;
  modified: string;
}

export interface DirectorySource {
  /** The non-employee source id. */
  nonEmployeeSourceId: string;
  /** The ISC source id the accounts live on. */
  iscSourceId: string;
  name: string;
  ownerIdentityId: string;
}

export interface RecordDirectory {
  sources(): Iterable<DirectorySource>;
  sourceByIscId(iscSourceId: string): DirectorySource | undefined;
  /** Records of one ISC source, in a stable order (creation). */
  recordsOnIscSource(iscSourceId: string): readonly DirectoryRecord[];
  recordByAccountName(iscSourceId: string, accountName: string): DirectoryRecord | undefined;
  recordById(recordId: string): { source: DirectorySource; record: DirectoryRecord } | undefined;
}
