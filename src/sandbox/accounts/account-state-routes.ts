import type { AccountsAsyncResult } from '../../upstream/wire/accounts.ts';
import type { RouteDefinition, SandboxResponse } from '../http/types.ts';
import { toggleBody, unlockBody } from './account-bodies.ts';
import { requireAccountRight } from './account-rights.ts';
import { type AccountsContext, accountOr404, submitAccountTask } from './accounts-context.ts';

const BOTH = ['v3', 'beta'] as const;

const accepted = (id: string): SandboxResponse => ({
  status: 202,
  body: { id } satisfies AccountsAsyncResult,
});

/**
 * enable, disable, unlock and reload. Asking for the state an account already has is accepted
 * and ends without change: the spec's `forceProvisioning` exists precisely to re-send such requests.
 */
export function createAccountStateRoutes(context: AccountsContext): RouteDefinition[] {
  return [
    {
      method: 'POST',
      template: '/accounts/:id/enable',
      versions: BOTH,
      handler(req) {
        requireAccountRight(req.caller, 'state');
        const account = accountOr404(context, req.params.id);
        toggleBody(req);
        return accepted(
          submitAccountTask(context, account.id, (a, modified) =>
            a.disabled ? { disabled: false, modified } : {},
          ),
        );
      },
    },
    {
      method: 'POST',
      template: '/accounts/:id/disable',
      versions: BOTH,
      handler(req) {
        requireAccountRight(req.caller, 'state');
        const account = accountOr404(context, req.params.id);
        toggleBody(req);
        return accepted(
          submitAccountTask(context, account.id, (a, modified) =>
            a.disabled ? {} : { disabled: true, modified },
          ),
        );
      },
    },
    {
      method: 'POST',
      template: '/accounts/:id/unlock',
      versions: BOTH,
      handler(req) {
        requireAccountRight(req.caller, 'state');
        const account = accountOr404(context, req.params.id);
        if (unlockBody(req).forceProvisioning) requireAccountRight(req.caller, 'provisioning');
        return accepted(
          submitAccountTask(context, account.id, (a, modified) =>
            a.locked ? { locked: false, modified } : {},
          ),
        );
      },
    },
    {
      method: 'POST',
      template: '/accounts/:id/reload',
      versions: BOTH,
      handler(req) {
        requireAccountRight(req.caller, 'state');
        const account = accountOr404(context, req.params.id);
        return accepted(submitAccountTask(context, account.id, (_, modified) => ({ modified })));
      },
    },
  ];
}
