import type { SchemaAttributeEntity } from '../../loaders/entities.ts';
import type { NonEmployeeData } from '../../upstream/wire/nelm.ts';
import { type BuilderTypes, builder } from '../builder.ts';
import { withCost } from '../cost/field-cost.ts';
import { IdentityReference } from '../identity-reference.ts';
import { NonEmployeeSchemaAttributeRef } from '../refs.ts';
import { customAttributesCost } from './attribute-costs.ts';
import { readDate, readIdentityId, type ValueKind, valueKind } from './attribute-rules.ts';

/** One custom attribute of a source, with the value a record or request holds for it. */
interface AttributeEntry {
  attribute: SchemaAttributeEntity;
  raw: string | null;
}

interface AttributeValue {
  kind: ValueKind;
  raw: string;
}

const VALUE_TYPES: Record<ValueKind, string> = {
  text: 'NonEmployeeTextValue',
  date: 'NonEmployeeDateValue',
  identity: 'NonEmployeeIdentityValue',
};

const AttributeValueInterface = builder.interfaceRef<AttributeValue>('NonEmployeeAttributeValue').implement({
  description:
    "A custom attribute's value, typed by the attribute's type: TEXT (and beta's PHONE, EMAIL) a text, DATE a date, IDENTITY an identity.",
  resolveType: (value) => VALUE_TYPES[value.kind],
  fields: (t) => ({
    raw: t.exposeString('raw', { description: 'The value as ISC stores it in `data`.' }),
  }),
});

builder.objectRef<AttributeValue>(VALUE_TYPES.text).implement({
  description: 'The value of a TEXT attribute (or a PHONE or EMAIL one).',
  interfaces: [AttributeValueInterface],
  fields: (t) => ({ text: t.string({ description: 'The text.', resolve: (value) => value.raw }) }),
});

builder.objectRef<AttributeValue>(VALUE_TYPES.date).implement({
  description: 'The value of a DATE attribute.',
  interfaces: [AttributeValueInterface],
  fields: (t) => ({
    date: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The date (a date alone is midnight UTC); null when the stored text is not a date.',
      resolve: (value) => readDate(value.raw),
    }),
  }),
});

builder.objectRef<AttributeValue>(VALUE_TYPES.identity).implement({
  description: 'The value of an IDENTITY attribute.',
  interfaces: [AttributeValueInterface],
  fields: (t) => ({
    identity: t.field({
      type: IdentityReference,
      nullable: true,
      description:
        'The identity it points to, by id (the NELM and Accounts APIs read no identity); null when the stored text is not an identity id.',
      resolve: (value) => {
        const id = readIdentityId(value.raw);
        return id ? { type: 'IDENTITY' as const, id } : null;
      },
    }),
  }),
});

const NonEmployeeAttribute = builder.objectRef<AttributeEntry>('NonEmployeeAttribute').implement({
  description: 'A custom attribute of the source, with its value on this record or request.',
  fields: (t) => ({
    attribute: t.field({
      type: NonEmployeeSchemaAttributeRef,
      description: 'The schema attribute: technical name, label, type, required, help text.',
      resolve: (entry) => entry.attribute,
    }),
    value: t.field({
      type: AttributeValueInterface,
      nullable: true,
      description: 'The typed value; null when there is none (absent or blank in `data`).',
      resolve: (entry) =>
        entry.raw?.trim() ? { kind: valueKind(entry.attribute.type), raw: entry.raw } : null,
    }),
  }),
});

/** What the field reads from a record or a request. */
interface HoldsData {
  sourceId: string | undefined;
  data: NonEmployeeData | undefined;
}

/** `attributes` of a record or a request: the source's custom attributes with the parent's values. */
export function customAttributesField<Shape extends object>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Shape>,
  held: (parent: Shape) => HoldsData,
  noun: string,
) {
  return t.field({
    type: [NonEmployeeAttribute],
    nullable: true,
    description:
      `The source's custom attributes in schema order, each with this ${noun}'s typed value: \`data\` read ` +
      "by the source's schema attributes (one call per distinct source, however many parents share it).",
    extensions: withCost(customAttributesCost),
    resolve: async (parent, _args, ctx) => {
      const { sourceId, data } = held(parent);
      if (!sourceId) return [];
      const schema = await ctx.loaders.schemaAttributes.load(sourceId);
      return schema
        .filter((attribute) => !attribute.system)
        .map((attribute) => ({ attribute, raw: data?.[attribute.technicalName] ?? null }));
    },
  });
}
