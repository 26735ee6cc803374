import { forbidden } from '../http/sandbox-error.ts';
import type { Caller } from '../http/types.ts';
import { ALL_SCOPES } from '../seed/identities.ts';

interface OperationSecurity {
  /** Any one of these scopes lets the token call the operation (`sp:scopes:all` covers every one). */
  scopes: readonly string[];
  /** The spec lists only `userAuth`: an API client's token (no user) is refused. */
  userOnly?: true;
}

/**
 * Each operation's `security` as the beta and v3 specs list it (the same in both), keyed
 * `METHOD /path` with `*` for each path parameter.
 */
const SECURITY: Readonly<Record<string, OperationSecurity>> = {
  'GET /accounts': { scopes: ['idn:accounts:read', 'idn:accounts:manage'] },
  'POST /accounts': { scopes: ['idn:accounts:manage'] },
  'GET /accounts/*': { scopes: ['idn:accounts:read', 'idn:accounts:manage'] },
  'PATCH /accounts/*': { scopes: ['idn:accounts:manage'] },
  'PUT /accounts/*': { scopes: ['idn:accounts:manage'] },
  'DELETE /accounts/*': { scopes: ['idn:accounts:manage'] },
  'GET /accounts/*/entitlements': { scopes: ['idn:accounts:read', 'idn:accounts:manage'] },
  'POST /accounts/*/reload': { scopes: ['idn:accounts-state:manage'] },
  'POST /accounts/*/enable': { scopes: ['idn:accounts-state:manage'] },
  'POST /accounts/*/disable': { scopes: ['idn:accounts-state:manage'] },
  'POST /accounts/*/unlock': { scopes: ['idn:accounts-state:manage'] },
  'POST /accounts/*/remove': { scopes: ['idn:accounts:manage'] },
  'POST /identities-accounts/*/enable': { scopes: ['idn:accounts-state:manage'] },
  'POST /identities-accounts/*/disable': { scopes: ['idn:accounts-state:manage'] },
  'POST /identities-accounts/enable': { scopes: ['idn:accounts-state:manage'] },
  'POST /identities-accounts/disable': { scopes: ['idn:accounts-state:manage'] },
  'POST /non-employee-records': { scopes: ['idn:nelm:manage'] },
  'GET /non-employee-records': { scopes: ['idn:nelm:read'] },
  'GET /non-employee-records/*': { scopes: ['idn:nelm:read'] },
  'PUT /non-employee-records/*': { scopes: ['idn:nelm:manage'], userOnly: true },
  'PATCH /non-employee-records/*': { scopes: ['idn:nelm:manage'], userOnly: true },
  'DELETE /non-employee-records/*': { scopes: ['idn:nelm:manage'] },
  'POST /non-employee-records/bulk-delete': { scopes: ['idn:nelm:manage'] },
  'POST /non-employee-requests': { scopes: ['idn:nelm:manage'] },
  'GET /non-employee-requests': { scopes: ['idn:nelm:read'] },
  'GET /non-employee-requests/*': { scopes: ['idn:nelm:read'] },
  'DELETE /non-employee-requests/*': { scopes: ['idn:nelm:manage'] },
  'GET /non-employee-requests/summary/*': { scopes: ['idn:nelm:read'] },
  'POST /non-employee-sources': { scopes: ['idn:nelm:manage'] },
  'GET /non-employee-sources': { scopes: ['idn:nelm:read'] },
  'GET /non-employee-sources/*': { scopes: ['idn:nelm:read'] },
  'PATCH /non-employee-sources/*': { scopes: ['idn:nelm:manage'] },
  'DELETE /non-employee-sources/*': { scopes: ['idn:nelm:manage'] },
  'GET /non-employee-sources/*/non-employees/download': { scopes: ['idn:nelm:read'] },
  'POST /non-employee-sources/*/non-employee-bulk-upload': { scopes: ['idn:nelm:manage'] },
  'GET /non-employee-sources/*/non-employee-bulk-upload/status': { scopes: ['idn:nelm:read'] },
  'GET /non-employee-sources/*/schema-attributes-template/download': { scopes: ['idn:nelm:read'] },
  'GET /non-employee-approvals': { scopes: ['idn:nelm:read'] },
  'GET /non-employee-approvals/*': { scopes: ['idn:nelm:read'], userOnly: true },
  'POST /non-employee-approvals/*/approve': { scopes: ['idn:nelm:manage'], userOnly: true },
  'POST /non-employee-approvals/*/reject': { scopes: ['idn:nelm:manage'], userOnly: true },
  'GET /non-employee-approvals/summary/*': { scopes: ['idn:nelm:read'] },
  'GET /non-employee-sources/*/schema-attributes': { scopes: ['idn:nelm:read'] },
  'POST /non-employee-sources/*/schema-attributes': { scopes: ['idn:nelm:manage'] },
  'DELETE /non-employee-sources/*/schema-attributes': { scopes: ['idn:nelm:manage'] },
  'GET /non-employee-sources/*/schema-attributes/*': { scopes: ['idn:nelm:read'] },
  'PATCH /non-employee-sources/*/schema-attributes/*': { scopes: ['idn:nelm:manage'] },
  'DELETE /non-employee-sources/*/schema-attributes/*': { scopes: ['idn:nelm:manage'] },
};

const keyOf = (method: string, template: string) => `${method} ${template.replace(/:[^/]+/g, '*')}`;

/** 403 as a tenant answers it when the token lacks every scope the operation lists, or needs a user it has not. */
export function checkOperationSecurity(caller: Caller, method: string, template: string): void {
  const security = SECURITY[keyOf(method, template)];
  if (!security) return;
  if (security.userOnly && caller.identityId === undefined) throw forbidden();
  if (caller.scopes.has(ALL_SCOPES)) return;
  if (!security.scopes.some((scope) => caller.scopes.has(scope))) throw forbidden();
}
