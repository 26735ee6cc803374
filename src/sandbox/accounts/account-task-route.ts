import type { AccountsAsyncResult } from '../../upstream/wire/accounts.ts';
import type {
  ApiVersion,
  HttpMethod,
  RouteDefinition,
  SandboxRequest,
  SandboxResponse,
} from '../http/types.ts';
import { type AccountRight, requireAccountRight } from './account-rights.ts';
import type { AccountChanges, AccountState } from './account-state.ts';
import { type AccountsContext, accountOr404, submitAccountTask } from './accounts-context.ts';

/** The accounts API answers under every version; v2024 and v2025 take v3's shapes. */
export const ACCOUNT_VERSIONS: readonly ApiVersion[] = ['v3', 'beta', 'v2024', 'v2025'];

/** Remove and the identities-accounts toggles: beta, and generally available from v2025. */
export const LATER_ACCOUNT_VERSIONS: readonly ApiVersion[] = ['beta', 'v2025'];

/** `202 { id }`: the task was accepted. */
export const accepted = (id: string): SandboxResponse => ({
  status: 202,
  body: { id } satisfies AccountsAsyncResult,
});

/** The change a task makes, computed when it runs against the account as it stands then. */
export type AccountTaskChange = (account: AccountState, now: string) => AccountChanges;

export interface AccountTaskRouteSpec {
  method: HttpMethod;
  template: string;
  /** @default ACCOUNT_VERSIONS */
  versions?: readonly ApiVersion[];
  right: AccountRight;
  /** Checks the request (a 400 now, not a failed task later) and says what the task will change. */
  plan: (req: SandboxRequest, account: AccountState) => AccountTaskChange;
  /** @default accepted */
  answer?: (taskId: string) => SandboxResponse;
}

/** A write on the account the path names: the right (403), the account (404), the body, then a task. */
export function createAccountTaskRoute(
  context: AccountsContext,
  spec: AccountTaskRouteSpec,
): RouteDefinition {
  return {
    method: spec.method,
    template: spec.template,
    versions: spec.versions ?? ACCOUNT_VERSIONS,
    handler(req) {
      requireAccountRight(req.caller, spec.right);
      const account = accountOr404(context, req.params.id);
      const change = spec.plan(req, account);
      return (spec.answer ?? accepted)(submitAccountTask(context, account.id, change));
    },
  };
}
