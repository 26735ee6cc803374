import { isUpstreamError } from '../../upstream/errors.ts';
import {
  type BaseError,
  MUTATION_ERROR_TYPES,
  NotFoundError,
  toTypedError,
  ValidationError,
} from '../errors.ts';

/** `400.1.404 Referenced object not found`: an id in the body names nothing. */
const REFERENCE_NOT_FOUND = '400.1.404';

/**
 * Errors-plugin options of a mutation: every typed failure, and the payload itself in the
 * `<Name>Result` union (no wrapping `data` object).
 */
export function mutationErrors(name: string) {
  return {
    types: [...MUTATION_ERROR_TYPES],
    directResult: true,
    union: { name: `${name}Result`, description: `The ${name} payload, or why it could not be done.` },
  };
}

/** Where the input fields of a mutation sit (`["input"]`), and which fields it has. */
export interface InputShape {
  root: readonly string[];
  fields: readonly string[];
}

/** Quoted field names in ISC's messages: `Field 'email'`, `'data.badge'`, `'approvers[0]'`. */
const QUOTED = /'([A-Za-z][\w-]*(?:\.[\w.-]+)?(?:\[\d+\])?)'/g;
const DATA_KEY = /\bdata\.([\w.-]+)/g;

/** The input path an upstream validation message names, when it names a field of the input. */
export function findInputPath(messages: readonly string[], shape: InputShape): string[] {
  for (const text of messages) {
    const candidates = [...text.matchAll(QUOTED)].map((match) => match[1]);
    candidates.push(...[...text.matchAll(DATA_KEY)].map((match) => `data.${match[1]}`));
    for (const candidate of candidates) {
      const [head, ...rest] = candidate.replace(/\[(\d+)\]/g, '.$1').split('.');
      if (!shape.fields.includes(head)) continue;
      // `data.x` keys may hold dots of their own: keep everything after `data.` as one key.
      const tail = head === 'data' && rest.length ? [rest.join('.')] : rest;
      return [...shape.root, head, ...tail];
    }
  }
  return [...shape.root];
}

/**
 * The typed result for an upstream failure of a write, or null when it must stay a GraphQL
 * error (unauthenticated, unavailable, unknown).
 */
export function toMutationFailure(error: unknown, shape: InputShape): BaseError | null {
  if (!isUpstreamError(error)) return null;
  if (error.code === 'BAD_USER_INPUT') {
    const detail = (error.detailCode ?? '').trim().split(/\s+/)[0];
    if (detail === REFERENCE_NOT_FOUND) return new NotFoundError(error.message, error.trackingId);
    return new ValidationError(error.message, findInputPath(error.messages, shape), error.trackingId);
  }
  return toTypedError(error);
}

/** Runs one upstream write; its expected failures become typed results, the rest stay errors. */
export async function runWrite<T>(shape: InputShape, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toMutationFailure(error, shape) ?? error;
  }
}
