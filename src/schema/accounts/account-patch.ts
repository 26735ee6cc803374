import type { JsonPatchOperation } from '../../upstream/wire/common.ts';
import { builder } from '../builder.ts';
import { ValidationError } from '../errors/error-classes.ts';
import { identityId } from '../input-checks.ts';

/** The spec states no maximum; the gateway keeps one call's body bounded. */
const MAX_PATCH_OPERATIONS = 100;

type PatchOp = JsonPatchOperation['op'];

const AccountPatchOpEnum = builder.enumType('AccountPatchOp', {
  description: 'A JSON Patch (RFC 6902) operation.',
  values: {
    ADD: { value: 'add', description: 'Add `value` at `path`.' },
    REMOVE: { value: 'remove', description: 'Remove what is at `path`.' },
    REPLACE: { value: 'replace', description: 'Replace what is at `path` with `value`.' },
    MOVE: { value: 'move', description: 'Move what is at `from` to `path`.' },
    COPY: { value: 'copy', description: 'Copy what is at `from` to `path`.' },
    TEST: { value: 'test', description: 'Fail the whole patch unless `path` holds `value`.' },
  } as const satisfies Record<string, { value: PatchOp; description: string }>,
});

export const AccountPatchOperationInput = builder.inputType('AccountPatchOperationInput', {
  description:
    'One JSON Patch operation on the account, e.g. `{ op: REPLACE, path: "/attributes/title", value: "x" }`.',
  fields: (t) => ({
    op: t.field({ description: 'What the operation does.', type: AccountPatchOpEnum, required: true }),
    path: t.string({
      required: true,
      description: 'A JSON Pointer: `/identityId`, `/attributes/<name>`, ...',
    }),
    from: t.string({ description: 'The source pointer of `move` and `copy`.' }),
    value: t.field({ type: 'JSON', description: 'The value of `add`, `replace` and `test`.' }),
  }),
});

export interface AccountPatchInput {
  identityId?: string | null;
  manuallyCorrelated?: boolean | null;
  attributes?: unknown;
  patch?: readonly { op: PatchOp; path: string; from?: string | null; value?: unknown }[] | null;
}

const POINTER = /^(\/([^~]|~[01])*)+$/;

const escapeKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON Patch an update input says: the typed fields first, then the operations given as is. */
export function toAccountPatch(input: AccountPatchInput): JsonPatchOperation[] {
  const patch: JsonPatchOperation[] = [];
  if (input.identityId === null) patch.push({ op: 'remove', path: '/identityId' });
  else if (input.identityId !== undefined) {
    patch.push({
      op: 'replace',
      path: '/identityId',
      value: identityId(input.identityId, ['input', 'identityId']),
    });
  }
  if (input.manuallyCorrelated != null) {
    patch.push({ op: 'replace', path: '/manuallyCorrelated', value: input.manuallyCorrelated });
  }
  if (input.attributes != null) {
    if (typeof input.attributes !== 'object' || Array.isArray(input.attributes)) {
      throw new ValidationError('"input.attributes" must be an object of attribute values.', [
        'input',
        'attributes',
      ]);
    }
    for (const [key, value] of Object.entries(input.attributes)) {
      const path = `/attributes/${escapeKey(key)}`;
      patch.push(value === null ? { op: 'remove', path } : { op: 'add', path, value });
    }
  }
  for (const [index, operation] of (input.patch ?? []).entries()) {
    const at = ['input', 'patch', String(index)];
    if (!POINTER.test(operation.path)) {
      throw new ValidationError(`"${operation.path}" is not a JSON Pointer (it starts with "/").`, [
        ...at,
        'path',
      ]);
    }
    if (operation.op === 'move' || operation.op === 'copy') {
      if (operation.from == null || !POINTER.test(operation.from)) {
        throw new ValidationError(`"${operation.op}" needs a "from" JSON Pointer.`, [...at, 'from']);
      }
      patch.push({ op: operation.op, path: operation.path, from: operation.from });
    } else if (operation.op === 'remove') {
      patch.push({ op: 'remove', path: operation.path });
    } else {
      if (operation.value === undefined) {
        throw new ValidationError(`"${operation.op}" needs a "value".`, [...at, 'value']);
      }
      patch.push({ op: operation.op, path: operation.path, value: operation.value });
    }
  }
  if (patch.length > MAX_PATCH_OPERATIONS) {
    throw new ValidationError(`Give at most ${MAX_PATCH_OPERATIONS} changes per update.`, ['input']);
  }
  return patch;
}
