import DataLoader from 'dataloader';
import type { ListParams, Page, UpstreamApi } from '../upstream/api.ts';
import { ErrorCode, isUpstreamError } from '../upstream/errors.ts';
import { MAX_LIST_LIMIT } from '../upstream/wire/collections.ts';
import { nullIfNotFound, toError } from './by-id.ts';
import type { CallCache } from './call-cache.ts';
import type { SchemaAttributeEntity, SourceEntity } from './entities.ts';

export type SourceListParams = ListParams & { requestedFor?: string; nonEmployeeCount?: boolean };

/** An org has at most 50 non-employee sources: one page of 250 holds them all. */
export const ALL_SOURCES_PARAMS: SourceListParams = {
  limit: MAX_LIST_LIMIT,
  offset: 0,
  nonEmployeeCount: true,
};

export interface SourceLoaders {
  source: DataLoader<string, SourceEntity | null>;
  schemaAttributes: DataLoader<string, SchemaAttributeEntity[]>;
  schemaAttribute: DataLoader<string, SchemaAttributeEntity | null>;
  listSources(params: SourceListParams): Promise<Page<SourceEntity>>;
  /** Starts the all-sources list now, for a field the operation will resolve later (see `call-plan.ts`). */
  primeAllSources(): void;
  /** The count of records of a source, from the all-sources list when it has the source. */
  nonEmployeeCount(sourceId: string): Promise<number>;
}

/** An attribute's key, and its node id: attribute ids are unique only within their source. */
export function schemaAttributeKey(sourceId: string, attributeId: string): string {
  return `${sourceId}:${attributeId}`;
}

export function createSourceLoaders(
  api: UpstreamApi,
  calls: CallCache,
  countRecords: (sourceId: string) => Promise<number>,
): SourceLoaders {
  const fetchSources = async (params: SourceListParams): Promise<Page<SourceEntity>> => {
    const page = await api.listNonEmployeeSources(params);
    for (const item of page.items) if (item.id) source.prime(item.id, item);
    return page;
  };
  const listSources = (params: SourceListParams): Promise<Page<SourceEntity>> =>
    calls.once('sources', params, () => fetchSources(params));

  // Any number of sources wanted in one tick: one list call (with counts), gets only for the rest.
  const source = new DataLoader<string, SourceEntity | null>(async (ids) => {
    let byId = new Map<string, SourceEntity>();
    try {
      const page = await listSources(ALL_SOURCES_PARAMS);
      byId = new Map(page.items.filter((item) => item.id).map((item) => [item.id as string, item]));
      // One page holds every source of an org: a source it lacks does not exist.
      if (page.items.length < MAX_LIST_LIMIT) return ids.map((id) => byId.get(id) ?? null);
    } catch (error) {
      // A caller who may not list every source may still read the ones they are entitled to.
      if (!(isUpstreamError(error) && error.code === ErrorCode.Forbidden))
        return ids.map(() => toError(error));
    }
    const settled = await Promise.allSettled(
      ids.map((id) => byId.get(id) ?? nullIfNotFound(api.getNonEmployeeSource(id))),
    );
    return settled.map((result) => (result.status === 'fulfilled' ? result.value : toError(result.reason)));
  });

  const schemaAttributes = new DataLoader<string, SchemaAttributeEntity[]>(async (sourceIds) => {
    const settled = await Promise.allSettled(
      sourceIds.map(async (sourceId) => {
        const items = await api.getNonEmployeeSourceSchemaAttributes(sourceId);
        return items.map((item) => ({ ...item, nonEmployeeSourceId: sourceId }));
      }),
    );
    return settled.map((result, index) => {
      if (result.status === 'rejected') return toError(result.reason);
      listed.add(sourceIds[index]);
      for (const item of result.value) {
        if (item.id) schemaAttribute.prime(schemaAttributeKey(item.nonEmployeeSourceId, item.id), item);
      }
      return result.value;
    });
  });

  const listed = new Set<string>();
  // A source has at most 18 attributes: its list is one call and answers any number of them; one
  // attribute of a source not listed yet is its own get (the same one call).
  const schemaAttribute = new DataLoader<string, SchemaAttributeEntity | null>(async (keys) => {
    const perSource = new Map<string, number>();
    for (const key of keys) perSource.set(splitKey(key)[0], (perSource.get(splitKey(key)[0]) ?? 0) + 1);
    return Promise.all(
      keys.map(async (key) => {
        const [sourceId, attributeId] = splitKey(key);
        try {
          if (perSource.get(sourceId) === 1 && !listed.has(sourceId)) {
            const item = await nullIfNotFound(api.getNonEmployeeSchemaAttribute(sourceId, attributeId));
            return item && { ...item, nonEmployeeSourceId: sourceId };
          }
          const items = await schemaAttributes.load(sourceId);
          return items.find((item) => item.id === attributeId) ?? null;
        } catch (error) {
          if (isUpstreamError(error) && error.code === ErrorCode.NotFound) return null;
          return toError(error);
        }
      }),
    );
  });

  async function nonEmployeeCount(sourceId: string): Promise<number> {
    const loaded = await source.load(sourceId);
    if (typeof loaded?.nonEmployeeCount === 'number') return loaded.nonEmployeeCount;
    // Primed from a list asked without counts: the all-sources list (one call per operation) has them.
    const all = await listSources(ALL_SOURCES_PARAMS).catch(() => null);
    const counted = all?.items.find((item) => item.id === sourceId)?.nonEmployeeCount;
    if (typeof counted === 'number') return counted;
    return countRecords(sourceId);
  }

  const primeAllSources = () =>
    calls.prime('sources', ALL_SOURCES_PARAMS, () => fetchSources(ALL_SOURCES_PARAMS));

  return { source, schemaAttributes, schemaAttribute, listSources, primeAllSources, nonEmployeeCount };
}

function splitKey(key: string): [string, string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon), key.slice(colon + 1)];
}
