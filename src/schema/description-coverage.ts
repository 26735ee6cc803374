import {
  type GraphQLArgument,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
} from 'graphql';

/** One schema element by its coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`), with its description. */
export interface DescribedElement {
  coordinate: string;
  kind: 'type' | 'field' | 'argument' | 'input field' | 'enum value' | 'directive';
  description: string | null | undefined;
}

function argumentElements(owner: string, args: readonly GraphQLArgument[]): DescribedElement[] {
  return args.map((arg) => ({
    coordinate: `${owner}(${arg.name}:)`,
    kind: 'argument' as const,
    description: arg.description,
  }));
}

/** Every type, field, argument, input field, enum value and directive the schema defines (GraphQL's own left out). */
export function schemaElements(schema: GraphQLSchema): DescribedElement[] {
  const elements: DescribedElement[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    elements.push({ coordinate: type.name, kind: 'type', description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        elements.push({ coordinate, kind: 'field', description: field.description });
        elements.push(...argumentElements(coordinate, field.args));
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        elements.push({
          coordinate: `${type.name}.${field.name}`,
          kind: 'input field',
          description: field.description,
        });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        elements.push({
          coordinate: `${type.name}.${value.name}`,
          kind: 'enum value',
          description: value.description,
        });
      }
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    elements.push({
      coordinate: `@${directive.name}`,
      kind: 'directive',
      description: directive.description,
    });
    elements.push(...argumentElements(`@${directive.name}`, directive.args));
  }
  return elements;
}

/** The elements without a (non-blank) description. */
export function undescribedElements(schema: GraphQLSchema): DescribedElement[] {
  return schemaElements(schema).filter((element) => !element.description?.trim());
}

/** Described elements per kind, e.g. `{ field: { described: 365, total: 365 } }`. */
export function descriptionCoverage(
  schema: GraphQLSchema,
): Record<string, { described: number; total: number }> {
  const coverage: Record<string, { described: number; total: number }> = {};
  for (const element of schemaElements(schema)) {
    const kind = coverage[element.kind] ?? { described: 0, total: 0 };
    coverage[element.kind] = kind;
    kind.total += 1;
    if (element.description?.trim()) kind.described += 1;
  }
  return coverage;
}
