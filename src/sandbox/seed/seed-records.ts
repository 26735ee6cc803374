import type { RecordRow } from '../store/nelm-rows.ts';
import type { SeededRecords } from '../store/record-table.ts';
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, LOCATIONS, VENDORS } from './names.ts';

const DAY = 86_400_000;

const FIRST_LOWER = FIRST_NAMES.map((name) => name.toLowerCase());
const LAST_LOWER = LAST_NAMES.map((name) => name.toLowerCase());
const COST_CENTERS = Array.from({ length: 12 }, (_, i) => `CC-${1100 + i * 73}`);

/** Values the seed gives the custom attributes it knows, by technical name. */
const CUSTOM_VALUES: Record<string, readonly string[]> = {
  vendor: VENDORS,
  department: DEPARTMENTS,
  location: LOCATIONS,
  costCenter: COST_CENTERS,
};
export const SEEDED_CUSTOM_ATTRIBUTES = Object.keys(CUSTOM_VALUES);

export interface SeededRecordsSpec {
  /** Distinguishes this source's stream from every other source's. */
  key: number;
  count: number;
  /** Ids are `<idPrefix><8 hex>`: a UUID whose first 28 characters are random per source, the rest encodes the index. */
  idPrefix: string;
  sourceCreated: number;
  /** "Now" of the seed (midnight UTC), so end dates spread on both sides of it. */
  anchor: number;
  customAttributes: readonly string[];
  managers: readonly string[];
}

const SCRAMBLE = 0x9e3779b1;
/** The multiplicative inverse of SCRAMBLE mod 2^32 (Newton's iteration), to read an index back from an id. */
const UNSCRAMBLE = (() => {
  let inverse = SCRAMBLE;
  for (let i = 0; i < 5; i++) inverse = Math.imul(inverse, 2 - Math.imul(SCRAMBLE, inverse));
  return inverse >>> 0;
})();

const mix = (a: number, b: number) => {
  let h = Math.imul(a ^ 0x85ebca6b, 0xcc9e2d51) ^ Math.imul(b + 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
};

/** The `n`-th draw of a record whose hash is `base`, in 0..range-1. */
const draw = (base: number, n: number, range: number) => mix(base, n) % range;

/** A source's seeded records, made on demand from their index (the same index always gives the same record). */
export function createSeededRecords(spec: SeededRecordsSpec): SeededRecords {
  const mask = mix(spec.key, 0x51ed) & 0x7fffffff;
  const span = Math.max(DAY, spec.anchor - DAY - spec.sourceCreated);
  const step = span / Math.max(1, spec.count);
  const managers = spec.managers.length ? spec.managers : [''];
  const customValues = spec.customAttributes.map((name) => CUSTOM_VALUES[name]);

  // Every draw is a hash of (source, index, draw number): no PRNG object per record, as pages make 250 at a time.
  const make = (index: number): RecordRow => {
    const base = mix(spec.key, index);
    const first = draw(base, 1, FIRST_NAMES.length);
    const last = draw(base, 2, LAST_NAMES.length);
    const accountName = `${FIRST_LOWER[first]}.${LAST_LOWER[last]}${index}`;
    const created = Math.floor(spec.sourceCreated + index * step);
    const startDate = Math.floor(created / DAY) * DAY + draw(base, 3, 15) * DAY;
    let endDate = spec.anchor + (draw(base, 4, 720) - 180) * DAY;
    if (endDate <= startDate) endDate = startDate + (30 + draw(base, 5, 60)) * DAY;
    const data: Record<string, string> = {};
    for (let i = 0; i < customValues.length; i++) {
      const values = customValues[i];
      if (values) data[spec.customAttributes[i]] = values[draw(base, 10 + i, values.length)];
    }
    return {
      id: `${spec.idPrefix}${(Math.imul(index ^ mask, SCRAMBLE) >>> 0).toString(16).padStart(8, '0')}`,
      seedIndex: index,
      accountName,
      firstName: FIRST_NAMES[first],
      lastName: LAST_NAMES[last],
      email: `${accountName}@partners.example.com`,
      phone: `512555${String(draw(base, 6, 10_000)).padStart(4, '0')}`,
      manager: managers[draw(base, 7, managers.length)],
      data,
      startDate,
      endDate,
      created,
      modified: created,
    };
  };

  return {
    count: spec.count,
    make,
    indexOfId(id) {
      if (id.length !== spec.idPrefix.length + 8 || !id.startsWith(spec.idPrefix)) return undefined;
      const tail = id.slice(spec.idPrefix.length);
      if (!/^[0-9a-f]{8}$/.test(tail)) return undefined;
      const index = (Math.imul(Number.parseInt(tail, 16), UNSCRAMBLE) ^ mask) >>> 0;
      return index < spec.count ? index : undefined;
    },
    indexOfAccountName(accountName) {
      const match = /(\d+)$/.exec(accountName);
      if (!match || match[1].length > 6) return undefined;
      const index = Number(match[1]);
      return index < spec.count ? index : undefined;
    },
  };
}
