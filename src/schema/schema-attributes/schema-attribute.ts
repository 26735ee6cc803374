import { schemaAttributeKey } from '../../loaders/sources.ts';
import { SCHEMA_ATTRIBUTE_TYPES } from '../../upstream/wire/nelm.ts';
import { builder } from '../builder.ts';
import { sourceFromList, withCost } from '../cost/field-cost.ts';
import { NonEmployeeSchemaAttributeRef, NonEmployeeSourceRef } from '../refs.ts';

export const SchemaAttributeTypeEnum = builder.enumType('NonEmployeeSchemaAttributeType', {
  values: SCHEMA_ATTRIBUTE_TYPES,
});

builder.node(NonEmployeeSchemaAttributeRef, {
  description: "One field of a source's records: 8 system attributes, then up to 10 custom ones.",
  // Attribute ids are only unique within their source, so the global id carries both.
  id: { resolve: (attribute) => schemaAttributeKey(attribute.nonEmployeeSourceId, attribute.id ?? '') },
  loadWithoutCache: (key, ctx) => ctx.loaders.schemaAttribute.load(key),
  fields: (t) => ({
    iscId: t.string({
      description: 'The ISC id of the attribute.',
      resolve: (attribute) => attribute.id ?? '',
    }),
    type: t.field({ type: SchemaAttributeTypeEnum, resolve: (attribute) => attribute.type }),
    label: t.exposeString('label'),
    technicalName: t.exposeString('technicalName', {
      description: 'Unique in the source; the key in `data`.',
    }),
    helpText: t.string({ nullable: true, resolve: (attribute) => attribute.helpText ?? null }),
    placeholder: t.string({ nullable: true, resolve: (attribute) => attribute.placeholder ?? null }),
    required: t.boolean({ resolve: (attribute) => attribute.required ?? false }),
    system: t.boolean({
      description: 'True for the mandatory attributes every source has.',
      resolve: (attribute) => attribute.system ?? false,
    }),
    created: t.field({ type: 'DateTime', nullable: true, resolve: (attribute) => attribute.created ?? null }),
    modified: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (attribute) => attribute.modified ?? null,
    }),
    source: t.field({
      type: NonEmployeeSourceRef,
      nullable: true,
      extensions: withCost(sourceFromList),
      resolve: (attribute, _args, ctx) => ctx.loaders.source.load(attribute.nonEmployeeSourceId),
    }),
  }),
});
