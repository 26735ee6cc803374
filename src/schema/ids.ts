import { createBadUserInputError } from './errors/bad-user-input.ts';
import { isIscId } from './input-bounds.ts';

/** The GraphQL types that are Relay nodes; a global id naming anything else is refused. */
export const NODE_TYPENAMES = new Set([
  'NonEmployeeSource',
  'NonEmployeeSchemaAttribute',
  'NonEmployeeRecord',
  'NonEmployeeRequest',
  'NonEmployeeApproval',
  'Account',
]);

const BASE64 = /^(?:[A-Za-z\d+/]{4})*(?:[A-Za-z\d+/]{2}==|[A-Za-z\d+/]{3}=)?$/;
const TYPENAME = /^[A-Za-z_]\w*$/;

export interface DecodedNodeId {
  typename: string;
  id: string;
}

export function encodeNodeId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

/** Decodes a global id, or returns null when the string is not one of ours. */
export function tryDecodeNodeId(value: string): DecodedNodeId | null {
  if (value.length === 0 || value.length > 1024 || !BASE64.test(value)) return null;
  const text = Buffer.from(value, 'base64').toString('utf8');
  // Round-tripping rejects strings that only happen to be valid base64 (raw ISC ids often are).
  if (Buffer.from(text, 'utf8').toString('base64') !== value) return null;
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const typename = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (!TYPENAME.test(typename) || !NODE_TYPENAMES.has(typename) || id.length === 0) return null;
  return { typename, id };
}

/**
 * For root lookups and `sourceId` arguments: a global id of `typename`, or a raw ISC id.
 * Returns the ISC id.
 */
export function parseIdArgument(value: string, typename: string, argumentName = 'id'): string {
  const decoded = tryDecodeNodeId(value);
  if (decoded) {
    if (decoded.typename !== typename) {
      throw createBadUserInputError(
        `Argument "${argumentName}" expects a ${typename} id, but "${clip(value)}" is a ${decoded.typename} id.`,
      );
    }
    // A global id carries an ISC id (a schema attribute's joins its source's and its own).
    if (decoded.id.split(/[:/]/).every(isIscId)) return decoded.id;
  } else if (isIscId(value)) {
    return value;
  }
  throw createBadUserInputError(
    `Argument "${argumentName}" is not a valid ${typename} id (a global id or an ISC id): "${clip(value)}".`,
  );
}

function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}
