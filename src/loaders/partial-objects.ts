import type { NonEmployeeSourceLite } from '../upstream/wire/nelm.ts';
import type { SourceLiteEntity } from './entities.ts';

/** What a partial object answers without a further call: its fields, and the selection that may ask for them. */
export interface PartialFields<Field extends string> {
  fields: readonly Field[];
  /** The fields plus `__typename`: a selection within this set costs no call. */
  selectable: ReadonlySet<string>;
}

export function partialFields<const Field extends string>(...fields: Field[]): PartialFields<Field> {
  return { fields, selectable: new Set(['__typename', ...fields]) };
}

/** The source a request embeds: id, sourceId, name and description. */
export const SOURCE_LITE = partialFields('id', 'sourceId', 'name', 'description');

export type SourceLiteField = (typeof SOURCE_LITE.fields)[number];

/**
 * Account fields a `detailLevel=SLIM` answer carries (or that need only the account's id, source
 * and native identity). A selection within these is read SLIM; any other field asks for FULL.
 */
export const SLIM_ACCOUNT = partialFields(
  'id',
  'iscId',
  'name',
  'nativeIdentity',
  'sourceId',
  'identityId',
  'disabled',
  'locked',
  'manuallyCorrelated',
  'hasEntitlements',
  'created',
  'modified',
  'record',
  'nonEmployeeSource',
  'entitlements',
);

/** Request fields an approval item already carries. */
export const REQUEST_ON_APPROVAL = partialFields('id', 'iscId', 'accountName', 'requester');

export function createSourceLite(lite: NonEmployeeSourceLite): SourceLiteEntity {
  return { id: lite.id, sourceId: lite.sourceId, name: lite.name, description: lite.description, lite: true };
}
