import { createHash } from 'node:crypto';
import { stableKey } from '../../loaders/call-cache.ts';
import { createBadUserInputError } from '../errors/bad-user-input.ts';

/**
 * Connection cursors: base64url of `{"o": offset, "l": list fingerprint}`. The fingerprint is a
 * hash of what defines the list (endpoint, filters, order, requestedFor, parent), so a cursor
 * replayed on another list is refused instead of silently paging the wrong thing.
 */
interface CursorPayload {
  o: number;
  l: string;
}

export function createListFingerprint(list: unknown): string {
  return createHash('sha256').update(stableKey(list)).digest('base64url').slice(0, 16);
}

/** The list's fingerprint, computed the first time a cursor needs it: most pages encode none. */
export function lazyListFingerprint(list: unknown): () => string {
  let value: string | undefined;
  return () => {
    value ??= createListFingerprint(list);
    return value;
  };
}

export function encodeCursor(offset: number, fingerprint: string): string {
  const payload: CursorPayload = { o: offset, l: fingerprint };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** The offset a cursor points at; BAD_USER_INPUT when it is garbage or from another list. */
export function decodeCursor(cursor: string, fingerprint: string, argumentName: string): number {
  const payload = parseCursor(cursor);
  if (!payload) {
    throw createBadUserInputError(
      `Argument "${argumentName}" is not a valid cursor; use a cursor this list returned.`,
      { argumentName },
    );
  }
  if (payload.l !== fingerprint) {
    throw createBadUserInputError(
      `Argument "${argumentName}" is a cursor of another list (other filters, order or parent); ` +
        'cursors only work on the list that returned them.',
      { argumentName },
    );
  }
  return payload.o;
}

function parseCursor(cursor: string): CursorPayload | null {
  if (cursor.length === 0 || cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!value || typeof value !== 'object') return null;
    const { o, l } = value as Record<string, unknown>;
    if (typeof o !== 'number' || !Number.isSafeInteger(o) || o < 0 || typeof l !== 'string') return null;
    return { o, l };
  } catch {
    return null;
  }
}
