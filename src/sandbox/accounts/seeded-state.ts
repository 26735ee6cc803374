/** The seeded state of a derived account: computed from a hash of its id, so nothing is stored. */
export interface SeededAccountState {
  disabled: boolean;
  locked: boolean;
  /** Indexes into the source's entitlement catalog, ascending. */
  entitlementIndexes: number[];
}

/** 32-bit FNV-1a; fast and stable across runs, which is all the seeding needs. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** About 1 account in 12 starts disabled, 1 in 20 locked; a quarter have no entitlements. */
export function seededAccountState(seed: number, accountId: string, catalogSize: number): SeededAccountState {
  const hash = fnv1a(`${seed}:${accountId}`);
  const disabled = hash % 12 === 0;
  const locked = (hash >>> 8) % 20 === 0;
  const count = Math.min((hash >>> 16) % 4, catalogSize);
  const picked = new Set<number>();
  let bits = fnv1a(`${accountId}:${seed}:entitlements`);
  for (let round = 0; picked.size < count; round++) {
    // The bound only guards against a pathological cycle; then take the next free index.
    picked.add(round < 64 ? bits % catalogSize : [...Array(catalogSize).keys()].find((i) => !picked.has(i))!);
    bits = Math.imul(bits ^ (bits >>> 15), 0x2c1b3c6d) >>> 0;
  }
  return { disabled, locked, entitlementIndexes: [...picked].sort((a, b) => a - b) };
}
