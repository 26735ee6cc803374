import type { AnySourceEntity, SourceEntity, SourceLiteEntity } from '../loaders/entities.ts';
import { isSourceLite } from '../loaders/entities.ts';
import type { NonEmployeeSourceLite } from '../upstream/wire/nelm.ts';
import type { GatewayContext } from './context.ts';

/** Fields a request's embedded source already carries: selecting only these costs no call. */
export const SOURCE_LITE_FIELDS = ['id', 'sourceId', 'name', 'description'] as const;

export function createSourceLite(lite: NonEmployeeSourceLite): SourceLiteEntity {
  return { id: lite.id, sourceId: lite.sourceId, name: lite.name, description: lite.description, lite: true };
}

/** The full source behind a possibly-lite one; a vanished source keeps what the lite one knew. */
export async function loadFullSource(source: AnySourceEntity, ctx: GatewayContext): Promise<SourceEntity> {
  if (!isSourceLite(source) || !source.id) return source;
  return (await ctx.loaders.source.load(source.id)) ?? source;
}

/** A lite field from the embedded source, or from the full source when the embedding lacked it. */
export async function sourceLiteField(
  source: AnySourceEntity,
  field: (typeof SOURCE_LITE_FIELDS)[number],
  ctx: GatewayContext,
): Promise<string | null> {
  const value = source[field];
  if (value !== undefined) return value ?? null;
  return (await loadFullSource(source, ctx))[field] ?? null;
}
