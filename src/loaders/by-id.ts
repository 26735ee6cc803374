import DataLoader from 'dataloader';
import { ErrorCode, isUpstreamError } from '../upstream/errors.ts';

/** A 404 is an absent object (null), not an error, for the nullable lookups built on it. */
export async function nullIfNotFound<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (isUpstreamError(error) && error.code === ErrorCode.NotFound) return null;
    throw error;
  }
}

/**
 * A by-id loader over an API with no batch read: keys of one tick are deduplicated and fetched
 * in parallel; a failed key gets its Error in its own slot, the others still resolve.
 */
export function createByIdLoader<T>(get: (id: string) => Promise<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const settled = await Promise.allSettled(ids.map((id) => nullIfNotFound(get(id))));
    return settled.map((result) => (result.status === 'fulfilled' ? result.value : toError(result.reason)));
  });
}

export function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
