/** What every operation module is built from, and the list plumbing they share. */
import type { ListParams, Page } from '../api.ts';
import { compileFilter, compileSorters } from '../filters.ts';
import type { QueryValue, ResponseHeaders, UpstreamApiVersion, UpstreamHttp } from '../http-client.ts';

export interface OperationContext {
  /** The version the NELM paths live under (`SAIL_API_VERSION`); accounts use v3, remove and identities-accounts beta or v2025. */
  nelmVersion: UpstreamApiVersion;
}

/**
 * Operation methods built once per API version and shared by every request: each reads the
 * caller's HTTP binding (token, signal, throttle) from `this`, an object whose prototype they are.
 */
export type BoundOperations<T> = T & ThisType<{ http: UpstreamHttp }>;

/** The spec's collection parameters; `count` only when asked, as it costs the server. */
export const listQuery = (params: ListParams): Record<string, QueryValue> => ({
  limit: params.limit,
  offset: params.offset,
  count: params.count ? true : undefined,
  filters: params.filters ? compileFilter(params.filters) : undefined,
  sorters: params.sorters?.length ? compileSorters(params.sorters) : undefined,
});

export const readTotalCount = (headers: ResponseHeaders): number | null => {
  const raw = headers['x-total-count'];
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (text == null || !/^\d+$/.test(text.trim())) return null;
  return Number(text);
};

export const toPage = <T>(
  answer: { data: T[] | undefined; headers: ResponseHeaders },
  counted?: boolean,
): Page<T> => ({
  items: Array.isArray(answer.data) ? answer.data : [],
  totalCount: counted ? readTotalCount(answer.headers) : null,
});

/** A 202 whose body the spec leaves as any object: the task id when it has one. */
export const toAsyncResult = (data: unknown): { id: string } | null =>
  data !== null && typeof data === 'object' && typeof (data as { id?: unknown }).id === 'string'
    ? { id: (data as { id: string }).id }
    : null;
