import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** `2027-01-01` is read as `2027-01-01T00:00:00Z`: a date alone is midnight UTC. */
const withTime = (value: unknown) =>
  typeof value === 'string' && DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value;

/** graphql-scalars' DateTime, taking a date without a time as midnight UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  description:
    'An ISO 8601 instant, e.g. `2027-01-01T09:30:00Z`; as input, a date alone (`2027-01-01`) is midnight UTC.',
  parseValue: (value) => DateTimeResolver.parseValue(withTime(value)),
  parseLiteral: (ast: ValueNode, variables) =>
    DateTimeResolver.parseLiteral(
      ast.kind === Kind.STRING ? { ...ast, value: String(withTime(ast.value)) } : ast,
      variables,
    ),
});
