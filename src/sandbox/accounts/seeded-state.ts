/** The seeded state of a derived account: computed from a hash of its id, so nothing is stored. */
export interface SeededAccountState {
  disabled: boolean;
  locked: boolean;
  /** Indexes into the source's entitlement catalog, ascending. */
  entitlementIndexes: number[];
}

/** 32-bit FNV-1a, started from the seed; fast and stable across runs, which is all the seeding needs. */
export function fnv1a(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Murmur3's finaliser: spreads the bits of a hash so each draw looks independent. */
function mix(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** About 1 account in 12 starts disabled, 1 in 20 locked; a quarter have no entitlements. */
export function seededAccountState(seed: number, accountId: string, catalogSize: number): SeededAccountState {
  const hash = mix(fnv1a(accountId, seed));
  const count = Math.min((hash >>> 16) % 4, catalogSize);
  const entitlementIndexes: number[] = [];
  let bits = mix(hash ^ 0x9e3779b9);
  // Bounded draws: deterministic either way, and never a loop without end.
  for (let draw = 0; entitlementIndexes.length < count && draw < 64; draw++) {
    const index = bits % catalogSize;
    if (!entitlementIndexes.includes(index)) entitlementIndexes.push(index);
    bits = mix(bits + 1);
  }
  return {
    disabled: hash % 12 === 0,
    locked: (hash >>> 8) % 20 === 0,
    entitlementIndexes: entitlementIndexes.sort((a, b) => a - b),
  };
}
