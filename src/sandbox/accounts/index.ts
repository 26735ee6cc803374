import type { SandboxModule } from '../http/types.ts';
import type { RecordDirectory } from '../store/record-directory.ts';

export interface AccountsModuleDeps {
  /** The non-employee records whose accounts this module serves. */
  directory: RecordDirectory;
  now: () => Date;
  seed: number;
}

/** The Accounts API emulation (v3 accounts, beta remove and identities-accounts). */
export function createAccountsModule(_deps: AccountsModuleDeps): SandboxModule {
  return { routes: [], reset() {} };
}
