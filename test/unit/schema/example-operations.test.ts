// The CommonJS entry, the one Pothos itself loads: one graphql instance under vitest's resolver too.
import { parse, validate } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../../src/schema/example-operations.ts';
import { schema } from '../../../src/schema/index.ts';

describe('GraphiQL example operations', () => {
  it.each(EXAMPLE_OPERATIONS.map((query) => [query.split('\n')[0], query]))(
    '%s is valid',
    (_title, query) => {
      expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
    },
  );
});
