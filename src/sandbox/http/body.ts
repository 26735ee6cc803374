import type { JsonPatchOperation } from '../../upstream/wire/common.ts';
import { badRequest, SandboxError } from './sandbox-error.ts';
import type { SandboxRequest } from './types.ts';

const BAD_CONTENT = '400.1 Bad Request Content';
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
  if (req.body.length === 0) throw badRequest('Required request body is missing.', BAD_CONTENT);
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch (error) {
    throw badRequest(`Malformed JSON body: ${(error as Error).message}`, BAD_CONTENT);
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
    throw badRequest('The request body must be a JSON object.', BAD_CONTENT);
  }
  return body as Record<string, unknown>;
}

/** An RFC 6902 document, which a tenant only takes as `application/json-patch+json`. */
export function jsonPatchBody(req: SandboxRequest): JsonPatchOperation[] {
  const type = mediaType(req);
  if (type !== 'application/json-patch+json') throw unsupportedMediaType(type, 'application/json-patch+json');
  const body = parseJsonText(req);
  if (!Array.isArray(body))
    throw badRequest('A JSON Patch document must be an array of operations.', BAD_CONTENT);
  body.forEach((op, index) => {
    if (typeof op !== 'object' || op === null || Array.isArray(op)) {
      throw badRequest(`JSON Patch operation ${index} must be an object.`, BAD_CONTENT);
    }
    const { op: name, path, from } = op as Record<string, unknown>;
    if (typeof name !== 'string' || !PATCH_OPS.has(name)) {
      throw badRequest(`JSON Patch operation ${index} has an unknown op '${String(name)}'.`, BAD_CONTENT);
    }
    if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
      throw badRequest(`JSON Patch operation ${index} needs a JSON Pointer 'path'.`, BAD_CONTENT);
    }
    if ((name === 'move' || name === 'copy') && typeof from !== 'string') {
      throw badRequest(`JSON Patch operation ${index} (${name}) needs 'from'.`, BAD_CONTENT);
    }
    if ((name === 'add' || name === 'replace' || name === 'test') && !('value' in op)) {
      throw badRequest(`JSON Patch operation ${index} (${name}) needs 'value'.`, BAD_CONTENT);
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
    throw badRequest(`Malformed form body: ${(error as Error).message}`, BAD_CONTENT);
  }
}

export const isFormType = (type: string | undefined): boolean =>
  type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
