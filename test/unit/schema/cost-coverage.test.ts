import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../../src/schema/index.ts';

/** Fields whose resolver takes the context (and so may reach `ctx.loaders` or `ctx.api`). */
function fieldsTakingContext(): { coordinate: string; cost: unknown }[] {
  const fields: { coordinate: string; cost: unknown }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const options = field.extensions?.pothosOptions as
        | { resolve?: (...args: unknown[]) => unknown; subscribe?: (...args: unknown[]) => unknown }
        | undefined;
      // A subscription's `subscribe` takes the context to poll; its cost is per event.
      if ((options?.resolve?.length ?? 0) >= 3 || (options?.subscribe?.length ?? 0) >= 3) {
        fields.push({ coordinate: `${type.name}.${field.name}`, cost: field.extensions?.cost });
      }
    }
  }
  return fields;
}

describe('every field that can make upstream calls has a cost function', () => {
  it('finds the fields from the schema', () => {
    expect(fieldsTakingContext().length).toBeGreaterThan(80);
  });

  it('finds the subscriptions among them', () => {
    const coordinates = fieldsTakingContext().map((field) => field.coordinate);
    expect(coordinates).toEqual(
      expect.arrayContaining(['Subscription.bulkUploadJob', 'Subscription.accountTask']),
    );
  });

  it('each has `extensions.cost`', () => {
    const missing = fieldsTakingContext()
      .filter((field) => typeof field.cost !== 'function')
      .map((field) => field.coordinate);
    expect(
      missing,
      'Add `extensions: withCost(<cost function>)` beside the resolver of each (see src/schema/cost/field-cost.ts: ' +
        'listPage, getPerParent, sourceFromList, ...), or `extensions: costsNothing("why")` when it never calls upstream',
    ).toEqual([]);
  });
});
