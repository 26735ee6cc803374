import { forbidden } from '../http/sandbox-error.ts';
import type { Caller } from '../http/types.ts';

/** The scopes each kind of accounts operation asks for, as the spec's `security` lists them. */
export const ACCOUNT_RIGHTS = {
  /** list, get, entitlements */
  read: ['idn:accounts:read', 'idn:accounts:manage'],
  /** create, put, patch, delete, remove */
  manage: ['idn:accounts:manage'],
  /** enable, disable, unlock, reload and the identity-level toggles; `accounts:manage` implies it. */
  state: ['idn:accounts-state:manage', 'idn:accounts:manage'],
  /** unlock with `forceProvisioning` */
  provisioning: ['idn:accounts-provisioning:manage', 'idn:accounts:manage'],
} as const satisfies Record<string, readonly string[]>;

export type AccountRight = keyof typeof ACCOUNT_RIGHTS;

/** 403 unless the caller holds one of the scopes the operation accepts. */
export function requireAccountRight(caller: Caller, right: AccountRight): void {
  if (!ACCOUNT_RIGHTS[right].some((scope) => caller.rights.has(scope))) throw forbidden();
}
