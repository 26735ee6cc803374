// The CommonJS entry, the one Pothos itself loads: one graphql instance under vitest's resolver too.
import { parse, validate } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_TABS } from '../../../src/schema/example-operations.ts';
import { schema } from '../../../src/schema/index.ts';

describe('GraphiQL example operations', () => {
  it.each(EXAMPLE_TABS.map((tab) => [tab.query.split('\n')[0], tab.query]))(
    '%s is valid',
    (_title, query) => {
      expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
    },
  );
});
