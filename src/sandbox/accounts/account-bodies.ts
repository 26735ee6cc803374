import type {
  AccountToggleRequest,
  AccountUnlockRequest,
  IdentitiesAccountsBulkRequest,
} from '../../upstream/wire/accounts.ts';
import { jsonObjectBody } from '../http/body.ts';
import { badContent } from '../http/sandbox-error.ts';
import type { SandboxRequest } from '../http/types.ts';

function optional(body: Record<string, unknown>, field: string, type: 'string' | 'boolean'): void {
  if (body[field] !== undefined && body[field] !== null && typeof body[field] !== type) {
    throw badContent(`'${field}' must be a ${type}.`);
  }
}

/** `AccountToggleRequest` (enable, disable). */
export function toggleBody(req: SandboxRequest): AccountToggleRequest {
  const body = jsonObjectBody(req);
  optional(body, 'externalVerificationId', 'string');
  optional(body, 'forceProvisioning', 'boolean');
  return body as AccountToggleRequest;
}

/** `AccountUnlockRequest`. */
export function unlockBody(req: SandboxRequest): AccountUnlockRequest {
  const body = jsonObjectBody(req);
  optional(body, 'externalVerificationId', 'string');
  optional(body, 'unlockIDNAccount', 'boolean');
  optional(body, 'forceProvisioning', 'boolean');
  return body as AccountUnlockRequest;
}

/** The `attributes` object of a create or put body. */
export function attributesBody(req: SandboxRequest): Record<string, unknown> {
  const { attributes } = jsonObjectBody(req);
  if (attributes === undefined || attributes === null) throw badContent(`'attributes' is required.`);
  if (typeof attributes !== 'object' || Array.isArray(attributes))
    throw badContent(`'attributes' must be an object.`);
  return attributes as Record<string, unknown>;
}

/** `AccountAttributesCreate`: `attributes.sourceId` is required and every value is a string. */
export function createBody(req: SandboxRequest): { sourceId: string; attributes: Record<string, string> } {
  const { sourceId, ...attributes } = attributesBody(req);
  if (typeof sourceId !== 'string' || sourceId === '') throw badContent(`'attributes.sourceId' is required.`);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') throw badContent(`'attributes.${name}' must be a string.`);
  }
  return { sourceId, attributes: attributes as Record<string, string> };
}

/** `IdentitiesAccountsBulkRequest`: a list of identity ids. */
export function identityIdsBody(req: SandboxRequest): string[] {
  const { identityIds } = jsonObjectBody(req) as IdentitiesAccountsBulkRequest;
  if (!Array.isArray(identityIds) || identityIds.length === 0) {
    throw badContent(`'identityIds' must be a non-empty array of identity ids.`);
  }
  if (!identityIds.every((id) => typeof id === 'string' && id !== '')) {
    throw badContent(`'identityIds' must hold identity ids (strings).`);
  }
  return identityIds;
}
