import { getNamedType, isIntrospectionType, type ValidationRule } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** graphql-js's NoSchemaIntrospectionCustomRule, reporting with a stable code. */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    const type = getNamedType(context.getType());
    if (type && isIntrospectionType(type)) {
      context.reportError(
        createGraphQLError(
          `Introspection is turned off on this gateway: "${node.name.value}" is not available.`,
          {
            nodes: node,
            extensions: { code: 'INTROSPECTION_DISABLED' },
          },
        ),
      );
    }
  },
});

/** With introspection off, `__schema` and `__type` fail validation (`__typename` still answers). */
export function useIntrospectionSwitch(enabled: boolean): Plugin {
  return {
    onValidate({ addValidationRule }) {
      if (!enabled) addValidationRule(noIntrospection);
    },
  };
}
