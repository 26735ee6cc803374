import type { FilterLiteral, FilterNode } from '../collections/filter-ast.ts';
import type { RecordDirectory } from '../store/record-directory.ts';
import type { AccountState } from './account-state.ts';
import type { AccountStore } from './account-store.ts';

/**
 * Where the candidates of a filter come from: named accounts (ids, identities, native
 * identities found through the indexes), whole sources, or everything. The filter is still
 * applied to every candidate, unless `exact` says the candidates already are the answer.
 */
export type CandidatePlan =
  | { kind: 'explicit'; accounts: AccountState[] }
  | { kind: 'sources'; sourceIds: string[]; exact: boolean }
  | { kind: 'all' };

type Leaf = Exclude<FilterNode, { kind: 'and' | 'or' | 'not' }>;

const KEYED = ['id', 'identityId', 'nativeIdentity', 'name'] as const;

const conjuncts = (node: FilterNode): FilterNode[] =>
  node.kind === 'and' ? node.operands.flatMap(conjuncts) : [node];

const isLeaf = (node: FilterNode): node is Leaf =>
  node.kind !== 'and' && node.kind !== 'or' && node.kind !== 'not';

const text = (literal: FilterLiteral): string | undefined =>
  literal.type === 'string' || literal.type === 'date'
    ? literal.value
    : literal.type === 'number'
      ? String(literal.value)
      : undefined;

/** The values an `eq` or `in` leaf pins its field to. */
function keysOf(leaf: Leaf): string[] | undefined {
  const literals =
    leaf.kind === 'in' ? leaf.values : leaf.kind === 'compare' && leaf.op === 'eq' ? [leaf.value] : undefined;
  if (!literals) return undefined;
  const keys = literals.map(text);
  return keys.every((k) => k !== undefined) ? [...new Set(keys as string[])] : undefined;
}

/** The ISC source ids the conjuncts allow, or undefined when they don't constrain the source. */
function sourceScope(leaves: readonly Leaf[], directory: RecordDirectory): string[] | undefined {
  let scope: string[] | undefined;
  for (const leaf of leaves) {
    if (leaf.field !== 'sourceId') continue;
    let allowed = keysOf(leaf)?.filter((id) => directory.sourceByIscId(id) !== undefined);
    if (!allowed && leaf.kind === 'compare' && leaf.op === 'sw') {
      const prefix = text(leaf.value) ?? '';
      allowed = [...directory.sources()].map((s) => s.iscSourceId).filter((id) => id.startsWith(prefix));
    }
    if (allowed) scope = scope ? scope.filter((id) => allowed.includes(id)) : allowed;
  }
  return scope;
}

export function planCandidates(
  filter: FilterNode | undefined,
  store: AccountStore,
  directory: RecordDirectory,
): CandidatePlan {
  const everySource = () => [...directory.sources()].map((s) => s.iscSourceId);
  if (!filter) return { kind: 'sources', sourceIds: everySource(), exact: true };
  const parts = conjuncts(filter);
  const leaves = parts.filter(isLeaf);
  const scope = sourceScope(leaves, directory);

  // The keyed leaf naming the fewest values drives the lookup.
  let best: { field: (typeof KEYED)[number]; keys: string[] } | undefined;
  for (const leaf of leaves) {
    const keys = keysOf(leaf);
    const field = KEYED.find((f) => f === leaf.field);
    if (keys && field && (!best || keys.length < best.keys.length)) best = { field, keys };
  }
  if (best) {
    const found = new Map<string, AccountState>();
    const add = (state: AccountState | undefined) => {
      if (state && !found.has(state.id)) found.set(state.id, state);
    };
    const sourceIds = scope ?? everySource();
    for (const key of best.keys) {
      if (best.field === 'id') add(store.byId(key));
      else if (best.field === 'identityId') store.byIdentity(key).forEach(add);
      else for (const sourceId of sourceIds) store.byNativeIdentity(sourceId, key).forEach(add);
    }
    return { kind: 'explicit', accounts: [...found.values()] };
  }
  const onlySourcePins = parts.every((p) => isLeaf(p) && p.field === 'sourceId' && keysOf(p) !== undefined);
  if (scope) return { kind: 'sources', sourceIds: scope, exact: onlySourcePins };
  return { kind: 'all' };
}
