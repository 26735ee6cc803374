import type { SandboxModule } from '../http/types.ts';
import type { RecordDirectory } from '../store/record-directory.ts';
import { createDerivedIds } from './account-ids.ts';
import { createAccountReadRoutes } from './account-read-routes.ts';
import { createAccountStateRoutes } from './account-state-routes.ts';
import { createAccountStore } from './account-store.ts';
import { createTaskScheduler, type TaskDelay } from './account-tasks.ts';
import { createAccountWriteRoutes } from './account-write-routes.ts';
import type { AccountsContext } from './accounts-context.ts';
import { createEntitlementCatalog, ENTITLEMENT_CATALOG_SIZE } from './entitlement-catalog.ts';
import { createIdentityAccountRoutes } from './identity-account-routes.ts';

export interface AccountsModuleDeps {
  /** The non-employee records whose accounts this module serves. */
  directory: RecordDirectory;
  now: () => Date;
  seed: number;
  /** How long an accepted task takes to show. @default { minMs: 50, maxMs: 300 } */
  taskDelay?: TaskDelay;
}

export interface AccountsModule extends SandboxModule {
  /** Tasks accepted and not yet applied. */
  pendingTasks(): number;
}

/** The Accounts API emulation (v3 accounts, beta remove and identities-accounts). */
export function createAccountsModule(deps: AccountsModuleDeps): AccountsModule {
  const ids = createDerivedIds(deps.directory, deps.seed);
  const store = createAccountStore({
    directory: deps.directory,
    ids,
    seed: deps.seed,
    catalogSize: ENTITLEMENT_CATALOG_SIZE,
  });
  const tasks = createTaskScheduler(deps.seed, deps.taskDelay);
  // Fixed, so the seeded entitlements read the same on every run.
  const catalog = createEntitlementCatalog('2024-01-02T09:00:00.000Z');
  const context: AccountsContext = {
    directory: deps.directory,
    store,
    tasks,
    catalog,
    now: deps.now,
    seed: deps.seed,
  };

  return {
    routes: [
      ...createAccountReadRoutes(context),
      ...createAccountWriteRoutes(context),
      ...createAccountStateRoutes(context),
      ...createIdentityAccountRoutes(context),
    ],
    pendingTasks: tasks.pending,
    reset() {
      tasks.reset();
      store.reset();
      catalog.reset();
    },
  };
}
