import type { RouteDefinition } from '../http/types.ts';
import { toggleBody, unlockBody } from './account-bodies.ts';
import { requireAccountRight } from './account-rights.ts';
import { type AccountTaskRouteSpec, createAccountTaskRoute } from './account-task-route.ts';
import type { AccountsContext } from './accounts-context.ts';

/**
 * enable, disable, unlock and reload. Asking for the state an account already has is accepted
 * and ends without change: the spec's `forceProvisioning` exists precisely to re-send such requests.
 */
export function createAccountStateRoutes(context: AccountsContext): RouteDefinition[] {
  const route = (action: string, plan: AccountTaskRouteSpec['plan']) =>
    createAccountTaskRoute(context, {
      method: 'POST',
      template: `/accounts/:id/${action}`,
      right: 'state',
      plan,
    });

  return [
    route('enable', (req) => {
      toggleBody(req);
      return (account, modified) => (account.disabled ? { disabled: false, modified } : {});
    }),
    route('disable', (req) => {
      toggleBody(req);
      return (account, modified) => (account.disabled ? {} : { disabled: true, modified });
    }),
    route('unlock', (req) => {
      if (unlockBody(req).forceProvisioning) requireAccountRight(req.caller, 'provisioning');
      return (account, modified) => (account.locked ? { locked: false, modified } : {});
    }),
    route('reload', () => (_, modified) => ({ modified })),
  ];
}
