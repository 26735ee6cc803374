import type { JsonPatchOperation } from '../../upstream/wire/common.ts';
import { badContent, SandboxError } from './sandbox-error.ts';
import type { SandboxRequest } from './types.ts';

const PATCH_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

export const unsupportedMediaType = (contentType: string | undefined, expected: string) =>
  new SandboxError(
    415,
    '415 Unsupported Media Type',
    `Content type '${contentType || 'none'}' is not supported; expected '${expected}'.`,
  );

/** The media type without parameters, lower-cased: `application/json;charset=utf-8` → `application/json`. */
export function mediaType(req: Pick<SandboxRequest, 'headers'>): string | undefined {
  const header = req.headers['content-type'];
  return header ? header.split(';')[0].trim().toLowerCase() : undefined;
}

function parseJsonText(req: SandboxRequest): unknown {
  if (req.body.length === 0) throw badContent('Required request body is missing.');
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch (error) {
    throw badContent(`Malformed JSON body: ${(error as Error).message}`);
  }
}

/** A JSON body (`application/json`); 415 for another content type, 400 when missing or malformed. */
export function jsonBody(req: SandboxRequest): unknown {
  const type = mediaType(req);
  if (type !== 'application/json' && !(type?.startsWith('application/') && type.endsWith('+json'))) {
    if (type !== undefined || req.body.length > 0) throw unsupportedMediaType(type, 'application/json');
  }
  return parseJsonText(req);
}

/** A JSON object body; arrays and scalars are a 400. */
export function jsonObjectBody(req: SandboxRequest): Record<string, unknown> {
  const body = jsonBody(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badContent('The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** An RFC 6902 document, which a tenant only takes as `application/json-patch+json`. */
export function jsonPatchBody(req: SandboxRequest): JsonPatchOperation[] {
  const type = mediaType(req);
  if (type !== 'application/json-patch+json') throw unsupportedMediaType(type, 'application/json-patch+json');
  const body = parseJsonText(req);
  if (!Array.isArray(body)) throw badContent('A JSON Patch document must be an array of operations.');
  body.forEach((op, index) => {
    if (typeof op !== 'object' || op === null || Array.isArray(op)) {
      throw badContent(`JSON Patch operation ${index} must be an object.`);
    }
    const { op: name, path, from } = op as Record<string, unknown>;
    if (typeof name !== 'string' || !PATCH_OPS.has(name)) {
      throw badContent(`JSON Patch operation ${index} has an unknown op '${String(name)}'.`);
    }
    if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
      throw badContent(`JSON Patch operation ${index} needs a JSON Pointer 'path'.`);
    }
    if ((name === 'move' || name === 'copy') && typeof from !== 'string') {
      throw badContent(`JSON Patch operation ${index} (${name}) needs 'from'.`);
    }
    if ((name === 'add' || name === 'replace' || name === 'test') && !('value' in op)) {
      throw badContent(`JSON Patch operation ${index} (${name}) needs 'value'.`);
    }
  });
  return body as JsonPatchOperation[];
}

/** Fields of a urlencoded or multipart form (parsed by undici's Response, as a browser would). */
export async function formBody(req: Pick<SandboxRequest, 'headers' | 'body'>): Promise<FormData> {
  const contentType = req.headers['content-type'] ?? '';
  try {
    return await new Response(new Uint8Array(req.body), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch (error) {
    throw badContent(`Malformed form body: ${(error as Error).message}`);
  }
}

export const isFormType = (type: string | undefined): boolean =>
  type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
