import jsonPatch from 'fast-json-patch';
import type { JsonPatchOperation } from '../../upstream/wire/common.ts';
import { badContent } from '../http/sandbox-error.ts';
import type { AccountChanges, AccountState } from './account-state.ts';

/** What updateAccount may change: the correlation, and a flat-file account's attributes. */
const PATCHABLE = /^\/(identityId|manuallyCorrelated|attributes(\/.*)?)$/;

interface PatchableAccount {
  identityId?: string | null;
  manuallyCorrelated?: boolean;
  attributes?: Record<string, unknown> | null;
}

/**
 * The changes a JSON Patch makes to an account, checked now so a bad patch is a 400 rather than
 * a task that fails later. A new `identityId` also sets `manuallyCorrelated`, unless the patch says otherwise.
 */
export function accountPatchChanges(
  account: AccountState,
  operations: readonly JsonPatchOperation[],
): AccountChanges {
  for (const [index, operation] of operations.entries()) {
    for (const pointer of [operation.path, operation.from].filter((p) => p !== undefined)) {
      if (!PATCHABLE.test(pointer)) {
        throw badContent(
          `JSON Patch operation ${index}: '${pointer}' cannot be changed; patchable: identityId, manuallyCorrelated, attributes.`,
        );
      }
    }
  }
  const before: PatchableAccount = {
    ...(account.identityId === null ? {} : { identityId: account.identityId }),
    manuallyCorrelated: account.manuallyCorrelated,
    attributes: structuredClone(account.attributes),
  };
  let after: PatchableAccount;
  try {
    after = jsonPatch.applyPatch(
      before,
      structuredClone(operations) as jsonPatch.Operation[],
      true,
      false,
    ).newDocument;
  } catch (error) {
    throw badContent(`The JSON Patch cannot be applied: ${(error as Error).message.split('\n')[0]}`);
  }
  const identityId = after.identityId ?? null;
  if (identityId !== null && (typeof identityId !== 'string' || identityId === '')) {
    throw badContent(`'identityId' must be an identity id.`);
  }
  if (typeof after.manuallyCorrelated !== 'boolean') {
    throw badContent(`'manuallyCorrelated' must be a boolean.`);
  }
  const attributes = after.attributes ?? {};
  if (typeof attributes !== 'object' || Array.isArray(attributes)) {
    throw badContent(`'attributes' must be an object.`);
  }
  const touchesManual = operations.some((op) => op.path === '/manuallyCorrelated');
  const reassigned = identityId !== null && identityId !== account.identityId;
  return {
    identityId,
    manuallyCorrelated: reassigned && !touchesManual ? true : after.manuallyCorrelated,
    attributes,
  };
}
