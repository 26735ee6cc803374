import { createHash } from 'node:crypto';
import type { DirectoryRecord, DirectorySource, RecordDirectory } from '../store/record-directory.ts';

/** A record found from an id derived from it. */
export interface RecordHit {
  source: DirectorySource;
  record: DirectoryRecord;
}

/**
 * Account and identity ids derived from record ids. A 32-hex or UUID record id is XORed with a
 * seed-derived mask, so the id decodes back to its record in O(1) with nothing stored; any other
 * id shape falls back to a hash and a lazily built reverse map.
 */
export interface DerivedIds {
  accountIdOf(recordId: string): string;
  identityIdOf(recordId: string): string;
  recordOfAccountId(accountId: string): RecordHit | undefined;
  recordOfIdentityId(identityId: string): RecordHit | undefined;
}

const HEX = '0123456789abcdef';
const HEX32 = /^[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const md5Hex = (text: string): string => createHash('md5').update(text).digest('hex');

const maskOf = (label: string, seed: number): number[] =>
  Array.from(md5Hex(`${label}:${seed}`), (c) => HEX.indexOf(c));

function xorHex(hex: string, mask: readonly number[]): string {
  let out = '';
  for (let i = 0; i < 32; i++) out += HEX[HEX.indexOf(hex[i]) ^ mask[i]];
  return out;
}

const dashed = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** True when the id maps reversibly (32 lowercase hex, or a lowercase dashed UUID). */
export const isReversibleRecordId = (recordId: string): boolean =>
  HEX32.test(recordId) || UUID.test(recordId);

export function createDerivedIds(directory: RecordDirectory, seed: number): DerivedIds {
  const accountMask = maskOf('account', seed);
  const identityMask = maskOf('identity', seed);
  let fallback: { size: number; accounts: Map<string, string>; identities: Map<string, string> } | undefined;

  const encode = (recordId: string, mask: readonly number[], label: string): string =>
    isReversibleRecordId(recordId)
      ? xorHex(recordId.replaceAll('-', ''), mask)
      : md5Hex(`${label}:${seed}:${recordId}`);

  const directorySize = (): number => {
    let size = 0;
    for (const source of directory.sources()) size += directory.recordsOnIscSource(source.iscSourceId).length;
    return size;
  };

  // Rebuilt only when the directory grew or shrank, so unknown ids don't rescan every time.
  const fallbackMaps = () => {
    const size = directorySize();
    if (fallback?.size === size) return fallback;
    const accounts = new Map<string, string>();
    const identities = new Map<string, string>();
    for (const source of directory.sources()) {
      for (const record of directory.recordsOnIscSource(source.iscSourceId)) {
        if (isReversibleRecordId(record.recordId)) continue;
        accounts.set(encode(record.recordId, accountMask, 'account'), record.recordId);
        identities.set(encode(record.recordId, identityMask, 'identity'), record.recordId);
      }
    }
    fallback = { size, accounts, identities };
    return fallback;
  };

  const decode = (
    id: string,
    mask: readonly number[],
    kind: 'accounts' | 'identities',
  ): RecordHit | undefined => {
    if (!HEX32.test(id)) return undefined;
    const hex = xorHex(id, mask);
    const hit = directory.recordById(hex) ?? directory.recordById(dashed(hex));
    if (hit && isReversibleRecordId(hit.record.recordId)) return hit;
    const recordId = fallbackMaps()[kind].get(id);
    return recordId === undefined ? undefined : directory.recordById(recordId);
  };

  return {
    accountIdOf: (recordId) => encode(recordId, accountMask, 'account'),
    identityIdOf: (recordId) => encode(recordId, identityMask, 'identity'),
    recordOfAccountId: (id) => decode(id, accountMask, 'accounts'),
    recordOfIdentityId: (id) => decode(id, identityMask, 'identities'),
  };
}
