import { schemaAttributeKey } from '../../loaders/sources.ts';
import type { SCHEMA_ATTRIBUTE_TYPES } from '../../upstream/wire/nelm.ts';
import { builder } from '../builder.ts';
import { sourceFromList, withCost } from '../cost/field-cost.ts';
import { NonEmployeeSchemaAttributeRef, NonEmployeeSourceRef } from '../refs.ts';

export const SchemaAttributeTypeEnum = builder.enumType('NonEmployeeSchemaAttributeType', {
  description:
    'The kind of value a schema attribute holds (`PHONE` and `EMAIL`: the system attributes of those names).',
  values: {
    TEXT: { value: 'TEXT', description: 'Free text.' },
    DATE: { value: 'DATE', description: 'A date, sent as an ISO 8601 string.' },
    IDENTITY: { value: 'IDENTITY', description: 'An ISC identity, by its id (e.g. the manager).' },
    PHONE: { value: 'PHONE', description: 'A phone number (the system `phone` attribute).' },
    EMAIL: { value: 'EMAIL', description: 'An email address (the system `email` attribute).' },
  } as const satisfies Record<(typeof SCHEMA_ATTRIBUTE_TYPES)[number], unknown>,
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
    type: t.field({
      description: 'The kind of value the attribute holds.',
      type: SchemaAttributeTypeEnum,
      resolve: (attribute) => attribute.type,
    }),
    label: t.exposeString('label', { description: "The attribute's name as forms show it." }),
    technicalName: t.exposeString('technicalName', {
      description: 'Unique in the source; the key in `data`.',
    }),
    helpText: t.string({
      description: 'Help shown beside the field on the request form.',
      nullable: true,
      resolve: (attribute) => attribute.helpText ?? null,
    }),
    placeholder: t.string({
      description: 'Placeholder shown in the empty field.',
      nullable: true,
      resolve: (attribute) => attribute.placeholder ?? null,
    }),
    required: t.boolean({
      description: 'Whether a record or request must give it.',
      resolve: (attribute) => attribute.required ?? false,
    }),
    system: t.boolean({
      description: 'True for the mandatory attributes every source has.',
      resolve: (attribute) => attribute.system ?? false,
    }),
    created: t.field({
      description: 'When the attribute was added.',
      type: 'DateTime',
      nullable: true,
      resolve: (attribute) => attribute.created ?? null,
    }),
    modified: t.field({
      description: 'When the attribute was last changed.',
      type: 'DateTime',
      nullable: true,
      resolve: (attribute) => attribute.modified ?? null,
    }),
    source: t.field({
      description: 'The source whose records the attribute describes.',
      type: NonEmployeeSourceRef,
      nullable: true,
      extensions: withCost(sourceFromList),
      resolve: (attribute, _args, ctx) => ctx.loaders.source.load(attribute.nonEmployeeSourceId),
    }),
  }),
});
