import { forbidden } from '../http/sandbox-error.ts';
import type { Caller } from '../http/types.ts';
import type { SourceRow } from '../store/nelm-rows.ts';

export type NesrRight = 'read' | 'create' | 'update' | 'delete';

export const hasRight = (caller: Caller, right: NesrRight) => caller.rights.has(`idn:nesr:${right}`);

export function requireRight(caller: Caller, right: NesrRight): void {
  if (!hasRight(caller, right)) throw forbidden();
}

export const isOwner = (source: SourceRow, identityId: string) => source.ownerId === identityId;
export const isAccountManager = (source: SourceRow, identityId: string) =>
  source.accountManagerIds.includes(identityId);
export const isApprover = (source: SourceRow, identityId: string) => source.approverIds.includes(identityId);

/** Owner or account manager: who a source's records and requests belong to. */
export const manages = (source: SourceRow, identityId: string) =>
  isOwner(source, identityId) || isAccountManager(source, identityId);

/** Anyone with a role on the source. */
export const isInvolved = (source: SourceRow, identityId: string) =>
  manages(source, identityId) || isApprover(source, identityId);

/**
 * The identity a `requested-for` value names: `me` is the caller. Without `idn:nesr:read` a
 * caller may only ask for themself (absent means themself too).
 */
export function resolveRequestedFor(caller: Caller, value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  const id = !trimmed ? undefined : trimmed === 'me' ? caller.identityId : trimmed;
  if (hasRight(caller, 'read')) return id;
  if (id !== undefined && id !== caller.identityId) throw forbidden();
  return caller.identityId;
}
