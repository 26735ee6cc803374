import { notFound } from '../http/sandbox-error.ts';
import type { RecordDirectory } from '../store/record-directory.ts';
import type { AccountState } from './account-state.ts';
import type { AccountStore } from './account-store.ts';
import type { TaskScheduler } from './account-tasks.ts';
import type { EntitlementCatalog } from './entitlement-catalog.ts';

/** What the accounts route handlers share. */
export interface AccountsContext {
  directory: RecordDirectory;
  store: AccountStore;
  tasks: TaskScheduler;
  catalog: EntitlementCatalog;
  now: () => Date;
  seed: number;
}

/** The live account with that id, or a 404 as a tenant answers it. */
export function accountOr404(context: AccountsContext, id: string): AccountState {
  const account = context.store.byId(id);
  if (!account) throw notFound(`Account '${id}'`);
  return account;
}

/**
 * Accepts a task on one account: the change is computed when the task runs, against the account
 * as it stands then; an account removed meanwhile is left alone.
 */
export function submitAccountTask(
  context: AccountsContext,
  accountId: string,
  change: (account: AccountState, now: string) => Parameters<AccountStore['change']>[1],
): string {
  return context.tasks.submit(() => {
    const account = context.store.byId(accountId);
    if (account) context.store.change(account, change(account, context.now().toISOString()));
  });
}
