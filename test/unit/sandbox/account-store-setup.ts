import { createDerivedIds } from '../../../src/sandbox/accounts/account-ids.ts';
import { type AccountQuery, queryAccounts } from '../../../src/sandbox/accounts/account-query.ts';
import { createAccountStore } from '../../../src/sandbox/accounts/account-store.ts';
import { ENTITLEMENT_CATALOG_SIZE } from '../../../src/sandbox/accounts/entitlement-catalog.ts';
import { parseFilter } from '../../../src/sandbox/collections/index.ts';
import { createFakeDirectory, type IdStyle } from './fake-directory.ts';

/** An account store over a fake directory, and `query` to list it as `GET /accounts` does. */
export function setupAccountStore(spec: {
  sources: number;
  records: number;
  idStyle?: IdStyle;
  seed?: number;
}) {
  const fake = createFakeDirectory(spec);
  const ids = createDerivedIds(fake.directory, spec.seed ?? 7);
  const store = createAccountStore({
    directory: fake.directory,
    ids,
    seed: spec.seed ?? 7,
    catalogSize: ENTITLEMENT_CATALOG_SIZE,
  });
  const query = (q: Partial<AccountQuery> & { filters?: string }) =>
    queryAccounts(
      {
        limit: 250,
        offset: 0,
        count: false,
        sorters: [],
        ...q,
        filter: q.filters ? parseFilter(q.filters) : undefined,
      },
      store,
      fake.directory,
    );
  return { ...fake, ids, store, query };
}
