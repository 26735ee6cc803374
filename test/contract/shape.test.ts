import { describe, expect, it } from 'vitest';
import { allOf, arrayOf, fields, mapOf, nullable, oneOf, optional, shapeErrors } from './shape.ts';

// Every contract test trusts this checker: a checker that let anything through would pass them all.
describe('the shape checker of the contract tests', () => {
  const ITEM = fields({
    id: 'string',
    count: 'integer',
    ratio: optional('number'),
    when: 'date-time',
    day: optional('date'),
    status: oneOf('OPEN', null),
    note: nullable('string'),
    tags: arrayOf('string'),
    data: mapOf('string'),
  });
  const fitting = {
    id: 'a',
    count: 2,
    when: '2025-01-01T00:00:00Z',
    status: null,
    note: null,
    tags: ['x'],
    data: { k: 'v' },
  };

  it('finds nothing wrong with a body that fits', () => {
    expect(shapeErrors(fitting, ITEM)).toEqual([]);
    expect(shapeErrors({ ...fitting, ratio: 0.5, day: '2025-01-31', status: 'OPEN' }, ITEM)).toEqual([]);
    expect(shapeErrors([fitting, fitting], arrayOf(ITEM))).toEqual([]);
  });

  it('names a missing field, an unexpected one, and each wrong type or value', () => {
    const { id: _id, ...withoutId } = fitting;
    expect(shapeErrors(withoutId, ITEM)).toEqual(['$.id: missing']);
    expect(shapeErrors({ ...fitting, extra: 1 }, ITEM)).toEqual(["$.extra: not in the spec's schema"]);
    expect(
      shapeErrors(
        {
          ...fitting,
          count: 2.5,
          ratio: Number.NaN,
          when: '2025-01-01',
          day: '2025-02-30T00:00:00Z',
          status: 'CLOSED',
          note: 3,
          tags: ['x', 1],
          data: { k: null },
        },
        ITEM,
      ),
    ).toEqual([
      '$.count: expected integer, got number 2.5',
      '$.ratio: expected number, got number null',
      '$.when: expected date-time, got string "2025-01-01"',
      '$.day: expected date, got string "2025-02-30T00:00:00Z"',
      '$.status: expected one of OPEN, , got string "CLOSED"',
      '$.note: expected string, got number 3',
      '$.tags[1]: expected string, got number 1',
      '$.data.k: expected string, got null',
    ]);
  });

  it('refuses null where a field is only optional, and an object where an array is due', () => {
    expect(shapeErrors({ ...fitting, ratio: null }, ITEM)).toEqual(['$.ratio: expected number, got null']);
    expect(shapeErrors(fitting, arrayOf(ITEM))).toEqual([
      `$: expected an array, got object ${JSON.stringify(fitting)}`,
    ]);
    expect(shapeErrors('text', ITEM)).toEqual(['$: expected an object, got string "text"']);
  });

  it('merges field shapes with allOf, each field still checked', () => {
    const merged = allOf(fields({ a: 'string' }), fields({ b: 'boolean' }));
    expect(shapeErrors({ a: 'x', b: true }, merged)).toEqual([]);
    expect(shapeErrors({ a: 'x' }, merged)).toEqual(['$.b: missing']);
    expect(() => allOf(fields({ a: 'string' }), 'string')).toThrow(TypeError);
  });
});
