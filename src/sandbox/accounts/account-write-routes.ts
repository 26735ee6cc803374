import type { TaskResultDto } from '../../upstream/wire/accounts.ts';
import { jsonPatchBody } from '../http/body.ts';
import { badContent, referenceNotFound } from '../http/sandbox-error.ts';
import type { RouteDefinition } from '../http/types.ts';
import { attributesBody, createBody } from './account-bodies.ts';
import { md5Hex } from './account-ids.ts';
import { accountPatchChanges } from './account-patch.ts';
import { requireAccountRight } from './account-rights.ts';
import {
  ACCOUNT_VERSIONS,
  accepted,
  createAccountTaskRoute,
  LATER_ACCOUNT_VERSIONS,
} from './account-task-route.ts';
import type { AccountsContext } from './accounts-context.ts';

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
      versions: ACCOUNT_VERSIONS,
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
    createAccountTaskRoute(context, {
      method: 'PUT',
      template: '/accounts/:id',
      right: 'manage',
      plan: (req) => {
        const attributes = structuredClone(attributesBody(req));
        return (_, modified) => ({ attributes, modified });
      },
    }),
    createAccountTaskRoute(context, {
      method: 'PATCH',
      template: '/accounts/:id',
      right: 'manage',
      plan: (req, account) => {
        const changes = accountPatchChanges(account, jsonPatchBody(req));
        return (_, modified) => ({ ...changes, modified });
      },
    }),
    createAccountTaskRoute(context, {
      method: 'DELETE',
      template: '/accounts/:id',
      right: 'manage',
      plan: () => () => ({ removed: true }),
    }),
    createAccountTaskRoute(context, {
      method: 'POST',
      template: '/accounts/:id/remove',
      versions: LATER_ACCOUNT_VERSIONS,
      right: 'manage',
      plan: () => () => ({ removed: true }),
      answer: (id) => ({
        status: 202,
        body: { type: 'TASK_RESULT', id, name: null } satisfies TaskResultDto,
      }),
    }),
  ];
}
