import jsonPatch from 'fast-json-patch';
import type { JsonPatchOperation } from '../../upstream/wire/common.ts';
import { badContent } from '../http/sandbox-error.ts';

const topField = (pointer: string) => jsonPatch.unescapePathComponent(pointer.split('/')[1] ?? '');

/**
 * Applies an RFC 6902 patch to a copy of `document`, refusing any operation that touches a
 * field outside `patchable` (by its top-level name). Failed operations are a 400.
 */
export function applyJsonPatch<T extends object>(
  document: T,
  operations: readonly JsonPatchOperation[],
  patchable: readonly string[],
): T {
  operations.forEach((op, index) => {
    for (const pointer of op.op === 'move' || op.op === 'copy' ? [op.path, op.from ?? ''] : [op.path]) {
      const field = topField(pointer);
      if (op.op !== 'test' && op.op !== 'copy' && !patchable.includes(field)) {
        throw badContent(
          `Operation ${index} (${op.op} ${op.path}): '${field || pointer}' is not patchable; patchable: ${patchable.join(', ')}.`,
        );
      }
    }
    if (op.op === 'copy' && !patchable.includes(topField(op.path))) {
      throw badContent(`Operation ${index} (copy ${op.path}): '${topField(op.path)}' is not patchable.`);
    }
  });
  try {
    const copy = jsonPatch.deepClone(document) as T;
    return jsonPatch.applyPatch(copy, operations as jsonPatch.Operation[], true, true).newDocument;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw badContent(`The JSON Patch could not be applied: ${message}`);
  }
}
