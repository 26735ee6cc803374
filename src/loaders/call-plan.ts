import type { Loaders } from './index.ts';

/**
 * A call the operation's selection will need and whose inputs are known before execution:
 * started at once, beside the root's calls, instead of after the fields that lead to it.
 */
export type PlannedCall = { kind: 'all-sources' } | { kind: 'schema-attributes'; sourceId: string };

/** Starts each planned call through the loaders that fields read, so no call is made twice. */
export function startPlannedCalls(loaders: Loaders, plan: readonly PlannedCall[]): void {
  for (const call of plan) {
    if (call.kind === 'all-sources') loaders.primeAllSources();
    // The field's own load takes this promise (and its failure) from the loader's cache.
    else loaders.schemaAttributes.load(call.sourceId).catch(() => {});
  }
}
