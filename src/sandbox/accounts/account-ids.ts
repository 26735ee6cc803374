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
 * id shape falls back to a hash and a reverse map.
 */
export interface DerivedIds {
  accountIdOf(recordId: string): string;
  identityIdOf(recordId: string): string;
  recordOfAccountId(accountId: string): RecordHit | undefined;
  recordOfIdentityId(identityId: string): RecordHit | undefined;
}

const HEX = '0123456789abcdef';

/** Nibble value by char code of a lowercase hex digit; 255 for anything else. */
const NIBBLE = new Uint8Array(128).fill(255);
for (let i = 0; i < 16; i++) NIBBLE[HEX.charCodeAt(i)] = i;

export const md5Hex = (text: string): string => createHash('md5').update(text).digest('hex');

const maskOf = (label: string, seed: number): Uint8Array =>
  Uint8Array.from(md5Hex(`${label}:${seed}`), (c) => HEX.indexOf(c));

/** Two hex digits by byte value: the output is built a byte at a time. */
const PAIRS = Array.from({ length: 256 }, (_, byte) => HEX[byte >> 4] + HEX[byte & 15]);

/** The nibble at `i`, or 255 when it is not a lowercase hex digit. */
const nibbleAt = (id: string, i: number): number => {
  const code = id.charCodeAt(i);
  return code < 128 ? NIBBLE[code] : 255;
};

/**
 * XORs the 32 hex digits of a 32-hex or dashed-UUID id with the mask; undefined for any other
 * shape. Hot: runs for every account a list touches, hence the tables instead of regexes.
 */
function xorHex(id: string, mask: Uint8Array): string | undefined {
  const dashed = id.length === 36;
  if (!dashed && id.length !== 32) return undefined;
  if (dashed && (id[8] !== '-' || id[13] !== '-' || id[18] !== '-' || id[23] !== '-')) return undefined;
  let out = '';
  for (let j = 0, i = 0; j < 32; j += 2, i += 2) {
    if (dashed && (i === 8 || i === 13 || i === 18 || i === 23)) i++;
    const high = nibbleAt(id, i);
    const low = nibbleAt(id, i + 1);
    if (high === 255 || low === 255) return undefined;
    out += PAIRS[((high ^ mask[j]) << 4) | (low ^ mask[j + 1])];
  }
  return out;
}

const toUuid = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

const ZERO_MASK = new Uint8Array(32);

/** True when the id maps reversibly (32 lowercase hex, or a lowercase dashed UUID). */
export const isReversibleRecordId = (recordId: string): boolean => xorHex(recordId, ZERO_MASK) !== undefined;

export function createDerivedIds(directory: RecordDirectory, seed: number): DerivedIds {
  const accountMask = maskOf('account', seed);
  const identityMask = maskOf('identity', seed);
  // Opaque record ids (neither hex nor UUID) are hashed; these maps lead back, filled as ids are made.
  const opaque = { accounts: new Map<string, string>(), identities: new Map<string, string>() };
  let scannedAtSize = -1;

  const encode = (recordId: string, mask: Uint8Array, kind: 'accounts' | 'identities'): string => {
    const reversible = xorHex(recordId, mask);
    if (reversible !== undefined) return reversible;
    const id = md5Hex(`${kind}:${seed}:${recordId}`);
    opaque[kind].set(id, recordId);
    return id;
  };

  const directorySize = (): number => {
    let size = 0;
    for (const source of directory.sources()) size += directory.recordsOnIscSource(source.iscSourceId).length;
    return size;
  };

  /** Whether the directory holds opaque ids at all, judged from what was derived and the first record of each source. */
  const mayHoldOpaque = (): boolean => {
    if (opaque.accounts.size > 0) return true;
    for (const source of directory.sources()) {
      const [first] = directory.recordsOnIscSource(source.iscSourceId);
      if (first && !isReversibleRecordId(first.recordId)) return true;
    }
    return false;
  };

  /**
   * Registers every opaque record id, for ids asked before their account was derived: only when
   * the directory may hold some and has changed size since, so a directory of UUIDs never pays.
   */
  const scanOpaque = () => {
    if (!mayHoldOpaque()) return;
    const size = directorySize();
    if (size === scannedAtSize) return;
    scannedAtSize = size;
    for (const source of directory.sources()) {
      for (const record of directory.recordsOnIscSource(source.iscSourceId)) {
        if (isReversibleRecordId(record.recordId)) continue;
        encode(record.recordId, accountMask, 'accounts');
        encode(record.recordId, identityMask, 'identities');
      }
    }
  };

  const decode = (id: string, mask: Uint8Array, kind: 'accounts' | 'identities'): RecordHit | undefined => {
    const hex = id.length === 32 ? xorHex(id, mask) : undefined;
    if (hex === undefined) return undefined;
    const hit = directory.recordById(hex) ?? directory.recordById(toUuid(hex));
    if (hit && isReversibleRecordId(hit.record.recordId)) return hit;
    if (!opaque[kind].has(id)) scanOpaque();
    const recordId = opaque[kind].get(id);
    return recordId === undefined ? undefined : directory.recordById(recordId);
  };

  return {
    accountIdOf: (recordId) => encode(recordId, accountMask, 'accounts'),
    identityIdOf: (recordId) => encode(recordId, identityMask, 'identities'),
    recordOfAccountId: (id) => decode(id, accountMask, 'accounts'),
    recordOfIdentityId: (id) => decode(id, identityMask, 'identities'),
  };
}
