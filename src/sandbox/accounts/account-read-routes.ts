import type { AccountDetailLevel } from '../../upstream/wire/accounts.ts';
import { listResponse, pageOf, parseListParams } from '../collections/index.ts';
import { badContent } from '../http/sandbox-error.ts';
import type { RouteDefinition, SandboxRequest } from '../http/types.ts';
import { accountListSpec } from './account-fields.ts';
import { queryAccounts } from './account-query.ts';
import { requireAccountRight } from './account-rights.ts';
import { ACCOUNT_VERSIONS } from './account-task-route.ts';
import { toWireAccount } from './account-view.ts';
import { type AccountsContext, accountOr404 } from './accounts-context.ts';

function detailLevel(req: SandboxRequest): AccountDetailLevel {
  const raw = req.query.get('detailLevel');
  if (raw === null || raw === '') return 'FULL';
  if (raw !== 'SLIM' && raw !== 'FULL') {
    throw badContent(`Query parameter 'detailLevel' must be SLIM or FULL, got '${raw}'.`);
  }
  return raw;
}

/** listAccounts, getAccount and getAccountEntitlements. */
export function createAccountReadRoutes(context: AccountsContext): RouteDefinition[] {
  return [
    {
      method: 'GET',
      template: '/accounts',
      versions: ACCOUNT_VERSIONS,
      async handler(req) {
        requireAccountRight(req.caller, 'read');
        const params = parseListParams(req.query, accountListSpec(req.version));
        const detail = detailLevel(req);
        const page = await queryAccounts(params, context.store, context.directory);
        const body = page.items.map((account) => toWireAccount(account, detail));
        return listResponse(body, page.total ?? 0, params);
      },
    },
    {
      method: 'GET',
      template: '/accounts/:id',
      versions: ACCOUNT_VERSIONS,
      handler(req) {
        requireAccountRight(req.caller, 'read');
        return { status: 200, body: toWireAccount(accountOr404(context, req.params.id)) };
      },
    },
    {
      method: 'GET',
      template: '/accounts/:id/entitlements',
      versions: ACCOUNT_VERSIONS,
      async handler(req) {
        requireAccountRight(req.caller, 'read');
        const params = parseListParams(req.query);
        const account = accountOr404(context, req.params.id);
        return pageOf(context.catalog.pick(account.source, account.entitlementIndexes), params);
      },
    },
  ];
}
