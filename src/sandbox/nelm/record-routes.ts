import { NON_EMPLOYEE_PERSON_FIELDS, NON_EMPLOYEE_RECORD_FIELDS } from '../../upstream/wire/nelm.ts';
import { MAX_RECORDS_PER_SOURCE } from '../../upstream/wire/nelm-limits.ts';
import { jsonObjectBody, jsonPatchBody } from '../http/body.ts';
import {
  badContent,
  forbidden,
  limitViolation,
  notFound,
  referenceConflict,
  referenceNotFound,
} from '../http/sandbox-error.ts';
import type { RouteDefinition, SandboxRequest } from '../http/types.ts';
import type { RecordRow } from '../store/nelm-rows.ts';
import type { SourceState } from '../store/nelm-store.ts';
import { hasRight, isOwner, requireRight } from './access.ts';
import { checkData } from './attribute-data.ts';
import { applyJsonPatch } from './json-patch.ts';
import { NELM_VERSIONS, type NelmContext } from './nelm-context.ts';
import { parseRecordInput, type RecordInput } from './record-input.ts';
import { createRecordListing } from './record-listing.ts';
import { iso, recordView } from './views.ts';

type Located = { state: SourceState; row: RecordRow };

/** Checks a validated body against its source: data, a unique account name, the record limit. */
export function checkRecordOnSource(
  ctx: NelmContext,
  input: ReturnType<typeof parseRecordInput>,
  replacing?: RecordRow,
): { state: SourceState; input: RecordInput } {
  const state = ctx.store.source(input.sourceId);
  if (!state) throw referenceNotFound(`Non-employee source '${input.sourceId}' was not found.`);
  const data = checkData(input.data, state.row, ctx.identities);
  const holder = state.records.byAccountName(input.accountName);
  if (holder && holder.id !== replacing?.id) {
    throw referenceConflict(`Account name '${input.accountName}' is already used on source ${state.row.id}.`);
  }
  if (!replacing && state.records.size >= MAX_RECORDS_PER_SOURCE) {
    throw limitViolation(`A source can hold at most ${MAX_RECORDS_PER_SOURCE} non-employee records.`);
  }
  return { state, input: { ...input, data } };
}

export function newRecordRow(ctx: NelmContext, input: RecordInput): RecordRow {
  const at = ctx.now();
  const { sourceId: _sourceId, ...fields } = input;
  return { id: ctx.newId(), ...fields, created: at, modified: at };
}

export function createRecordRoutes(ctx: NelmContext): RouteDefinition[] {
  const base = '/non-employee-records';
  const locate = (id: string): Located => {
    const found = ctx.store.findRecord(id);
    if (!found) throw notFound(`Non-employee record '${id}'`);
    return found;
  };
  /** Who may write a record: `idn:nesr:update` for every field, the source owner for `endDate` only. */
  const writer = (req: SandboxRequest, found: Located): 'admin' | 'owner' => {
    if (hasRight(req.caller, 'update')) return 'admin';
    if (isOwner(found.state.row, req.caller.identityId)) return 'owner';
    throw forbidden();
  };
  const save = (found: Located, input: RecordInput): RecordRow => {
    const { sourceId: _sourceId, ...fields } = input;
    const row: RecordRow = { ...found.row, ...fields, modified: ctx.now() };
    ctx.store.replaceRecord(found.state, row);
    return row;
  };

  return [
    { method: 'GET', template: base, versions: NELM_VERSIONS, handler: createRecordListing(ctx) },
    {
      method: 'POST',
      template: base,
      versions: NELM_VERSIONS,
      handler(req) {
        requireRight(req.caller, 'create');
        const { state, input } = checkRecordOnSource(ctx, parseRecordInput(jsonObjectBody(req)));
        const row = newRecordRow(ctx, input);
        ctx.store.addRecord(state, row);
        return { status: 200, body: recordView(row, state.row) };
      },
    },
    {
      method: 'GET',
      template: `${base}/:id`,
      versions: NELM_VERSIONS,
      handler(req) {
        const found = locate(req.params.id);
        // The spec: "Requires role context of idn:nesr:read" (listing is where managers see theirs).
        requireRight(req.caller, 'read');
        return { status: 200, body: recordView(found.row, found.state.row) };
      },
    },
    {
      method: 'PUT',
      template: `${base}/:id`,
      versions: NELM_VERSIONS,
      handler(req) {
        const body = jsonObjectBody(req);
        const found = locate(req.params.id);
        const role = writer(req, found);
        const parsed = parseRecordInput(body);
        if (parsed.sourceId !== found.state.row.id) {
          throw badContent(
            `A record cannot move to another source ('sourceId' must stay ${found.state.row.id}).`,
          );
        }
        const { input } = checkRecordOnSource(ctx, parsed, found.row);
        if (role === 'owner') {
          const current = recordView(found.row, found.state.row);
          const changed: string[] = NON_EMPLOYEE_PERSON_FIELDS.filter(
            (field) => current[field] !== input[field],
          );
          if (iso(input.startDate) !== current.startDate) changed.push('startDate');
          if (JSON.stringify(input.data) !== JSON.stringify(current.data)) changed.push('data');
          if (changed.length)
            throw forbidden(`A source owner may only update 'endDate'; also changed: ${changed.join(', ')}.`);
        }
        const row = save(found, input);
        return { status: 200, body: recordView(row, found.state.row) };
      },
    },
    {
      method: 'PATCH',
      template: `${base}/:id`,
      versions: NELM_VERSIONS,
      handler(req) {
        const operations = jsonPatchBody(req);
        const found = locate(req.params.id);
        const role = writer(req, found);
        const current = recordView(found.row, found.state.row);
        if (role === 'owner' && operations.some((op) => op.op !== 'test' && op.path !== '/endDate')) {
          throw forbidden(`A source owner may only update 'endDate'.`);
        }
        const patched = applyJsonPatch(current, operations, NON_EMPLOYEE_RECORD_FIELDS);
        const { input } = checkRecordOnSource(
          ctx,
          parseRecordInput({ ...patched, sourceId: found.state.row.id }),
          found.row,
        );
        const row = save(found, input);
        return { status: 200, body: recordView(row, found.state.row) };
      },
    },
    {
      method: 'DELETE',
      template: `${base}/:id`,
      versions: NELM_VERSIONS,
      handler(req) {
        requireRight(req.caller, 'delete');
        const found = locate(req.params.id);
        ctx.store.removeRecord(found.state, found.row.id);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      template: `${base}/bulk-delete`,
      versions: NELM_VERSIONS,
      handler(req) {
        requireRight(req.caller, 'delete');
        const body = jsonObjectBody(req);
        if (!Array.isArray(body.ids) || body.ids.some((id) => typeof id !== 'string')) {
          throw badContent(`Field 'ids' is required and must be an array of record ids.`);
        }
        const ids = [...new Set(body.ids as string[])];
        const found = ids.map((id) => ctx.store.findRecord(id));
        const missing = ids.filter((_, i) => !found[i]);
        if (missing.length) throw referenceNotFound(`Non-employee records not found: ${missing.join(', ')}.`);
        for (const item of found) ctx.store.removeRecord(item!.state, item!.row.id);
        return { status: 204 };
      },
    },
  ];
}
