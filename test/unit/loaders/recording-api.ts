import type { ListParams, UpstreamApi } from '../../../src/upstream/api.ts';
import type { FilterExpression } from '../../../src/upstream/filters.ts';
import type { Account } from '../../../src/upstream/wire/accounts.ts';

/** An in-memory UpstreamApi with only what a test needs, logging every call it gets. */
export function createRecordingApi(methods: Partial<UpstreamApi>) {
  const calls: { method: string; args: unknown[] }[] = [];
  const api = new Proxy(methods as UpstreamApi, {
    get(target, property) {
      const method = Reflect.get(target, property) as ((...args: unknown[]) => unknown) | undefined;
      if (typeof property !== 'string') return undefined;
      return (...args: unknown[]) => {
        calls.push({ method: property, args });
        if (!method) return Promise.reject(new Error(`unexpected call ${property}`));
        return method(...args);
      };
    },
  });
  return { api, calls };
}

/** An account named `nativeIdentity` on `sourceId`, with an id of its own. */
export function account(sourceId: string, nativeIdentity: string): Account {
  return {
    id: `acc-${sourceId}-${nativeIdentity}`,
    name: nativeIdentity,
    sourceId,
    sourceName: null,
    attributes: null,
    authoritative: false,
    disabled: false,
    locked: false,
    nativeIdentity,
    systemAccount: false,
    uncorrelated: false,
    manuallyCorrelated: false,
    hasEntitlements: false,
  };
}

/**
 * A `listAccounts` that answers `sourceId eq X and nativeIdentity in (...)` with the named accounts
 * `exists` lets through, in reverse order: a loader must match them by key, not by position.
 */
export function listAccountsByName(exists: (name: string) => boolean = () => true) {
  return async (params: ListParams) => {
    const { operands } = params.filters as Extract<FilterExpression, { operands: unknown }>;
    const [source, names] = operands as unknown as [{ value: string }, { values: readonly unknown[] }];
    const items = names.values
      .map(String)
      .filter(exists)
      .reverse()
      .map((name) => account(source.value, name));
    return { items, totalCount: null };
  };
}
