import type { AccountsAsyncResult, TaskResultDto } from '../../upstream/wire/accounts.ts';
import { jsonPatchBody } from '../http/body.ts';
import { badContent, referenceNotFound } from '../http/sandbox-error.ts';
import type { RouteDefinition, SandboxResponse } from '../http/types.ts';
import { attributesBody, createBody } from './account-bodies.ts';
import { md5Hex } from './account-ids.ts';
import { accountPatchChanges } from './account-patch.ts';
import { requireAccountRight } from './account-rights.ts';
import { type AccountsContext, accountOr404, submitAccountTask } from './accounts-context.ts';

const BOTH = ['v3', 'beta'] as const;

const accepted = (id: string): SandboxResponse => ({
  status: 202,
  body: { id } satisfies AccountsAsyncResult,
});

/** The identity attribute of a non-employee source's account schema. */
export const IDENTITY_ATTRIBUTE = 'accountName';

/**
 * Creates the account, or, when the source already has one under that name, updates its
 * attributes (the spec: naming an existing account makes create act as an update).
 */
function applyCreate(
  context: AccountsContext,
  sourceId: string,
  attributes: Record<string, string>,
  now: string,
) {
  const nativeIdentity = attributes[IDENTITY_ATTRIBUTE];
  const [existing] = context.store.byNativeIdentity(sourceId, nativeIdentity);
  if (existing) {
    context.store.change(existing, { attributes: { ...existing.attributes, ...attributes }, modified: now });
    return;
  }
  if (context.store.restore(sourceId, nativeIdentity, attributes, now)) return;
  const displayName =
    attributes.displayName ??
    ([attributes.firstname, attributes.lastname].filter(Boolean).join(' ') || nativeIdentity);
  context.store.addCreated({
    id: md5Hex(`created-account:${context.seed}:${sourceId}:${nativeIdentity}`),
    sourceId,
    nativeIdentity,
    identityId: md5Hex(`created-identity:${context.seed}:${sourceId}:${nativeIdentity}`),
    identityName: displayName,
    attributes,
    created: now,
  });
}

/** createAccount, putAccount, updateAccount (JSON Patch), deleteAccount and the beta remove. */
export function createAccountWriteRoutes(context: AccountsContext): RouteDefinition[] {
  return [
    {
      method: 'POST',
      template: '/accounts',
      versions: BOTH,
      handler(req) {
        requireAccountRight(req.caller, 'manage');
        const { sourceId, attributes } = createBody(req);
        if (!context.directory.sourceByIscId(sourceId)) {
          throw referenceNotFound(`Referenced source '${sourceId}' was not found.`);
        }
        if (!attributes[IDENTITY_ATTRIBUTE]) {
          throw badContent(
            `'attributes.${IDENTITY_ATTRIBUTE}' is required: it is the identity attribute of the source's accounts.`,
          );
        }
        const id = context.tasks.submit(() =>
          applyCreate(context, sourceId, attributes, context.now().toISOString()),
        );
        return accepted(id);
      },
    },
    {
      method: 'PUT',
      template: '/accounts/:id',
      versions: BOTH,
      handler(req) {
        requireAccountRight(req.caller, 'manage');
        const account = accountOr404(context, req.params.id);
        const attributes = structuredClone(attributesBody(req));
        return accepted(submitAccountTask(context, account.id, (_, modified) => ({ attributes, modified })));
      },
    },
    {
      method: 'PATCH',
      template: '/accounts/:id',
      versions: BOTH,
      handler(req) {
        requireAccountRight(req.caller, 'manage');
        const account = accountOr404(context, req.params.id);
        const changes = accountPatchChanges(account, jsonPatchBody(req));
        return accepted(submitAccountTask(context, account.id, (_, modified) => ({ ...changes, modified })));
      },
    },
    {
      method: 'DELETE',
      template: '/accounts/:id',
      versions: BOTH,
      handler(req) {
        requireAccountRight(req.caller, 'manage');
        const account = accountOr404(context, req.params.id);
        return accepted(submitAccountTask(context, account.id, () => ({ removed: true })));
      },
    },
    {
      method: 'POST',
      template: '/accounts/:id/remove',
      versions: ['beta'],
      handler(req) {
        requireAccountRight(req.caller, 'manage');
        const account = accountOr404(context, req.params.id);
        const id = submitAccountTask(context, account.id, () => ({ removed: true }));
        return { status: 202, body: { type: 'TASK_RESULT', id, name: null } satisfies TaskResultDto };
      },
    },
  ];
}
