import { SOURCE_SORTERS } from '../../upstream/wire/collections.ts';
import { MAX_ACCOUNT_MANAGERS, MAX_APPROVERS, MAX_SOURCES } from '../../upstream/wire/nelm-limits.ts';
import { booleanParam, listItems, parseListParams } from '../collections/index.ts';
import { jsonObjectBody, jsonPatchBody } from '../http/body.ts';
import { badContent, forbidden, limitViolation, notFound, referenceConflict } from '../http/sandbox-error.ts';
import type { RouteDefinition, SandboxRequest } from '../http/types.ts';
import type { SourceRow } from '../store/nelm-rows.ts';
import type { SourceState } from '../store/nelm-store.ts';
import { systemAttributeRows } from '../store/system-attributes.ts';
import { hasRight, manages, requireRight, resolveRequestedFor } from './access.ts';
import { identityId, identityIdList } from './identity-refs.ts';
import { applyJsonPatch } from './json-patch.ts';
import { NELM_VERSIONS, type NelmContext } from './nelm-context.ts';
import { identityRef, sourceView } from './views.ts';

/** The source a path names, if the caller may see it: 404 when missing, 403 when not theirs. */
export function visibleSource(ctx: NelmContext, req: SandboxRequest, id: string): SourceState {
  const state = ctx.store.source(id);
  if (!state) throw notFound(`Non-employee source '${id}'`);
  // The spec: `idn:nesr:read`, or an account manager asking for a source of theirs.
  if (!hasRight(req.caller, 'read') && !manages(state.row, req.caller.identityId)) throw forbidden();
  return state;
}

function nameIsTaken(ctx: NelmContext, name: string, except?: string): boolean {
  const wanted = name.trim().toLowerCase();
  for (const { row } of ctx.store.sources.values()) {
    if (row.id !== except && row.name.trim().toLowerCase() === wanted) return true;
  }
  return false;
}

function checkName(ctx: NelmContext, name: unknown, except?: string): string {
  if (typeof name !== 'string' || !name.trim()) throw badContent(`Field 'name' must be a non-empty string.`);
  if (nameIsTaken(ctx, name, except))
    throw referenceConflict(`A non-employee source named '${name}' already exists.`);
  return name.trim();
}

export function createSourceRoutes(ctx: NelmContext): RouteDefinition[] {
  const base = '/non-employee-sources';
  const sortGet = (row: SourceRow, field: string) =>
    field === 'name' ? row.name : field === 'created' ? row.created : row.iscSourceId;

  return [
    {
      method: 'GET',
      template: base,
      versions: NELM_VERSIONS,
      handler(req) {
        const params = parseListParams(req.query, { sortable: SOURCE_SORTERS });
        const withCount = booleanParam(req.query, 'non-employee-count');
        const forId = resolveRequestedFor(req.caller, req.query.get('requested-for'));
        let rows = [...ctx.store.sources.values()].map((s) => s.row);
        if (forId !== undefined) rows = rows.filter((row) => manages(row, forId));
        // Without `idn:nesr:read` the list is the caller's as account manager: someone who manages
        // nothing has no use of the endpoint (v3 lists it for ORG_ADMIN), so 403 rather than `[]`.
        if (!hasRight(req.caller, 'read') && rows.length === 0) throw forbidden();
        return listItems(rows, params, sortGet, (row) => ({
          ...sourceView(row),
          nonEmployeeCount: withCount ? ctx.store.source(row.id)!.records.size : null,
        }));
      },
    },
    {
      method: 'POST',
      template: base,
      versions: NELM_VERSIONS,
      handler(req) {
        requireRight(req.caller, 'create');
        const body = jsonObjectBody(req);
        const missing = ['name', 'description', 'owner'].filter(
          (f) => body[f] === undefined || body[f] === null,
        );
        if (missing.length) throw badContent(`Required fields are missing: ${missing.join(', ')}.`);
        const name = checkName(ctx, body.name);
        if (typeof body.description !== 'string') throw badContent(`Field 'description' must be a string.`);
        const ownerId = identityId(body.owner, 'owner', ctx.identities);
        const approverIds = identityIdList(
          body.approvers,
          'approvers',
          MAX_APPROVERS,
          ctx.identities,
          limitViolation,
        );
        const accountManagerIds = identityIdList(
          body.accountManagers,
          'accountManagers',
          MAX_ACCOUNT_MANAGERS,
          ctx.identities,
          limitViolation,
        );
        if (body.managementWorkgroup !== undefined && typeof body.managementWorkgroup !== 'string') {
          throw badContent(`Field 'managementWorkgroup' must be a string.`);
        }
        if (ctx.store.sources.size >= MAX_SOURCES) {
          throw limitViolation(`An org can have at most ${MAX_SOURCES} non-employee sources.`);
        }
        const at = ctx.now();
        const row: SourceRow = {
          id: ctx.newId(),
          iscSourceId: ctx.newIscId(),
          cloudExternalId: String(100_000 + Math.floor(Math.random() * 900_000)),
          name,
          description: body.description,
          ownerId,
          managementWorkgroup: body.managementWorkgroup as string | undefined,
          approverIds,
          accountManagerIds,
          attributes: systemAttributeRows(ctx.newId, at),
          created: at,
          modified: at,
        };
        ctx.store.addSource(row);
        return { status: 200, body: { ...sourceView(row), cloudExternalId: row.cloudExternalId } };
      },
    },
    {
      method: 'GET',
      template: `${base}/:sourceId`,
      versions: NELM_VERSIONS,
      handler: (req) => ({ status: 200, body: sourceView(visibleSource(ctx, req, req.params.sourceId).row) }),
    },
    {
      method: 'PATCH',
      template: `${base}/:sourceId`,
      versions: NELM_VERSIONS,
      handler(req) {
        requireRight(req.caller, 'update');
        const operations = jsonPatchBody(req);
        const state = ctx.store.source(req.params.sourceId);
        if (!state) throw notFound(`Non-employee source '${req.params.sourceId}'`);
        const current = state.row;
        const patched = applyJsonPatch(
          {
            name: current.name,
            description: current.description,
            approvers: current.approverIds.map(identityRef),
            accountManagers: current.accountManagerIds.map(identityRef),
          },
          operations,
          ['name', 'description', 'approvers', 'accountManagers'],
        );
        const name = checkName(ctx, patched.name, current.id);
        if (typeof patched.description !== 'string')
          throw badContent(`Field 'description' must be a string.`);
        const approverIds = identityIdList(
          patched.approvers,
          'approvers',
          MAX_APPROVERS,
          ctx.identities,
          limitViolation,
        );
        const accountManagerIds = identityIdList(
          patched.accountManagers,
          'accountManagers',
          MAX_ACCOUNT_MANAGERS,
          ctx.identities,
          limitViolation,
        );
        state.row = {
          ...current,
          name,
          description: patched.description,
          approverIds,
          accountManagerIds,
          modified: ctx.now(),
        };
        return { status: 200, body: sourceView(state.row) };
      },
    },
    {
      method: 'DELETE',
      template: `${base}/:sourceId`,
      versions: NELM_VERSIONS,
      handler(req) {
        requireRight(req.caller, 'delete');
        if (!ctx.store.removeSource(req.params.sourceId))
          throw notFound(`Non-employee source '${req.params.sourceId}'`);
        return { status: 204 };
      },
    },
  ];
}
