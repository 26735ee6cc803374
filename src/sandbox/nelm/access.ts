import { badContent, forbidden } from '../http/sandbox-error.ts';
import type { Caller } from '../http/types.ts';
import type { SourceRow } from '../store/nelm-rows.ts';

export type NesrRight = 'read' | 'create' | 'update' | 'delete';

export const hasRight = (caller: Caller, right: NesrRight) => caller.rights.has(`idn:nesr:${right}`);

export function requireRight(caller: Caller, right: NesrRight): void {
  if (!hasRight(caller, right)) throw forbidden();
}

// An API client's caller has no identity, so it holds no role on any source.
type MaybeIdentity = string | undefined;

export const isOwner = (source: SourceRow, identityId: MaybeIdentity) =>
  identityId !== undefined && source.ownerId === identityId;
export const isAccountManager = (source: SourceRow, identityId: MaybeIdentity) =>
  identityId !== undefined && source.accountManagerIds.includes(identityId);
export const isApprover = (source: SourceRow, identityId: MaybeIdentity) =>
  identityId !== undefined && source.approverIds.includes(identityId);

/** Owner or account manager: who a source's records and requests belong to. */
export const manages = (source: SourceRow, identityId: MaybeIdentity) =>
  isOwner(source, identityId) || isAccountManager(source, identityId);

/** Anyone with a role on the source. */
export const isInvolved = (source: SourceRow, identityId: MaybeIdentity) =>
  manages(source, identityId) || isApprover(source, identityId);

/** The text of the 400 an API client gets where a call needs the caller's user. */
export const NO_USER_CONTEXT =
  "The token has no user context (an API client): 'me' and this call need a personal access token.";

/** The caller's identity; a 400 for an API client's token, which has none. */
export function callerIdentity(caller: Caller): string {
  if (caller.identityId === undefined) throw badContent(NO_USER_CONTEXT);
  return caller.identityId;
}

/**
 * The identity a `requested-for` value names: `me` is the caller. Without `idn:nesr:read` a
 * caller may only ask for themself (absent means themself too).
 */
export function resolveRequestedFor(caller: Caller, value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  const id = !trimmed ? undefined : trimmed === 'me' ? callerIdentity(caller) : trimmed;
  if (hasRight(caller, 'read')) return id;
  if (id !== undefined && id !== caller.identityId) throw forbidden();
  return callerIdentity(caller);
}
