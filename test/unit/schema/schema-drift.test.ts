import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSortedSchema } from '../../../scripts/print-schema.ts';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing it)', () => {
    const checkedIn = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');
    expect(printSortedSchema()).toBe(checkedIn);
  });
});
