/**
 * The route template of an upstream path (`/non-employee-records/{id}`), for metric labels,
 * span names and log lines: ids never leave as labels. A path no template matches is `other`.
 */
export const UPSTREAM_ROUTE_TEMPLATES: readonly string[] = [
  '/non-employee-sources',
  '/non-employee-sources/{sourceId}',
  '/non-employee-sources/{sourceId}/non-employees/download',
  '/non-employee-sources/{sourceId}/schema-attributes-template/download',
  '/non-employee-sources/{sourceId}/non-employee-bulk-upload',
  '/non-employee-sources/{sourceId}/non-employee-bulk-upload/status',
  '/non-employee-sources/{sourceId}/schema-attributes',
  '/non-employee-sources/{sourceId}/schema-attributes/{attributeId}',
  '/non-employee-records',
  '/non-employee-records/{id}',
  '/non-employee-records/bulk-delete',
  '/non-employee-requests',
  '/non-employee-requests/{id}',
  '/non-employee-requests/summary/{requestedFor}',
  '/non-employee-approvals',
  '/non-employee-approvals/{id}',
  '/non-employee-approvals/{id}/approve',
  '/non-employee-approvals/{id}/reject',
  '/non-employee-approvals/summary/{requestedFor}',
  '/accounts',
  '/accounts/{id}',
  '/accounts/{id}/entitlements',
  '/accounts/{id}/reload',
  '/accounts/{id}/enable',
  '/accounts/{id}/disable',
  '/accounts/{id}/unlock',
  '/accounts/{id}/remove',
  '/identities-accounts/{identityId}/enable',
  '/identities-accounts/{identityId}/disable',
  '/identities-accounts/enable',
  '/identities-accounts/disable',
];

const split = (path: string) => path.split('/').filter(Boolean);
const TEMPLATES = UPSTREAM_ROUTE_TEMPLATES.map((template) => ({ template, segments: split(template) }));
const isParameter = (segment: string) => segment.startsWith('{');

/** `path` is below the API version, without a query. Literal segments win over parameters. */
export function routeTemplateOf(path: string): string {
  const segments = split(path);
  let best: { template: string; literals: number } | null = null;
  for (const candidate of TEMPLATES) {
    if (candidate.segments.length !== segments.length) continue;
    let literals = 0;
    const fits = candidate.segments.every((segment, i) => {
      if (isParameter(segment)) return true;
      literals += 1;
      return segment === segments[i];
    });
    if (fits && (!best || literals > best.literals)) best = { template: candidate.template, literals };
  }
  return best?.template ?? 'other';
}
