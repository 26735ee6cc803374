import { notFound } from '../http/sandbox-error.ts';
import type { RouteDefinition } from '../http/types.ts';
import { identityIdsBody } from './account-bodies.ts';
import { requireAccountRight } from './account-rights.ts';
import { accepted, LATER_ACCOUNT_VERSIONS } from './account-task-route.ts';
import type { AccountsContext } from './accounts-context.ts';

/** One entry of the 207 answer; the spec's example sends `message: null` for an accepted identity. */
interface BulkEntry {
  id: string;
  statusCode: number;
  message: string | null;
}

const unknownIdentity = (id: string) => `Referenced identity "${id}" was not found.`;

/** Accepts a task that enables or disables every account the identity has when it runs. */
function submitIdentityTask(context: AccountsContext, identityId: string, disabled: boolean): string {
  return context.tasks.submit(() => {
    const modified = context.now().toISOString();
    for (const account of context.store.byIdentity(identityId)) {
      if (account.disabled !== disabled) context.store.change(account, { disabled, modified });
    }
  });
}

/** The beta identity-level enable/disable, for one identity (202) and for many (207). */
export function createIdentityAccountRoutes(context: AccountsContext): RouteDefinition[] {
  const single = (action: 'enable' | 'disable'): RouteDefinition => ({
    method: 'POST',
    template: `/identities-accounts/:id/${action}`,
    versions: LATER_ACCOUNT_VERSIONS,
    handler(req) {
      requireAccountRight(req.caller, 'state');
      const identityId = req.params.id;
      if (!context.store.identityExists(identityId)) throw notFound(`Referenced identity "${identityId}"`);
      const id = submitIdentityTask(context, identityId, action === 'disable');
      return accepted(id);
    },
  });

  const bulk = (action: 'enable' | 'disable'): RouteDefinition => ({
    method: 'POST',
    template: `/identities-accounts/${action}`,
    versions: LATER_ACCOUNT_VERSIONS,
    handler(req) {
      requireAccountRight(req.caller, 'state');
      const identityIds = [...new Set(identityIdsBody(req))];
      const body = identityIds.map((identityId): BulkEntry => {
        if (!context.store.identityExists(identityId)) {
          return { id: identityId, statusCode: 404, message: unknownIdentity(identityId) };
        }
        submitIdentityTask(context, identityId, action === 'disable');
        return { id: identityId, statusCode: 202, message: null };
      });
      return { status: 207, body };
    },
  });

  return [single('enable'), single('disable'), bulk('enable'), bulk('disable')];
}
